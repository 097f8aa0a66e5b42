import { isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** Lines of effort, working groups and who held office when are public: anyone reads them. */
export const canReadStructure = (_user: SessionUser | null): boolean => true;

/** The secretariat keeps the working groups' offices: it adds a co-lead or a participant, and ends an office. */
export const canManageOffices = (user: SessionUser | null): boolean => isSecretariat(user);
