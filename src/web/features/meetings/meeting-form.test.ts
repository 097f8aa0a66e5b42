import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/i18n.js';
import ar from '../../locales/ar/meetingForms.json' with { type: 'json' };
import en from '../../locales/en/meetingForms.json' with { type: 'json' };
import fr from '../../locales/fr/meetingForms.json' with { type: 'json' };
import {
  emptyMeeting,
  type MeetingFormValues,
  meetingFieldOf,
  memberOptions,
  toCreateBody,
  validateMeeting,
} from './meeting-form.js';

// The messages as a reader sees them: through i18next, from the catalogs themselves.
const i18n = i18next.createInstance();
await i18n.init({
  lng: 'en',
  ns: ['meetingForms'],
  resources: { en: { meetingForms: en }, fr: { meetingForms: fr }, ar: { meetingForms: ar } },
});
const inEnglish = i18n.getFixedT('en', 'meetingForms');

const brussels: MeetingFormValues = {
  ...emptyMeeting,
  title: '  Senior officials  ',
  timeZone: ' Europe/Brussels ',
  startDate: '2026-12-03',
  city: 'Brussels',
  venue: '   ',
  seatQuota: ' 1+2 ',
};

describe('a new meeting as the API takes it', () => {
  it('trims, sends blanks as null, plans it, and makes it one day long without an end date', () => {
    expect(toCreateBody(brussels)).toEqual({
      kind: 'ministerial',
      title: 'Senior officials',
      titleTranslations: null,
      hostCode: null,
      city: 'Brussels',
      venue: null,
      timeZone: 'Europe/Brussels',
      startDate: '2026-12-03',
      endDate: '2026-12-03',
      startTime: null,
      endTime: null,
      status: 'planned',
      visibility: 'public',
      restrictedTo: [],
      workingLanguage: 'en',
      seatQuota: '1+2',
      summary: null,
      agenda: [],
    });
  });

  it('sends the title translated into the other languages, trimmed, and never one in the working language', () => {
    const body = toCreateBody({
      ...brussels,
      workingLanguage: 'fr',
      titleTranslations: { en: ' Senior officials ', fr: 'Hauts fonctionnaires', ar: '   ' },
    });
    expect(body.titleTranslations).toEqual({ en: 'Senior officials' });
  });

  it('keeps an end date and times that are given', () => {
    const body = toCreateBody({ ...brussels, endDate: '2026-12-04', startTime: '10:00', endTime: '12:30' });
    expect(body).toMatchObject({ endDate: '2026-12-04', startTime: '10:00', endTime: '12:30' });
  });

  it.each([
    ['restricted', ['FRA', 'IRQ']],
    ['coalition', []],
    ['public', []],
  ] as const)('sends the members listed only when the meeting is %s', (visibility, restrictedTo) => {
    expect(toCreateBody({ ...brussels, visibility, restrictedTo: ['FRA', 'IRQ'] }).restrictedTo).toEqual(restrictedTo);
  });

  it('sends the agenda in order, without its row keys, a blank line of effort as null', () => {
    const agenda = [
      { key: 'a', title: ' Opening ', lineOfEffort: '' },
      { key: 'b', title: 'Foreign fighters', lineOfEffort: ' LOE2-ftf ' },
    ];
    expect(toCreateBody({ ...brussels, agenda }).agenda).toEqual([
      { title: 'Opening', lineOfEffort: null },
      { title: 'Foreign fighters', lineOfEffort: 'LOE2-ftf' },
    ]);
  });
});

describe('what the form checks before sending', () => {
  const rules = validateMeeting(inEnglish);

  it.each([
    ['title', '', 'Enter a title'],
    ['title', '   ', 'Enter a title'],
    ['title', 'Senior officials', null],
    ['timeZone', '', 'Enter the time zone of the place, e.g. Europe/Brussels'],
    ['startDate', '', 'Enter the date'],
    ['startDate', '2026-12-03', null],
  ] as const)('%s %j → %j', (field, value, message) => {
    expect(rules[field](value)).toBe(message);
  });

  it.each(LANGUAGES)('says it in %s, from the catalog', (language) => {
    const message = validateMeeting(i18n.getFixedT(language, 'meetingForms')).timeZone('');
    expect(message).toContain('Europe/Brussels');
    expect(message).not.toContain('meeting.errors');
    if (language !== 'en') expect(message).not.toBe(rules.timeZone(''));
  });
});

describe('the members a meeting may be hosted by or shown to', () => {
  const names = (en: string, fr: string, ar: string) => ({ en, fr, ar });
  const members = [
    { code: 'FRA', name: 'France', names: names('France', 'France', 'فرنسا'), status: 'active' as const },
    { code: 'IRQ', name: 'Iraq', names: names('Iraq', 'Irak', 'العراق'), status: 'active' as const },
    { code: 'XYZ', name: 'Gone', names: names('Gone', 'Parti', 'غائب'), status: 'former' as const },
    {
      code: 'EU',
      name: 'European Union',
      names: names('European Union', 'Union européenne', ''),
      status: 'active' as const,
    },
  ];

  it('are the active ones, by name and code in the reader’s language, else by their name', () => {
    expect(memberOptions(members, 'en', inEnglish)).toEqual([
      { value: 'FRA', label: 'France (FRA)' },
      { value: 'IRQ', label: 'Iraq (IRQ)' },
      { value: 'EU', label: 'European Union (EU)' },
    ]);
    expect(memberOptions(members, 'ar', i18n.getFixedT('ar', 'meetingForms')).map((o) => o.label)).toEqual([
      'فرنسا (FRA)',
      'العراق (IRQ)',
      'European Union (EU)',
    ]);
  });
});

describe('where a server error lands on the form', () => {
  it.each([
    ['restrictedTo.2', 'restrictedTo'],
    ['restrictedTo', 'restrictedTo'],
    ['timeZone', 'timeZone'],
    ['agenda.0.title', 'agenda.0.title'],
  ])('%s → %s', (path, field) => {
    expect(meetingFieldOf(path)).toBe(field);
  });
});
