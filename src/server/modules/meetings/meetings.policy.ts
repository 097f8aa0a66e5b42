import { Role } from '../../../shared/auth.js';
import { MeetingStatus, Visibility } from '../../../shared/meetings.js';
import { isFocalPointOf, isSecretariat } from '../../lib/access.js';
import type { SessionUser } from '../../lib/auth-context.js';

/** What the policy needs to know of a meeting. */
export interface MeetingAccess {
  visibility: Visibility;
  status: MeetingStatus;
  /** Member ids that may see a restricted meeting. */
  restrictedMemberIds: string[];
}

/**
 * Public meetings are for everyone; coalition meetings for anyone signed in; restricted ones
 * for the secretariat and the listed members' focal points. Anyone else gets 404.
 */
export function canReadMeeting(
  user: SessionUser | null,
  meeting: Pick<MeetingAccess, 'visibility' | 'restrictedMemberIds'>,
): boolean {
  if (meeting.visibility === Visibility.enum.public) return true;
  if (!user) return false;
  if (meeting.visibility === Visibility.enum.coalition) return true;
  if (isSecretariat(user)) return true;
  return meeting.restrictedMemberIds.some((memberId) => isFocalPointOf(user, memberId));
}

/** The secretariat creates and changes meetings, invites members, records attendance and remarks. */
export const canManageMeetings = (user: SessionUser | null): boolean => isSecretariat(user);

export type DelegationDecision = 'allowed' | 'not_own_member' | 'closed' | 'forbidden';

/**
 * Naming a delegation: the secretariat for any member at any time; a focal point only for
 * their own member, and only while the meeting is still planned.
 */
export function canNameDelegation(
  user: SessionUser | null,
  meeting: Pick<MeetingAccess, 'status'>,
  memberId: string,
): DelegationDecision {
  if (isSecretariat(user)) return 'allowed';
  if (user?.role !== Role.enum.focal_point) return 'forbidden';
  if (!isFocalPointOf(user, memberId)) return 'not_own_member';
  return meeting.status === MeetingStatus.enum.planned ? 'allowed' : 'closed';
}

/** The caller, as SQL parameters (`$3`…) a query filters by: signed in, secretariat, their member (null unless a focal point). */
export interface ViewerSql {
  signedIn: string;
  secretariat: string;
  memberId: string;
}

/**
 * canReadMeeting as a SQL condition on the meeting row `m`, for queries that must not load what
 * the caller may not see (search). meetings.policy.test.ts checks the two agree.
 */
export const meetingVisibleSql = (m: string, viewer: ViewerSql): string =>
  `(${m}.visibility = '${Visibility.enum.public}' or (${viewer.signedIn} and (${m}.visibility = '${Visibility.enum.coalition}'
    or ${viewer.secretariat} or exists (select 1 from meeting_restricted_members vr
      where vr.meeting_id = ${m}.id and vr.member_id = ${viewer.memberId}))))`;
