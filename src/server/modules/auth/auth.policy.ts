import type { SessionUser } from '../../lib/auth-context.js';

/** Anyone with a session may end it, and end all of their own. */
export const canManageOwnSessions = (user: SessionUser | null): user is SessionUser => user !== null;

/** Anyone signed in chooses the language of their own interface, whatever their role. */
export const canChooseOwnLanguage = (user: SessionUser | null): user is SessionUser => user !== null;

/** Anyone signed in has a private calendar link of their own, showing what they may see. */
export const canManageOwnCalendarLink = (user: SessionUser | null): user is SessionUser => user !== null;
