import { isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** Merging two records of one person rewrites delegations of many meetings: the secretariat's work. */
export const canMergePeople = (user: SessionUser | null): boolean => isSecretariat(user);

/** Alternates and advisers are the coalition's to know: every signed-in user, never the public. */
export const canSeeCoalitionPeople = (user: SessionUser | null): boolean => user !== null;
