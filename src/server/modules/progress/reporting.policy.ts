import { Role } from '../../../shared/auth.js';
import { IndicatorVisibility } from '../../../shared/progress.js';
import { isFocalPointOf, isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

// Who may do what with indicators, periods and members' reports (issue 10).
//
// Reports are the working papers of a member and the secretariat: only the secretariat and the
// member's own focal points read one. Everybody else (observers, the public, a focal point of
// another member) reads approved figures on the dashboards; a report they ask for answers 404,
// as if it did not exist.

/** The secretariat (and admins) define indicators, open and reopen periods, and review reports. */
export const canManageReporting = (user: SessionUser | null): boolean => isSecretariat(user);

/**
 * Who may read an indicator and its approved figures: a public one everyone, a coalition one
 * anyone signed in. The one rule for indicators, their figures, a line's page and the exports.
 */
export const canSeeIndicator = (user: SessionUser | null, indicator: { visibility: IndicatorVisibility }): boolean =>
  indicator.visibility === IndicatorVisibility.enum.public || user !== null;

/** The visibilities a caller may read: what a cached answer listing several indicators is keyed by, and what an export filters on. */
export const visibilitiesOf = (user: SessionUser | null): IndicatorVisibility[] =>
  IndicatorVisibility.options.filter((visibility) => canSeeIndicator(user, { visibility }));

/** A member's report: the secretariat, and that member's focal points. */
export const canSeeReport = (user: SessionUser | null, memberId: string): boolean =>
  isSecretariat(user) || isFocalPointOf(user, memberId);

/** The queue of reports: the secretariat sees every member's, a focal point their own member's. */
export const canListReports = (user: SessionUser | null): boolean =>
  isSecretariat(user) || (user?.role === Role.enum.focal_point && user.memberId !== null);

/** After a period's closing day, only the secretariat still changes its reports. */
export const canWriteLockedPeriod = (user: SessionUser | null): boolean => isSecretariat(user);
