import { Role } from '../../../shared/auth.js';
import { isFocalPointOf, isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

/**
 * Pledges are public: everyone, signed in or not, reads them and their totals, as OCHA's
 * Financial Tracking Service publishes who promised what and what was paid.
 */
export const canReadPledges = (_user: SessionUser | null): boolean => true;

export type PledgeDecision = 'allowed' | 'not_own_member' | 'forbidden';

/**
 * Recording a pledge, or an event or a correction of one: the secretariat for any member, a
 * focal point for their own member only (another member's pledge answers 404 to their writes);
 * observers and the public never.
 */
export function canRecordPledgeFor(user: SessionUser | null, memberId: string): PledgeDecision {
  if (isSecretariat(user)) return 'allowed';
  if (user?.role !== Role.enum.focal_point) return 'forbidden';
  return isFocalPointOf(user, memberId) ? 'allowed' : 'not_own_member';
}

/** Whether the caller's role records pledges at all (before any member is named). */
export const canRecordPledges = (user: SessionUser | null): boolean =>
  isSecretariat(user) || user?.role === Role.enum.focal_point;

/** The FX table is the secretariat's to import. */
export const canImportFxRates = (user: SessionUser | null): boolean => isSecretariat(user);
