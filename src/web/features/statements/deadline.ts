// A procedure's deadline: typed as a wall-clock time in a chosen zone, sent as an instant, shown
// in the reader's zone and in the procedure's, with the time left as it runs down. Intl only: the
// browser already knows every IANA zone, and the public statement page should not download a date
// library to show one deadline.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Under this much time left, the circulate form warns (the API accepts any future deadline). */
export const SHORT_DEADLINE_MS = DAY;

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a zone, read back as if they were UTC: their difference is the zone's offset. */
function offsetAt(utcMs: number, timeZone: string): number {
  let format = wallClock.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClock.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2014-12-05T17:00" in "Europe/Brussels" → "2014-12-05T16:00:00.000Z"; null when the time or
 * the zone is not one. A time that a change of clocks skips moves forward by the gap, as the
 * clocks did.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const naive = Date.UTC(y as number, (mo as number) - 1, d as number, h as number, mi as number, s || 0);
  if (Number.isNaN(naive)) return null;
  try {
    // Two passes: the offset at the first guess may differ from the offset at the answer near a change of clocks.
    const guess = naive - offsetAt(naive, timeZone);
    const instant = naive - offsetAt(guess, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return null; // RangeError: not a zone Intl knows
  }
}

/** An instant as "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone`: the value of a datetime-local input. */
export function instantToZoned(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + offsetAt(ms, timeZone));
  return local.toISOString().slice(0, 16);
}

/** Whether a deadline is under a day away (but still ahead): the circulate form then warns. */
export const isShortDeadline = (deadline: string, now: number): boolean => {
  const left = Date.parse(deadline) - now;
  return left > 0 && left < SHORT_DEADLINE_MS;
};

/** The time left split for a countdown: whole days, hours, minutes and seconds (none below 0). */
export function timeLeft(deadline: string, now: number) {
  const ms = Math.max(0, Date.parse(deadline) - now);
  return {
    ms,
    days: Math.floor(ms / DAY),
    hours: Math.floor((ms % DAY) / HOUR),
    minutes: Math.floor((ms % HOUR) / 60_000),
    seconds: Math.floor((ms % 60_000) / 1000),
  };
}

const units = new Map<string, Intl.NumberFormat>();
function unit(locale: string, name: 'day' | 'hour' | 'minute' | 'second', n: number): string {
  const key = `${locale}|${name}`;
  let format = units.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' });
    units.set(key, format);
  }
  return format.format(n);
}

/**
 * The time left in words, the two largest units that matter: "2 days, 3 hours", "5 hours,
 * 12 minutes", "4 minutes, 9 seconds" — in the reader's locale, through Intl. Null once it is over.
 */
export function countdownText(deadline: string, now: number, locale: string): string | null {
  const left = timeLeft(deadline, now);
  if (left.ms <= 0) return null;
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'unit' });
  if (left.days > 0) return list.format([unit(locale, 'day', left.days), unit(locale, 'hour', left.hours)]);
  if (left.hours > 0) return list.format([unit(locale, 'hour', left.hours), unit(locale, 'minute', left.minutes)]);
  return list.format([unit(locale, 'minute', left.minutes), unit(locale, 'second', left.seconds)]);
}

const zoned = new Map<string, Intl.DateTimeFormat>();

/** An instant on the wall clock of a zone, with the zone's short name: "5 Dec 2014, 17:00 CET". */
export function dateTimeIn(iso: string, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let format = zoned.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    }
    zoned.set(key, format);
  }
  return format.format(new Date(iso));
}

/** The reader's own zone, as the browser knows it. */
export const readerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
