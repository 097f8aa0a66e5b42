import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DatePrecision, MeetingStatus, type MeetingSummary } from '../../../shared/meetings.js';
import { zonedDateTime } from '../../lib/zoned-time.js';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A meeting as the calendar shows it: its summary's fields, and what only the calendar needs. */
export type CalendarMeeting = MeetingSummary & { updatedAt: Date; summary: string | null; agenda: string[] };

/**
 * The event's DESCRIPTION: the meeting's summary, its agenda numbered, and the link to its page. No
 * word of any language in it: the calendar is read by apps that show it in their user's language.
 */
function description(m: CalendarMeeting, url: string): string {
  const agenda = m.agenda.map((title, i) => `${i + 1}. ${title}`).join('\n');
  return [m.summary, agenda, url].filter(Boolean).join('\n\n');
}

/** "2014-12-03-brussels-ministerial.ics": the date and the title in ASCII; the id when the title has no letter of it. */
export function calendarFileName(m: Pick<MeetingSummary, 'id' | 'startDate' | 'title'>): string {
  const slug = m.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${m.startDate}-${slug || m.id}.ics`;
}

/**
 * RFC 5545 calendar of meetings. A meeting with known times is an event in its own zone
 * (DTSTART;TZID=Europe/Brussels with the VTIMEZONE included); one with only dates is an
 * all-day event; one known only to the month is left out rather than pinned to a made-up day.
 */
export function meetingsCalendar(meetings: CalendarMeeting[], options: { name: string; baseUrl: string }): string {
  const cal = ical({
    name: options.name,
    prodId: { company: 'Entente', product: 'Entente', language: 'EN' },
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const m of meetings) {
    if (m.datePrecision !== DatePrecision.enum.day) continue;
    const timed = m.startTime !== null;
    const url = `${options.baseUrl}/meetings/${m.id}`;
    const common = {
      id: `${m.id}@entente`,
      // SEQUENCE starts at 0 (RFC 5545 3.8.7.4) and a record's version at 1: the first version is
      // revision 0, and each change of the record one more, so that a calendar app takes the newer.
      sequence: m.version - 1,
      summary: m.title,
      description: description(m, url),
      location: [m.venue, m.city].filter(Boolean).join(', ') || null,
      url,
      status: m.status === MeetingStatus.enum.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // When the record last changed: the same in every download, so that an unchanged meeting is
      // unchanged to the calendar app (today's time would make every poll a new revision).
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
    };
    if (timed) {
      const start = zonedDateTime(m.startDate, m.startTime as string, m.timeZone);
      // Without an end time, an event of one hour: RFC 5545 needs a duration or an end.
      const end = m.endTime ? zonedDateTime(m.endDate, m.endTime, m.timeZone) : start.plus({ hours: 1 });
      cal.createEvent({ ...common, start, end, timezone: m.timeZone });
    } else {
      cal.createEvent({ ...common, start: m.startDate, end: addDays(m.endDate, 1), allDay: true });
    }
  }
  return cal.toString();
}
