import { describe, expect, it } from 'vitest';
import { testT } from '../../i18n/test-i18n.js';
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

describe('what the form checks before sending, in the reader’s language', () => {
  const en = testT('en');
  const ar = testT('ar');
  const badCode = 'Must be 2–12 letters or digits, starting with a letter';
  const badCodeAr = 'يجب أن يتكون من 2 إلى 12 حرفًا لاتينيًا أو رقمًا، أولها حرف';

  it.each([
    ['create', 'CHL', null, null],
    ['create', 'OIC2', null, null],
    ['create', 'C', badCode, badCodeAr],
    ['create', '1AB', badCode, badCodeAr],
    ['edit', '', null, null],
  ] as const)('%s: code %j → %j', (mode, code, english, arabic) => {
    expect(memberValidation(mode, en).code(code)).toBe(english);
    expect(memberValidation(mode, ar).code(code)).toBe(arabic);
  });

  it.each([
    ['create', 'state', null, null],
    ['create', 'organization', 'Is required', 'مطلوب'],
    ['edit', 'state', 'Is required', 'مطلوب'],
  ] as const)('%s, a %s with a blank name → %j', (mode, kind, english, arabic) => {
    expect(memberValidation(mode, en).names.en(' ', { ...emptyMember, kind })).toBe(english);
    expect(memberValidation(mode, ar).names.ar(' ', { ...emptyMember, kind })).toBe(arabic);
  });
});
