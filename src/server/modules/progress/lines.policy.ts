import { IndicatorVisibility } from '../../../shared/progress.js';
import { isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** Lines of effort, working groups and who held office when are public: anyone reads them. */
export const canReadStructure = (_user: SessionUser | null): boolean => true;

/** The secretariat keeps the working groups' offices: it adds a co-lead or a participant, and ends an office. */
export const canManageOffices = (user: SessionUser | null): boolean => isSecretariat(user);

/** An indicator on a line's page: a public one for anyone, a coalition one for anyone signed in. */
export const canSeeIndicator = (user: SessionUser | null, indicator: { visibility: IndicatorVisibility }): boolean =>
  indicator.visibility === IndicatorVisibility.enum.public || user !== null;
