import { isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

// The registry is public: anyone, signed in or not, reads it; no policy is needed for that.

/** Only the secretariat (and admins) add members or change them. */
export const canEditMembers = (user: SessionUser | null): boolean => isSecretariat(user);
