import type { MeetingSummary } from '../../../shared/meetings.js';

// A meeting's dates and times are wall-clock values of its own zone ("10:00 in Brussels").
// They are shown as given: never turned into a Date in the reader's zone, where 10:00 in
// Brussels would read 01:00 in Los Angeles. Calendar dates are formatted as UTC midnights,
// which no zone can shift.

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

type MeetingWhen = Pick<
  MeetingSummary,
  'datePrecision' | 'startDate' | 'endDate' | 'startTime' | 'endTime' | 'timeZone'
>;

const utcDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** "3 December 2014"; "12–21 November 2014" over several days; "June 2015" when only the month is known. */
export function formatMeetingDates(m: Pick<MeetingWhen, 'datePrecision' | 'startDate' | 'endDate'>): string {
  const start = utcDate(m.startDate);
  const end = utcDate(m.endDate);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return m.startDate;
  if (m.datePrecision === 'month') return monthFormat.format(start);
  if (m.startDate === m.endDate) return dayFormat.format(start);
  return dayFormat.formatRange(start, end);
}

/** The machine-readable date of a <time>: "2015-06" when only the month is known, else the day or the moment. */
export function meetingDateTime(m: Pick<MeetingSummary, 'datePrecision' | 'startDate' | 'startsAt'>): string {
  if (m.datePrecision === 'month') return m.startDate.slice(0, 7);
  return m.startsAt ?? m.startDate;
}

/** "Europe/Brussels" → "Brussels", "America/New_York" → "New York": how people name a zone. */
export function zoneCity(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** "10:00–12:30", "10:00", or null when no time is known (a single day's times only). */
export function formatMeetingTimes(m: Pick<MeetingWhen, 'startTime' | 'endTime'>): string | null {
  if (!m.startTime) return null;
  return m.endTime ? `${m.startTime}–${m.endTime}` : m.startTime;
}

/**
 * The meeting page's line: "3 December 2014", "10 March 2027, 10:00–12:30 (Europe/Brussels)",
 * or across days "10 March 2027, 10:00 – 11 March 2027, 12:30 (Europe/Brussels)".
 */
export function formatMeetingWhen(m: MeetingWhen): string {
  const dates = formatMeetingDates(m);
  if (!m.startTime || m.datePrecision === 'month') return dates;
  if (m.startDate !== m.endDate) {
    const start = `${dayFormat.format(utcDate(m.startDate))}, ${m.startTime}`;
    const end = `${dayFormat.format(utcDate(m.endDate))}${m.endTime ? `, ${m.endTime}` : ''}`;
    return `${start} – ${end} (${m.timeZone})`;
  }
  return `${dates}, ${formatMeetingTimes(m)} (${m.timeZone})`;
}

/** The list's time: "10:00–12:30 Brussels time" (a range of days says only when it starts). */
export function formatMeetingListTime(m: MeetingWhen): string | null {
  if (!m.startTime || m.datePrecision === 'month') return null;
  const times = m.startDate === m.endDate ? formatMeetingTimes(m) : `from ${m.startTime}`;
  return `${times} ${zoneCity(m.timeZone)} time`;
}
