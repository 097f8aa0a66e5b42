import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DatePrecision, MeetingStatus, type MeetingSummary } from '../../../shared/meetings.js';
import { zonedDateTime } from '../../lib/zoned-time.js';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * RFC 5545 calendar of meetings. A meeting with known times is an event in its own zone
 * (DTSTART;TZID=Europe/Brussels with the VTIMEZONE included); one with only dates is an
 * all-day event; one known only to the month is left out rather than pinned to a made-up day.
 */
export function meetingsCalendar(meetings: MeetingSummary[], options: { name: string; baseUrl: string }): string {
  const cal = ical({
    name: options.name,
    prodId: { company: 'Entente', product: 'Entente', language: 'EN' },
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const m of meetings) {
    if (m.datePrecision !== DatePrecision.enum.day) continue;
    const timed = m.startTime !== null;
    const common = {
      id: `${m.id}@entente`,
      sequence: m.version,
      summary: m.title,
      location: [m.venue, m.city].filter(Boolean).join(', ') || null,
      url: `${options.baseUrl}/meetings/${m.id}`,
      status: m.status === MeetingStatus.enum.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(0),
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
