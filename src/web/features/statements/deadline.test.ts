import { describe, expect, it } from 'vitest';
import { countdownText, dateTimeIn, instantToZoned, isShortDeadline, timeLeft, zonedToInstant } from './deadline.js';

describe('zonedToInstant', () => {
  it.each([
    ['2014-12-05T17:00', 'Europe/Brussels', '2014-12-05T16:00:00.000Z'], // winter: UTC+1
    ['2015-06-05T17:00', 'Europe/Brussels', '2015-06-05T15:00:00.000Z'], // summer: UTC+2
    ['2014-12-05T17:00', 'UTC', '2014-12-05T17:00:00.000Z'],
    ['2014-12-05T17:00', 'Asia/Baghdad', '2014-12-05T14:00:00.000Z'],
    ['2014-12-05T09:30', 'America/New_York', '2014-12-05T14:30:00.000Z'],
    ['2014-12-31T23:30', 'Asia/Tokyo', '2014-12-31T14:30:00.000Z'],
    // The hour the clocks skip (Brussels, 29 March 2015, 02:00 → 03:00) moves forward by the gap.
    ['2015-03-29T02:30', 'Europe/Brussels', '2015-03-29T01:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(zonedToInstant(local, zone)).toBe(instant);
  });

  it.each([
    ['', 'UTC'],
    ['5 December 2014', 'UTC'],
    ['2014-12-05', 'UTC'],
    ['2014-12-05T17:00', 'Mars/Olympus_Mons'],
  ])('%j in %s is no instant', (local, zone) => {
    expect(zonedToInstant(local, zone)).toBeNull();
  });

  it('reads back as the same wall-clock time', () => {
    expect(instantToZoned('2014-12-05T16:00:00.000Z', 'Europe/Brussels')).toBe('2014-12-05T17:00');
    expect(instantToZoned('2015-06-05T15:00:00Z', 'Europe/Brussels')).toBe('2015-06-05T17:00');
  });
});

describe('the time left', () => {
  const now = Date.parse('2014-12-03T10:00:00Z');

  it('splits into days, hours, minutes and seconds, never below zero', () => {
    expect(timeLeft('2014-12-05T13:04:05Z', now)).toEqual({
      ms: (2 * 86_400 + 3 * 3600 + 4 * 60 + 5) * 1000,
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
    expect(timeLeft('2014-12-01T00:00:00Z', now).ms).toBe(0);
  });

  it.each([
    ['2014-12-05T13:04:05Z', 'en-GB', '2 days, 3 hours'],
    ['2014-12-03T15:12:00Z', 'en-GB', '5 hours, 12 minutes'],
    ['2014-12-03T10:04:09Z', 'en-GB', '4 minutes, 9 seconds'],
    ['2014-12-04T11:00:00Z', 'en-GB', '1 day, 1 hour'],
    ['2014-12-05T13:04:05Z', 'fr-FR', '2 jours et 3 heures'],
  ])('until %s reads, in %s, %j', (deadline, locale, text) => {
    // French puts a narrow no-break space between a number and its unit.
    expect(countdownText(deadline, now, locale)?.replace(/[\u00a0\u202f]/g, ' ')).toBe(text);
  });

  it('is said with Latin digits in Arabic (docs/adr/0006)', () => {
    const text = countdownText('2014-12-15T13:00:00Z', now, 'ar-u-nu-latn') ?? '';
    expect(text).toMatch(/12/);
    expect(text).not.toMatch(/[٠-٩]/);
  });

  it('is over at the deadline', () => {
    expect(countdownText('2014-12-03T10:00:00Z', now, 'en-GB')).toBeNull();
  });

  it('warns under a day, not at a day or more, nor once past', () => {
    expect(isShortDeadline('2014-12-04T09:59:00Z', now)).toBe(true);
    expect(isShortDeadline('2014-12-04T10:00:00Z', now)).toBe(false);
    expect(isShortDeadline('2014-12-03T09:00:00Z', now)).toBe(false);
  });
});

describe('dateTimeIn', () => {
  it('shows the wall clock of the zone', () => {
    expect(dateTimeIn('2014-12-05T16:00:00Z', 'Europe/Brussels', 'en-GB')).toBe('5 Dec 2014, 17:00');
    expect(dateTimeIn('2014-12-05T16:00:00Z', 'Asia/Baghdad', 'en-GB')).toBe('5 Dec 2014, 19:00');
  });
});
