import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/meetings.js';
import { type Formatters, useFormat } from '../../i18n/format.js';
import { COMMON_ZONES } from './time-zones.js';

// A meeting's dates and times are wall-clock values of its own zone ("10:00 in Brussels").
// They are shown as given: never turned into a Date in the reader's zone, where 10:00 in
// Brussels would read 01:00 in Los Angeles. Calendar dates are formatted as UTC midnights,
// which no zone can shift (the Formatters' `date`, `dateRange` and `month` do so).

type MeetingWhen = Pick<
  MeetingSummary,
  'datePrecision' | 'startDate' | 'endDate' | 'startTime' | 'endTime' | 'timeZone'
>;

/** What the words of a meeting's time need: the reader's formatters and the meetings catalog. */
export interface MeetingTimeWords {
  f: Formatters;
  t: TFunction<'meetings'>;
}

/**
 * The zones the catalogs name as people say them ("Brussels time", « heure de Bruxelles »,
 * «بتوقيت بروكسل»): those the meeting form offers. Any other zone is named by its city as IANA
 * spells it.
 */
const NAMED_ZONES = COMMON_ZONES;
type NamedZone = (typeof NAMED_ZONES)[number];
const isNamedZone = (zone: string): zone is NamedZone => (NAMED_ZONES as readonly string[]).includes(zone);

/** "3 December 2014"; "12–21 November 2014" over several days; "June 2015" when only the month is known. */
export function meetingDates(m: Pick<MeetingWhen, 'datePrecision' | 'startDate' | 'endDate'>, f: Formatters): string {
  if (m.datePrecision === 'month') return f.month(m.startDate);
  if (m.startDate === m.endDate) return f.date(m.startDate);
  return f.dateRange(m.startDate, m.endDate);
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

/** "Brussels time", « heure de Bruxelles », «بتوقيت بروكسل». */
export function zoneTime(timeZone: string, t: TFunction<'meetings'>): string {
  return isNamedZone(timeZone) ? t(`time.zone.${timeZone}`) : t('time.otherZone', { city: zoneCity(timeZone) });
}

/** "10:00–12:30", "10:00", or null when no time is known (a single day's times only). */
function meetingTimes(m: Pick<MeetingWhen, 'startTime' | 'endTime'>, t: TFunction<'meetings'>): string | null {
  if (!m.startTime) return null;
  return m.endTime ? t('time.range', { start: m.startTime, end: m.endTime }) : m.startTime;
}

/**
 * The meeting page's line: "3 December 2014", "10 March 2027, 10:00–12:30 (Europe/Brussels)",
 * or across days "10 March 2027, 10:00 – 11 March 2027, 12:30 (Europe/Brussels)".
 */
export function meetingWhen(m: MeetingWhen, { f, t }: MeetingTimeWords): string {
  const dates = meetingDates(m, f);
  if (!m.startTime || m.datePrecision === 'month') return dates;
  if (m.startDate !== m.endDate) {
    const span = {
      startDate: f.date(m.startDate),
      startTime: m.startTime,
      endDate: f.date(m.endDate),
      zone: m.timeZone,
    };
    return m.endTime ? t('time.acrossDays', { ...span, endTime: m.endTime }) : t('time.acrossDaysOpenEnd', span);
  }
  return t('time.oneDay', { date: dates, times: meetingTimes(m, t), zone: m.timeZone });
}

/** The list's time: "10:00–12:30 Brussels time" (a range of days says only when it starts). */
export function meetingListTime(m: MeetingWhen, { t }: Pick<MeetingTimeWords, 't'>): string | null {
  if (!m.startTime || m.datePrecision === 'month') return null;
  const zone = zoneTime(m.timeZone, t);
  if (m.startDate !== m.endDate) return t('time.listFrom', { start: m.startTime, zone });
  return t('time.listOneDay', { times: meetingTimes(m, t), zone });
}

/** A meeting's dates and times in the reader's language: `const time = useMeetingTime(); time.when(meeting)`. */
export function useMeetingTime() {
  const f = useFormat();
  const { t } = useTranslation('meetings');
  return useMemo(() => {
    const words = { f, t };
    return {
      dates: (m: MeetingWhen) => meetingDates(m, f),
      when: (m: MeetingWhen) => meetingWhen(m, words),
      listTime: (m: MeetingWhen) => meetingListTime(m, words),
    };
  }, [f, t]);
}
