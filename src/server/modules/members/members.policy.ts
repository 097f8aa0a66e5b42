import type { SessionUser } from '../../lib/auth-context.js';

// The registry is public: anyone, signed in or not, reads it.
export const canReadMembers = (_user: SessionUser | null): boolean => true;

/** Only the secretariat (and admins) add members or change them. */
export const canEditMembers = (user: SessionUser | null): boolean =>
  user?.role === 'admin' || user?.role === 'secretariat';
