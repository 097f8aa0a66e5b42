import type { Meeting, MeetingSummary } from '../../../shared/meetings.js';
import type { Tx } from '../../db/client.js';
import { requireVisible } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import { publicMeeting } from './meeting-people.js';
import { type MeetingRecord, toMeeting, toMeetingRecord, toSummary } from './meetings.mapper.js';
import { canReadMeeting, type MeetingAccess } from './meetings.policy.js';
import { findMeetingRecord, readMeetingList, readMeetingPage } from './meetings.repo.js';

/** What a meeting write announces: every process drops what shows meetings. */
export const MEETINGS_TAG = 'meetings';
/** What meeting pages depend on: meetings, and the members and people they name. */
const PAGE_TAGS = [MEETINGS_TAG, MEMBERS_TAG];

/** A meeting page as kept in the read cache, with what the policy needs to decide who sees it. */
export interface LoadedMeeting {
  meeting: Meeting;
  access: MeetingAccess;
}

/**
 * The meetings module's reads, shared by its two services: pages and the list, from the read
 * cache, each with the access the policy decides on. Not for other modules: they ask the services.
 */
export function createMeetingLoader(deps: Pick<ServiceDeps, 'read' | 'cache'>) {
  const { read, cache } = deps;

  return {
    /** The meeting page if this caller may see it; 404 alike for missing and hidden. */
    async visible(auth: Auth, id: string): Promise<LoadedMeeting> {
      const full = () =>
        cache.get(PAGE_TAGS, `one:${id}`, async () => {
          const found = await readMeetingPage(read, id);
          // A meeting nobody has is not kept: anyone can ask for any number of them.
          if (!found) throw notFound('Meeting');
          const { page } = found;
          const access: MeetingAccess = {
            visibility: page.visibility,
            status: page.status,
            restrictedMemberIds: page.restrictedTo.map((r) => r.memberId),
          };
          return { meeting: toMeeting(found), access };
        });
      // Alternates and advisers are the coalition's: the public gets a page without them, kept
      // beside the full one so that each is one object, serialized once, whoever asks.
      const loaded: LoadedMeeting = auth.user
        ? await full()
        : await cache.get(PAGE_TAGS, `public:${id}`, async () => {
            const page = await full();
            return { ...page, meeting: publicMeeting(page.meeting) };
          });
      return requireVisible(loaded, (m) => canReadMeeting(auth.user, m.access), 'Meeting');
    },

    /** Every meeting's summary with its access, soonest first. */
    all(): Promise<{ summary: MeetingSummary; access: MeetingAccess }[]> {
      return cache.get(PAGE_TAGS, 'all', async () =>
        (await readMeetingList(read)).map((row) => ({
          summary: toSummary(row),
          access: { visibility: row.visibility, status: row.status, restrictedMemberIds: row.restrictedMemberIds },
        })),
      );
    },
  };
}

export type MeetingLoader = ReturnType<typeof createMeetingLoader>;

/** A meeting's own fields inside a write's transaction: what the audit records before and after. */
export async function meetingRecord(tx: Tx, id: string): Promise<MeetingRecord> {
  const found = await findMeetingRecord(tx, id);
  if (!found) throw notFound('Meeting');
  return toMeetingRecord(found);
}
