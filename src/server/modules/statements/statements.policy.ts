import { Role } from '../../../shared/auth.js';
import { Visibility } from '../../../shared/meetings.js';
import { StatementStatus } from '../../../shared/statements.js';
import { isFocalPointOf, isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';
import type { ViewerSql } from '../meetings/meetings.policy.js';

/** What the policy needs to know of a statement. */
export interface StatementAccess {
  status: StatementStatus;
  visibility: Visibility;
  /** Member ids that may see a restricted statement. */
  restrictedMemberIds: string[];
  /** Member ids any of its procedures circulated it to (ever). */
  circulatedMemberIds: string[];
}

/**
 * Who may see a statement (anyone else gets 404):
 * - the secretariat, always;
 * - adopted: public ones everyone, coalition ones anyone signed in, restricted ones the listed
 *   members' focal points;
 * - not adopted (a draft, in procedure, withdrawn): only the focal points of members it was
 *   circulated to, and of a restricted one only those also listed. Observers never.
 */
export function canReadStatement(user: SessionUser | null, statement: StatementAccess): boolean {
  if (isSecretariat(user)) return true;
  const listed = (memberId: string) =>
    statement.visibility !== Visibility.enum.restricted || statement.restrictedMemberIds.includes(memberId);
  if (statement.status !== StatementStatus.enum.adopted) {
    return statement.circulatedMemberIds.some((memberId) => isFocalPointOf(user, memberId) && listed(memberId));
  }
  if (statement.visibility === Visibility.enum.public) return true;
  if (!user) return false;
  if (statement.visibility === Visibility.enum.coalition) return true;
  return statement.restrictedMemberIds.some((memberId) => isFocalPointOf(user, memberId));
}

/**
 * canReadStatement as a SQL condition on the statement row `s`, for queries that must not load
 * what the caller may not see (search). statements.policy.test.ts checks the two agree.
 */
export function statementVisibleSql(s: string, viewer: ViewerSql): string {
  const listed = `exists (select 1 from statement_restricted_members vr where vr.statement_id = ${s}.id and vr.member_id = ${viewer.memberId})`;
  const circulated = `exists (select 1 from procedures vp join procedure_members vm on vm.procedure_id = vp.id
    where vp.statement_id = ${s}.id and vm.member_id = ${viewer.memberId})`;
  return `(${viewer.secretariat}
    or (${s}.status = '${StatementStatus.enum.adopted}' and (${s}.visibility = '${Visibility.enum.public}'
      or (${viewer.signedIn} and ${s}.visibility = '${Visibility.enum.coalition}') or (${s}.visibility = '${Visibility.enum.restricted}' and ${listed})))
    or (${s}.status <> '${StatementStatus.enum.adopted}' and ${circulated} and (${s}.visibility <> '${Visibility.enum.restricted}' or ${listed})))`;
}

/** The secretariat drafts statements, adds versions, circulates, extends, withdraws, keeps the register. */
export const canManageStatements = (user: SessionUser | null): boolean => isSecretariat(user);

/** Whether the caller sees versions and procedures (the workspace): the secretariat and circulated members. */
export function canSeeWorkspace(
  user: SessionUser | null,
  statement: Pick<StatementAccess, 'circulatedMemberIds'>,
): boolean {
  return isSecretariat(user) || statement.circulatedMemberIds.some((memberId) => isFocalPointOf(user, memberId));
}

export type ResponseDecision = 'allowed' | 'not_own_member' | 'forbidden';

/**
 * Answering a procedure for a member: only a focal point, only for their own member. Not the
 * secretariat (it runs the procedure; a member speaks for itself), never an observer. Whether the
 * member was circulated is the service's to check (404 when not).
 */
export function canRespondFor(user: SessionUser | null, memberId: string): ResponseDecision {
  if (user?.role !== Role.enum.focal_point) return 'forbidden';
  return isFocalPointOf(user, memberId) ? 'allowed' : 'not_own_member';
}

/** A reservation or an explanation of position: a focal point for their own member, or the secretariat recording one it received. */
export function canAddPositionFor(user: SessionUser | null, memberId: string): ResponseDecision {
  if (isSecretariat(user)) return 'allowed';
  if (user?.role !== Role.enum.focal_point) return 'forbidden';
  return isFocalPointOf(user, memberId) ? 'allowed' : 'not_own_member';
}
