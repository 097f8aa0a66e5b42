import { describe, expect, it } from 'vitest';
import { emptyMeeting, type MeetingFormValues, meetingFieldOf, toCreateBody, validateMeeting } from './meeting-form.js';

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
  it.each([
    ['title', '', 'Enter a title'],
    ['title', '   ', 'Enter a title'],
    ['title', 'Senior officials', null],
    ['timeZone', '', 'Enter the time zone of the place, e.g. Europe/Brussels'],
    ['startDate', '', 'Enter the date'],
    ['startDate', '2026-12-03', null],
  ] as const)('%s %j → %j', (field, value, message) => {
    expect(validateMeeting[field](value)).toBe(message);
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
