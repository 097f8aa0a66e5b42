import { describe, expect, it } from 'vitest';
import type { FieldError, FieldErrorCode, ProblemParams } from '../../shared/problem.js';
import { ApiError } from '../app/api.js';
import { testT } from '../i18n/test-i18n.js';
import { applyFieldErrors, fieldErrorLine, fieldMessage, fieldSentence } from './form-errors.js';

const en = testT('en');
const ar = testT('ar');

function fakeForm(values: object) {
  const marked: Record<string, string> = {};
  return {
    marked,
    getValues: () => values,
    setFieldError: (path: never, error: string) => {
      marked[path] = error;
    },
  };
}

const invalid = (errors: FieldError[]) =>
  new ApiError(
    400,
    {
      type: 't',
      title: 'Invalid input',
      status: 400,
      detail: 'Some fields are invalid.',
      code: 'validation_failed',
      requestId: 'r1',
      errors,
    },
    'Some fields are invalid.',
  );

const values = { title: '', names: { fr: '' }, restrictedTo: ['FRA'] };

describe('the server’s field errors on the form', () => {
  it('marks the field of the same path in the reader’s words, and returns the rest', () => {
    const form = fakeForm(values);
    const status: FieldError = { in: 'body', path: 'status', code: 'unknown_field', message: 'is not a known field' };
    const query: FieldError = {
      in: 'query',
      path: 'title',
      code: 'too_long',
      message: 'Too big: expected string to have <=100 characters',
      params: { maximum: 100 },
    };
    const unmatched = applyFieldErrors(
      form,
      invalid([{ in: 'body', path: 'names.fr', code: 'required', message: 'is required' }, status, query]),
      en,
    );
    expect(form.marked).toEqual({ 'names.fr': 'Is required' });
    expect(unmatched).toEqual([status, query]);
    expect(unmatched.map((field) => fieldErrorLine(en, field))).toEqual([
      'status: Is not a known field',
      'title: Must be at most 100 characters',
    ]);
  });

  it('says it in Arabic to a reader of Arabic, never in the server’s English', () => {
    const form = fakeForm(values);
    applyFieldErrors(
      form,
      invalid([
        { in: 'body', path: 'title', code: 'too_short', message: 'Too small', params: { minimum: 3 } },
        { in: 'body', path: 'names.fr', code: 'required', message: 'is required' },
      ]),
      ar,
    );
    expect(form.marked).toEqual({ title: 'يجب ألا يقل عن 3 أحرف', 'names.fr': 'مطلوب' });
  });

  it('puts an error on the field the page maps its path to; the first error of a field wins', () => {
    const form = fakeForm(values);
    const unmatched = applyFieldErrors(
      form,
      invalid([
        {
          in: 'body',
          path: 'restrictedTo.0',
          code: 'unknown_member',
          message: 'no member has code ZZZ',
          params: { code: 'ZZZ' },
        },
        {
          in: 'body',
          path: 'restrictedTo.1',
          code: 'unknown_member',
          message: 'no member has code YYY',
          params: { code: 'YYY' },
        },
      ]),
      en,
      (path) => (path.startsWith('restrictedTo.') ? 'restrictedTo' : path),
    );
    expect(form.marked).toEqual({ restrictedTo: 'No member has the code ZZZ' });
    expect(unmatched).toEqual([]);
  });

  it('leaves the form alone for an error that is not the API’s', () => {
    const form = fakeForm(values);
    expect(applyFieldErrors(form, new Error('offline'), en)).toEqual([]);
    expect(form.marked).toEqual({});
  });
});

describe('a field error in words, from its code', () => {
  it.each<[FieldErrorCode, ProblemParams | undefined, string, string]>([
    ['required', undefined, 'Is required', 'مطلوب'],
    ['too_short', { minimum: 1 }, 'Must be at least 1 character', 'يجب ألا يقل عن حرف واحد'],
    ['too_short', { minimum: 2 }, 'Must be at least 2 characters', 'يجب ألا يقل عن حرفين'],
    ['too_long', { maximum: 200 }, 'Must be at most 200 characters', 'يجب ألا يزيد على 200 حرف'],
    ['too_long', { maximum: 12 }, 'Must be at most 12 characters', 'يجب ألا يزيد على 12 حرفًا'],
    ['too_many', { maximum: 3 }, 'Must have at most 3 entries', 'يجب ألا يزيد على 3 عناصر'],
    ['too_big', { maximum: 200 }, 'Must be at most 200', 'يجب ألا يزيد على 200'],
    ['invalid_format', { format: 'date' }, 'Must be a date as YYYY-MM-DD', 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD'],
    [
      'invalid_format',
      { format: 'member_code' },
      'Must be 2–12 letters or digits, starting with a letter',
      'يجب أن يتكون من 2 إلى 12 حرفًا لاتينيًا أو رقمًا، أولها حرف',
    ],
    ['invalid_format', { format: 'pattern' }, 'Is not in the expected form', 'ليس بالصيغة المطلوبة'],
    ['unknown_member', { code: 'ZZZ' }, 'No member has the code ZZZ', 'لا يوجد عضو بالرمز ZZZ'],
    [
      'over_quota',
      { quota: '1+2', allowed: 2 },
      'The seat quota is 1+2: at most 2 people beside the head',
      'حصة المقاعد 1+2: شخصان على الأكثر إلى جانب رئيس الوفد',
    ],
    [
      'not_a_country_code',
      undefined,
      'Must be an ISO 3166-1 alpha-3 code (or XKX for Kosovo)',
      'يجب أن يكون رمزًا من ثلاثة أحرف وفق المعيار ISO 3166-1 (أو XKX لكوسوفو)',
    ],
  ])('%s %j', (code, params, english, arabic) => {
    expect(fieldSentence(en, code, params)).toBe(english);
    expect(fieldSentence(ar, code, params)).toBe(arabic);
  });

  it('gives the general sentence for a code this interface does not know', () => {
    const newer = { in: 'body', path: 'x', code: 'too_blue', message: 'is too blue' } as unknown as FieldError;
    expect(fieldMessage(en, newer)).toBe('Is not valid');
    expect(fieldMessage(ar, newer)).toBe('القيمة غير صالحة');
  });

  it('shows the message of an error without a code (a server from before codes), capitalised', () => {
    const older = { in: 'body', path: 'code', message: 'must be an ISO code' } as unknown as FieldError;
    expect(fieldMessage(en, older)).toBe('Must be an ISO code');
  });

  it('writes a line for a field no form shows, in the reader’s punctuation', () => {
    const field: FieldError = { in: 'body', path: 'advisers', code: 'head_required', message: 'needs a head' };
    expect(fieldErrorLine(en, field)).toBe('advisers: A delegation with alternates or advisers needs a head');
    expect(fieldErrorLine(testT('fr'), field)).toBe(
      'advisers\u00a0: Une délégation comptant des suppléants ou des conseillers doit avoir un chef',
    );
    expect(fieldErrorLine(ar, field)).toBe('advisers: يجب أن يكون للوفد الذي يضم مناوبين أو مستشارين رئيسٌ');
  });
});
