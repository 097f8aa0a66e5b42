import { DateTime } from 'luxon';

/**
 * Wall-clock time in an IANA zone ↔ an instant (Luxon). A meeting "at 10:00 Europe/Brussels"
 * stays at 10:00 Brussels time whatever the server's zone and across daylight-saving changes.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): DateTime<true> {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!dt.isValid) throw new Error(`Invalid date ${date} ${time} in ${timeZone}`);
  return dt;
}

/** "2014-12-03" + "10:00" in "Europe/Brussels" → "2014-12-03T10:00:00+01:00". */
export const zonedIso = (date: string, time: string, timeZone: string): string =>
  zonedDateTime(date, time, timeZone).toISO({ suppressMilliseconds: true });

/** Today's date in `timeZone`, as YYYY-MM-DD. */
export const todayIn = (timeZone: string, now = new Date()): string =>
  DateTime.fromJSDate(now, { zone: timeZone }).toISODate() as string;
