import type { Meeting, MeetingSummary } from '../../../shared/meetings.js';
import type { Tx } from '../../db/client.js';
import { requireVisible } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import { toMeeting, toSummary } from './meetings.mapper.js';
import { canReadMeeting, type MeetingAccess } from './meetings.policy.js';
import { findMeetingPage, listMeetingRows, type MeetingPageRow, prepareMeetingPage } from './meetings.repo.js';

/** Meeting pages show member and people names: a change to either drops them too. */
export const MEETING_TAGS = ['meetings', MEMBERS_TAG];

/** A meeting page as kept in the read cache, with what the policy needs to decide who sees it. */
export interface LoadedMeeting {
  meeting: Meeting;
  access: MeetingAccess;
}

const accessOf = (page: MeetingPageRow): MeetingAccess => ({
  visibility: page.meeting.visibility,
  status: page.meeting.status,
  restrictedMemberIds: page.restrictedTo.map((r) => r.memberId),
});

/**
 * The meetings module's reads, shared by its two services: pages and the list, from the read
 * cache, each with the access the policy decides on. Not for other modules: they ask the services.
 */
export function createMeetingLoader(deps: Pick<ServiceDeps, 'db' | 'cache'>) {
  const { db, cache } = deps;
  const pageStatement = prepareMeetingPage(db);

  return {
    /** The meeting page if this caller may see it; 404 alike for missing and hidden. */
    async visible(auth: Auth, id: string): Promise<LoadedMeeting> {
      const loaded = await cache.get(MEETING_TAGS, `one:${id}`, async () => {
        const [page] = await pageStatement.execute({ id });
        // A meeting nobody has is not kept: anyone can ask for any number of them.
        if (!page) throw notFound('Meeting');
        return { meeting: toMeeting(page), access: accessOf(page) };
      });
      return requireVisible(loaded, (m) => canReadMeeting(auth.user, m.access), 'Meeting');
    },

    /** Every meeting's summary with its access, soonest first. */
    all(): Promise<{ summary: MeetingSummary; access: MeetingAccess }[]> {
      return cache.get(MEETING_TAGS, 'all', async () =>
        (await listMeetingRows(db)).map(({ meeting, hostCode, restrictedMemberIds }) => ({
          summary: toSummary(meeting, hostCode),
          access: { visibility: meeting.visibility, status: meeting.status, restrictedMemberIds },
        })),
      );
    },
  };
}

export type MeetingLoader = ReturnType<typeof createMeetingLoader>;

/** The page as it stands inside a write's transaction: what the audit records before and after. */
export async function meetingSnapshot(tx: Tx, id: string): Promise<Meeting> {
  const page = await findMeetingPage(tx, id);
  if (!page) throw notFound('Meeting');
  return toMeeting(page);
}
