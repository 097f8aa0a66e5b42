import { describe, expect, it } from 'vitest';
import { emptyMember, type MemberFormValues, memberValidation, toCreateBody, toUpdateBody } from './member-form.js';

const chile: MemberFormValues = {
  ...emptyMember,
  code: 'CHL',
  joinedOn: '2015-03-02',
  joinedNote: '  ',
  note: ' Added by hand. ',
};

describe('a member as the API takes it', () => {
  it('adds a state with its names left to ISO: blank names are not sent, blanks are null', () => {
    expect(toCreateBody(chile)).toEqual({
      code: 'CHL',
      kind: 'state',
      status: 'active',
      joinedOn: '2015-03-02',
      joinedNote: null,
      leftOn: null,
      note: 'Added by hand.',
    });
  });

  it('sends the names that are filled in, and only those', () => {
    expect(toCreateBody({ ...chile, names: { en: '', fr: 'Chili', ar: '' } }).names).toEqual({ fr: 'Chili' });
  });

  it('changes a member with its three names trimmed, and neither code nor kind', () => {
    const body = toUpdateBody({ ...chile, names: { en: ' Chile ', fr: 'Chili', ar: 'تشيلي' } });
    expect(body).toEqual({
      names: { en: 'Chile', fr: 'Chili', ar: 'تشيلي' },
      status: 'active',
      joinedOn: '2015-03-02',
      joinedNote: null,
      leftOn: null,
      note: 'Added by hand.',
    });
  });
});

describe('what the form checks before sending', () => {
  it.each([
    ['create', 'CHL', null],
    ['create', 'OIC2', null],
    ['create', 'C', 'Must be 2–12 letters or digits, starting with a letter'],
    ['create', '1AB', 'Must be 2–12 letters or digits, starting with a letter'],
    ['edit', '', null],
  ] as const)('%s: code %j → %j', (mode, code, message) => {
    expect(memberValidation(mode).code(code)).toBe(message);
  });

  it.each([
    ['create', 'state', null],
    ['create', 'organization', 'Is required'],
    ['edit', 'state', 'Is required'],
  ] as const)('%s, a %s with a blank name → %j', (mode, kind, message) => {
    expect(memberValidation(mode).names.en(' ', { ...emptyMember, kind })).toBe(message);
  });
});
