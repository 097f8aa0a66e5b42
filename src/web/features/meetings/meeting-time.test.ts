import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/i18n.js';
import { formatters } from '../../i18n/format.js';
import ar from '../../locales/ar/meetings.json' with { type: 'json' };
import en from '../../locales/en/meetings.json' with { type: 'json' };
import fr from '../../locales/fr/meetings.json' with { type: 'json' };
import {
  type MeetingTimeWords,
  meetingDates,
  meetingDateTime,
  meetingListTime,
  meetingWhen,
  zoneCity,
} from './meeting-time.js';

// Intl puts thin or narrow no-break spaces around the range dash; a reader sees a space.
const plain = (s: string | null) => s?.replace(/[\u2009\u202f\u00a0]/g, ' ') ?? null;

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { meetings: en }, fr: { meetings: fr }, ar: { meetings: ar } },
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});
const words = (language: Language): MeetingTimeWords => ({
  f: formatters(language),
  t: i18n.getFixedT(language, 'meetings'),
});

const day = {
  datePrecision: 'day' as const,
  startDate: '2014-12-03',
  endDate: '2014-12-03',
  startTime: null,
  endTime: null,
  timeZone: 'Europe/Brussels',
};
const timed = { ...day, startDate: '2027-03-10', endDate: '2027-03-10', startTime: '10:00', endTime: '12:30' };
const twoDays = { ...timed, endDate: '2027-03-11', timeZone: 'America/New_York' };

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
    expect(plain(meetingDates(meeting, formatters('en')))).toBe(expected);
  });

  it.each([
    ['no time', day, '3 December 2014'],
    ['a time range', timed, '10 March 2027, 10:00–12:30 (Europe/Brussels)'],
    ['a start time only', { ...timed, startTime: '09:30', endTime: null }, '10 March 2027, 09:30 (Europe/Brussels)'],
    ['over two days', twoDays, '10 March 2027, 10:00 – 11 March 2027, 12:30 (America/New_York)'],
    [
      'over two days, no end time',
      { ...twoDays, endTime: null },
      '10 March 2027, 10:00 – 11 March 2027 (America/New_York)',
    ],
  ])('the page: %s', (_, meeting, expected) => {
    expect(plain(meetingWhen(meeting, words('en')))).toBe(expected);
  });

  it('the list names the zone by its city, and gives no time when none is known', () => {
    const en = words('en');
    expect(meetingListTime({ ...day, startTime: '10:00', endTime: '12:30' }, en)).toBe('10:00–12:30 Brussels time');
    expect(meetingListTime({ ...day, startTime: '10:00', endDate: '2014-12-04' }, en)).toBe('from 10:00 Brussels time');
    expect(meetingListTime(day, en)).toBeNull();
    // A zone the catalogs do not name is named by its city, as IANA spells it.
    expect(meetingListTime({ ...timed, timeZone: 'America/Argentina/Buenos_Aires' }, en)).toBe(
      '10:00–12:30 Buenos Aires time',
    );
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it.each([
    [
      'fr',
      '10 mars 2027, 10:00–12:30 (Europe/Brussels)',
      'Du 10 mars 2027 à 10:00 au 11 mars 2027 à 12:30 (America/New_York)',
      '10:00–12:30, heure de Bruxelles',
      'juin 2015',
    ],
    [
      'ar',
      '10 مارس 2027، 10:00–12:30 (Europe/Brussels)',
      'من 10 مارس 2027 الساعة 10:00 إلى 11 مارس 2027 الساعة 12:30 (America/New_York)',
      '10:00–12:30 بتوقيت بروكسل',
      'يونيو 2015',
    ],
  ] as const)(
    'in %s: the same times, in the reader’s words and Latin digits, still in the meeting’s zone',
    (language, when, across, list, month) => {
      const w = words(language);
      expect(plain(meetingWhen(timed, w))).toBe(when);
      expect(plain(meetingWhen(twoDays, w))).toBe(across);
      expect(meetingListTime({ ...day, startTime: '10:00', endTime: '12:30' }, w)).toBe(list);
      const june = { ...day, datePrecision: 'month' as const, startDate: '2015-06-01', endDate: '2015-06-30' };
      expect(meetingDates(june, w.f)).toBe(month);
    },
  );

  it('gives <time> what is known: the month, the day, or the moment with its offset', () => {
    expect(meetingDateTime({ datePrecision: 'month', startDate: '2015-06-01', startsAt: null })).toBe('2015-06');
    expect(meetingDateTime({ datePrecision: 'day', startDate: '2014-12-03', startsAt: null })).toBe('2014-12-03');
    const startsAt = '2027-03-10T10:00:00+01:00';
    expect(meetingDateTime({ datePrecision: 'day', startDate: '2027-03-10', startsAt })).toBe(startsAt);
  });
});
