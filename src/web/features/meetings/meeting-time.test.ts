import { describe, expect, it } from 'vitest';
import {
  formatMeetingDates,
  formatMeetingListTime,
  formatMeetingWhen,
  meetingDateTime,
  zoneCity,
} from './meeting-time.js';

// Intl puts thin or narrow no-break spaces around the range dash; a reader sees a space.
const plain = (s: string | null) => s?.replace(/[\u2009\u202f\u00a0]/g, ' ') ?? null;

const day = {
  datePrecision: 'day' as const,
  startDate: '2014-12-03',
  endDate: '2014-12-03',
  startTime: null,
  endTime: null,
  timeZone: 'Europe/Brussels',
};

describe('meeting dates and times, in the meeting’s own zone', () => {
  it.each([
    ['one day', day, '3 December 2014'],
    ['several days in a month', { ...day, startDate: '2014-11-12', endDate: '2014-11-21' }, '12 – 21 November 2014'],
    ['across months', { ...day, startDate: '2015-06-30', endDate: '2015-07-02' }, '30 June – 2 July 2015'],
    ['across years', { ...day, startDate: '2015-12-30', endDate: '2016-01-02' }, '30 December 2015 – 2 January 2016'],
    [
      'only the month known',
      { ...day, datePrecision: 'month' as const, startDate: '2015-06-01', endDate: '2015-06-30' },
      'June 2015',
    ],
  ])('dates: %s', (_, meeting, expected) => {
    expect(plain(formatMeetingDates(meeting))).toBe(expected);
  });

  it.each([
    ['no time', day, '3 December 2014'],
    [
      'a time range',
      { ...day, startDate: '2027-03-10', endDate: '2027-03-10', startTime: '10:00', endTime: '12:30' },
      '10 March 2027, 10:00–12:30 (Europe/Brussels)',
    ],
    [
      'a start time only',
      { ...day, startDate: '2027-03-10', endDate: '2027-03-10', startTime: '09:30' },
      '10 March 2027, 09:30 (Europe/Brussels)',
    ],
    [
      'over two days',
      {
        ...day,
        startDate: '2027-03-10',
        endDate: '2027-03-11',
        startTime: '10:00',
        endTime: '12:30',
        timeZone: 'America/New_York',
      },
      '10 March 2027, 10:00 – 11 March 2027, 12:30 (America/New_York)',
    ],
  ])('the page: %s', (_, meeting, expected) => {
    expect(plain(formatMeetingWhen(meeting))).toBe(expected);
  });

  it('the list names the zone by its city, and gives no time when none is known', () => {
    const timed = { ...day, startTime: '10:00', endTime: '12:30' };
    expect(formatMeetingListTime(timed)).toBe('10:00–12:30 Brussels time');
    expect(formatMeetingListTime({ ...timed, endDate: '2014-12-04' })).toBe('from 10:00 Brussels time');
    expect(formatMeetingListTime(day)).toBeNull();
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('gives <time> what is known: the month, the day, or the moment with its offset', () => {
    expect(meetingDateTime({ datePrecision: 'month', startDate: '2015-06-01', startsAt: null })).toBe('2015-06');
    expect(meetingDateTime({ datePrecision: 'day', startDate: '2014-12-03', startsAt: null })).toBe('2014-12-03');
    const startsAt = '2027-03-10T10:00:00+01:00';
    expect(meetingDateTime({ datePrecision: 'day', startDate: '2027-03-10', startsAt })).toBe(startsAt);
  });
});
