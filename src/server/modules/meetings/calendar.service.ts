import type { CalendarLink, MeetingSummary } from '../../../shared/meetings.js';
import type { Db } from '../../db/client.js';
import { memberOfFocalPoint } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import { type CalendarMeeting, calendarFileName, meetingsCalendar } from './calendar.js';
import { readCalendarDetails } from './calendar.repo.js';
import type { MeetingLoader } from './meeting-loader.js';
import { canReadMeeting } from './meetings.policy.js';

/** Where a calendar token's calendar is read: the path the link carries, without the host. */
export const tokenCalendarPath = (token: string) => `/api/v1/calendar/${token}.ics`;

/**
 * The meetings as iCalendar (RFC 5545): one meeting, every meeting the caller may see, and the
 * private link a calendar app subscribes to without a session.
 */
export function createCalendarService(deps: {
  db: Db;
  loader: MeetingLoader;
  auth: Pick<AuthService, 'rotateCalendarToken' | 'resolveCalendarToken'>;
}) {
  const { db, loader } = deps;

  /** The summaries with what only the calendar shows, read for these meetings only. */
  async function withDetails(summaries: MeetingSummary[]): Promise<{ meeting: CalendarMeeting; invited: string[] }[]> {
    const details = await readCalendarDetails(
      db,
      summaries.map((s) => s.id),
    );
    return summaries.flatMap((summary) => {
      const d = details.get(summary.id);
      if (!d) return [];
      return [
        {
          meeting: { ...summary, updatedAt: d.updatedAt, summary: d.summary, agenda: d.agenda },
          invited: d.invitedMemberIds,
        },
      ];
    });
  }

  async function visibleMeetings(auth: Auth) {
    return withDetails((await loader.all()).filter((m) => canReadMeeting(auth.user, m.access)).map((m) => m.summary));
  }

  return {
    /** One meeting as iCalendar, in its own zone, with the file name to save it as; 404 when hidden. */
    async getMeetingCalendar(auth: Auth, id: string, baseUrl: string): Promise<{ body: string; fileName: string }> {
      const { meeting } = await loader.visible(auth, id);
      const [found] = await withDetails([meeting]);
      if (!found) throw notFound('Meeting');
      return {
        body: meetingsCalendar([found.meeting], { name: meeting.title, baseUrl }),
        fileName: calendarFileName(meeting),
      };
    },

    /** Every meeting the caller may see, as one iCalendar. */
    async getCalendar(auth: Auth, baseUrl: string): Promise<string> {
      const meetings = (await visibleMeetings(auth)).map((m) => m.meeting);
      return meetingsCalendar(meetings, { name: 'Coalition meetings', baseUrl });
    },

    /**
     * The calendar behind a private token: what its user may see; for a focal point, the meetings
     * their member is invited to. 404 for a token nobody has, as for a page that does not exist.
     */
    async getTokenCalendar(auth: Auth, token: string, baseUrl: string): Promise<string> {
      const user = await deps.auth.resolveCalendarToken(token);
      if (!user) throw notFound('Calendar');
      const asUser: Auth = { ...auth, user };
      const memberId = memberOfFocalPoint(user);
      const meetings = (await visibleMeetings(asUser))
        .filter((m) => memberId === null || m.invited.includes(memberId))
        .map((m) => m.meeting);
      const name = memberId ? `Coalition meetings: ${user.memberCode}` : 'Coalition meetings';
      return meetingsCalendar(meetings, { name, baseUrl });
    },

    /** A new private calendar link for the signed-in user; the one they had stops working. */
    async rotateCalendarLink(auth: Auth): Promise<CalendarLink> {
      const token = await deps.auth.rotateCalendarToken(auth);
      return { path: tokenCalendarPath(token) };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
