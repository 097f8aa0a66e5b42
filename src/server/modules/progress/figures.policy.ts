import { IndicatorVisibility } from '../../../shared/progress.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** Who may read an indicator's approved figures: a public one everyone, a coalition one anyone signed in. */
export const canSeeIndicator = (user: SessionUser | null, indicator: { visibility: IndicatorVisibility }): boolean =>
  indicator.visibility === IndicatorVisibility.enum.public || user !== null;

/** The visibilities a caller may read: what a cached answer listing several indicators is keyed by. */
export const visibilitiesOf = (user: SessionUser | null): IndicatorVisibility[] =>
  IndicatorVisibility.options.filter((visibility) => canSeeIndicator(user, { visibility }));
