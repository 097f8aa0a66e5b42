import {
  DESK_HORIZON_DAYS,
  type MeetingAttention,
  type MemberInvitationList,
  type SecretariatDesk,
} from '../../../shared/desk.js';
import { Visibility } from '../../../shared/meetings.js';
import { requireRole } from '../../lib/access.js';
import type { Auth, SessionUser } from '../../lib/auth-context.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { canListOwnInvitations } from './desk.policy.js';
import { plannedInvitationsOf, plannedMeetingsWithCounts } from './desk.repo.js';
import { canManageMeetings, canReadMeeting } from './meetings.policy.js';
import { restrictedMemberIdsOf } from './meetings.repo.js';

const LIMIT = 100;

const addDays = (isoDate: string, days: number): string => {
  const at = new Date(`${isoDate}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

const attention = (row: Awaited<ReturnType<typeof plannedMeetingsWithCounts>>[number]): MeetingAttention => {
  const { visibility: _visibility, ...rest } = row;
  return rest;
};

/** What each role's desk reads of meetings: a focal point's invitations, the secretariat's meetings to chase. */
export function createDeskService(deps: ServiceDeps) {
  return {
    /** The planned meetings the caller's member is invited to (focal points), with whether each delegation is named. */
    async myInvitations(auth: Auth): Promise<MemberInvitationList> {
      requireRole(auth, canListOwnInvitations, "Only a focal point has their member's invitations.");
      const user = auth.user as SessionUser;
      const rows = await plannedInvitationsOf(deps.db, user.memberId as string, LIMIT);
      const items = [];
      for (const { visibility, level, seats, ...meeting } of rows) {
        // Invited to a restricted meeting not shown to this member: it is not theirs to see.
        const restrictedMemberIds =
          visibility === Visibility.enum.restricted ? await restrictedMemberIdsOf(deps.db, meeting.meetingId) : [];
        if (!canReadMeeting(user, { visibility, restrictedMemberIds })) continue;
        items.push({ ...meeting, level, seats, named: level !== null || seats > 0 });
      }
      return { memberCode: user.memberCode as string, items };
    },

    /** Planned meetings of the coming weeks with delegations not yet named, and planned ones past their end (secretariat). */
    async secretariatDesk(auth: Auth): Promise<SecretariatDesk> {
      requireRole(auth, canManageMeetings, 'Only the secretariat has this desk.');
      // Only shown, never decided on: the process's clock is enough (lib/clock.ts).
      const today = deps.clock.now().toISOString().slice(0, 10);
      const [upcoming, overdue] = await Promise.all([
        plannedMeetingsWithCounts(deps.db, { startFrom: today, startTo: addDays(today, DESK_HORIZON_DAYS) }, LIMIT),
        plannedMeetingsWithCounts(deps.db, { endedBefore: today }, LIMIT),
      ]);
      return {
        today,
        horizonDays: DESK_HORIZON_DAYS,
        upcoming: upcoming.map(attention),
        overdue: overdue.map(attention),
      };
    },
  };
}

export type DeskService = ReturnType<typeof createDeskService>;
