import type { Language } from '../../../shared/language.js';
import type { MemberDelegationList } from '../../../shared/meetings.js';
import type { Auth } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import { delegationsCsv, delegationsCsvFileName } from './delegations-csv.js';
import { MEETINGS_TAG, type MeetingLoader } from './meeting-loader.js';
import { canReadMeeting } from './meetings.policy.js';
import { readMemberDelegations } from './member-delegations.repo.js';

/**
 * A member's delegations to every meeting (heads only, the same for everyone), from the read cache;
 * 404 for an unknown code, thrown inside the load so that asking for any number of codes cannot
 * fill the cache. The member page and the list's member filter share it.
 */
export function cachedMemberDelegations(deps: Pick<ServiceDeps, 'read' | 'cache'>, code: string) {
  return deps.cache.get([MEETINGS_TAG, MEMBERS_TAG], `member-delegations:${code}`, async () => {
    const found = await readMemberDelegations(deps.read, code);
    if (!found) throw notFound('Member');
    return found;
  });
}

/**
 * What a journalist reads besides the meeting page: a member's delegations across meetings, and
 * a meeting's delegations as a CSV file.
 */
export function createMeetingReadsService(deps: Pick<ServiceDeps, 'read' | 'cache'> & { loader: MeetingLoader }) {
  const { loader } = deps;

  return {
    /** A member's delegations to the meetings the caller may see, latest first; 404 for an unknown member. */
    async listMemberDelegations(auth: Auth, code: string): Promise<MemberDelegationList> {
      const rows = await cachedMemberDelegations(deps, code);
      const byId = new Map((await loader.all()).map((m) => [m.summary.id, m]));
      const items = rows.flatMap(({ meetingId, ...delegation }) => {
        const m = byId.get(meetingId);
        return m && canReadMeeting(auth.user, m.access) ? [{ meeting: m.summary, ...delegation }] : [];
      });
      items.sort((a, b) => b.meeting.startDate.localeCompare(a.meeting.startDate));
      return { items };
    },

    /** A meeting's delegations as CSV; the public's file has no alternates or advisers. 404 when hidden. */
    async getDelegationsCsv(auth: Auth, id: string, lang: Language): Promise<{ body: string; fileName: string }> {
      // The loader's page for an anonymous caller has already lost its alternates and advisers.
      const { meeting } = await loader.visible(auth, id);
      return { body: delegationsCsv(meeting, lang, auth.user !== null), fileName: delegationsCsvFileName(meeting) };
    },
  };
}

export type MeetingReadsService = ReturnType<typeof createMeetingReadsService>;
