import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/i18n.js';
import type { Meeting } from '../../../shared/meetings.js';
import ar from '../../locales/ar/meetingForms.json' with { type: 'json' };
import en from '../../locales/en/meetingForms.json' with { type: 'json' };
import fr from '../../locales/fr/meetingForms.json' with { type: 'json' };
import {
  duplicateOf,
  emptyMeeting,
  fromMeeting,
  type MeetingFormValues,
  meetingFieldOf,
  memberOptions,
  toCreateBody,
  toUpdateBody,
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
  cityTranslations: { en: '', fr: 'Bruxelles', ar: ' بروكسل ' },
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
      chairIds: [],
      city: 'Brussels',
      cityTranslations: { fr: 'Bruxelles', ar: 'بروكسل' },
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

/** The Brussels ministerial as the API gives it (what the form reads of it). */
const ministerial: Meeting = {
  id: '6f1c1f9e-3c56-4a4f-9a43-2a1f5c1e0b01',
  kind: 'ministerial',
  title: 'Ministerial meeting of the Global Coalition',
  titleTranslations: { fr: 'Réunion ministérielle de la Coalition mondiale' },
  workingLanguage: 'en',
  status: 'held',
  statusReason: null,
  visibility: 'restricted',
  hostCode: 'USA',
  city: 'Brussels',
  cityTranslations: { fr: 'Bruxelles', ar: 'بروكسل' },
  venue: null,
  timeZone: 'Europe/Brussels',
  datePrecision: 'day',
  startDate: '2014-12-03',
  endDate: '2014-12-03',
  startTime: '10:00',
  endTime: null,
  startsAt: '2014-12-03T10:00:00+01:00',
  endsAt: null,
  version: 4,
  summary: 'Sixty partners met.',
  note: null,
  seatQuota: '1+2',
  chairs: [{ id: '0b6f3f7c-7a9e-4a53-8d43-4c8b7b9b6a11', name: 'John Kerry', title: 'Secretary of State' }],
  chairNote: null,
  restrictedTo: ['FRA', 'IRQ'],
  agenda: [
    { position: 1, title: 'Opening', lineOfEffort: null },
    { position: 2, title: 'FTF', lineOfEffort: 'LOE2' },
  ],
  delegations: [],
  remarks: [],
};

describe('a meeting edited', () => {
  it('fills every field from the meeting, blanks for what it lacks, and a one-day meeting without an end date', () => {
    expect(fromMeeting(ministerial)).toEqual({
      kind: 'ministerial',
      title: 'Ministerial meeting of the Global Coalition',
      titleTranslations: { en: '', fr: 'Réunion ministérielle de la Coalition mondiale', ar: '' },
      hostCode: 'USA',
      chairIds: ['0b6f3f7c-7a9e-4a53-8d43-4c8b7b9b6a11'],
      city: 'Brussels',
      cityTranslations: { en: '', fr: 'Bruxelles', ar: 'بروكسل' },
      venue: '',
      timeZone: 'Europe/Brussels',
      startDate: '2014-12-03',
      endDate: '',
      startTime: '10:00',
      endTime: '',
      visibility: 'restricted',
      restrictedTo: ['FRA', 'IRQ'],
      workingLanguage: 'en',
      seatQuota: '1+2',
      summary: 'Sixty partners met.',
      agenda: [
        { key: 'item-1', title: 'Opening', lineOfEffort: '' },
        { key: 'item-2', title: 'FTF', lineOfEffort: 'LOE2' },
      ],
    });
  });

  it('sends back what it read, unchanged, and never the status (changed apart, with its reason)', () => {
    const body = toUpdateBody(fromMeeting(ministerial));
    expect(body).not.toHaveProperty('status');
    expect(body).toEqual({
      kind: 'ministerial',
      title: ministerial.title,
      titleTranslations: ministerial.titleTranslations,
      hostCode: 'USA',
      chairIds: ['0b6f3f7c-7a9e-4a53-8d43-4c8b7b9b6a11'],
      city: 'Brussels',
      cityTranslations: ministerial.cityTranslations,
      venue: null,
      timeZone: 'Europe/Brussels',
      startDate: '2014-12-03',
      endDate: '2014-12-03',
      startTime: '10:00',
      endTime: null,
      visibility: 'restricted',
      restrictedTo: ['FRA', 'IRQ'],
      workingLanguage: 'en',
      seatQuota: '1+2',
      summary: 'Sixty partners met.',
      agenda: [
        { title: 'Opening', lineOfEffort: null },
        { title: 'FTF', lineOfEffort: 'LOE2' },
      ],
    });
  });

  it('sends the chairs chosen, in order, and an end date that differs', () => {
    const values = { ...fromMeeting(ministerial), chairIds: ['b', 'a'], endDate: '2014-12-04' };
    expect(toUpdateBody(values)).toMatchObject({ chairIds: ['b', 'a'], endDate: '2014-12-04' });
  });

  it('puts a refused chair on the chairs field', () => {
    expect(meetingFieldOf('chairIds.1')).toBe('chairIds');
  });
});

describe('a meeting duplicated as the start of the next one', () => {
  it('keeps what it is, where, in which language, for whom and about what; not when, who chairs, or its summary', () => {
    const next = duplicateOf(ministerial);
    expect(next).toMatchObject({
      kind: 'ministerial',
      title: ministerial.title,
      hostCode: 'USA',
      city: 'Brussels',
      timeZone: 'Europe/Brussels',
      workingLanguage: 'en',
      seatQuota: '1+2',
      visibility: 'restricted',
      restrictedTo: ['FRA', 'IRQ'],
      agenda: [{ title: 'Opening' }, { title: 'FTF' }],
    });
    expect(next).toMatchObject({ startDate: '', endDate: '', startTime: '', endTime: '', chairIds: [], summary: '' });
  });
});
