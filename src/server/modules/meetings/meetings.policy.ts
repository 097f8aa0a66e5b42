import type { SessionUser } from '../../lib/auth-context.js';

export interface MeetingAccess {
  visibility: 'public' | 'coalition' | 'restricted';
  status: 'planned' | 'held' | 'cancelled';
  /** Member ids that may see a restricted meeting. */
  restrictedMemberIds: string[];
}

const isSecretariat = (user: SessionUser | null) => user?.role === 'admin' || user?.role === 'secretariat';

/**
 * Public meetings are for everyone; coalition meetings for anyone signed in; restricted ones
 * for the secretariat and the listed members' focal points. Anyone else gets 404.
 */
export function canReadMeeting(
  user: SessionUser | null,
  meeting: Pick<MeetingAccess, 'visibility' | 'restrictedMemberIds'>,
): boolean {
  if (meeting.visibility === 'public') return true;
  if (!user) return false;
  if (meeting.visibility === 'coalition') return true;
  if (isSecretariat(user)) return true;
  return user.role === 'focal_point' && user.memberId !== null && meeting.restrictedMemberIds.includes(user.memberId);
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
  meeting: MeetingAccess,
  memberId: string,
): DelegationDecision {
  if (isSecretariat(user)) return 'allowed';
  if (user?.role !== 'focal_point') return 'forbidden';
  if (user.memberId !== memberId) return 'not_own_member';
  return meeting.status === 'planned' ? 'allowed' : 'closed';
}
