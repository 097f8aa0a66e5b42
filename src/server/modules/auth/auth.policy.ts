import type { SessionUser } from '../../lib/auth-context.js';

/** Anyone with a session may end it, and end all of their own. */
export const canManageOwnSessions = (user: SessionUser | null): user is SessionUser => user !== null;
