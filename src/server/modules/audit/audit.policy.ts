import { isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** The audit trail names people and shows every change: secretariat and admins only. */
export const canReadAudit = (user: SessionUser | null): boolean => isSecretariat(user);
