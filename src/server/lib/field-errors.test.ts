import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SignInBody } from '../../shared/auth.js';
import { CreateMeetingBody, LocalTime, PutDelegationBody, SeatQuota, TimeZone } from '../../shared/meetings.js';
import { IsoDate, MemberCode } from '../../shared/members.js';
import { refusedAs } from '../../shared/problem.js';
import { Text } from '../../shared/text.js';
import { fieldErrorsOf } from './field-errors.js';

/** The field errors of one value checked against one schema, as `{ path, code, params }`. */
function refusalsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return fieldErrorsOf(result.error.issues, 'body', input).map(({ path, code, params }) => ({
    path,
    code,
    ...(params ? { params } : {}),
  }));
}

const one = (schema: z.ZodType) => z.strictObject({ field: schema });

describe('the field error code of each zod refusal', () => {
  it.each([
    ['a string left out', one(z.string()), {}, { code: 'required' }],
    ['a string sent as null', one(z.string()), { field: null }, { code: 'required' }],
    [
      'an empty string where one character is the minimum',
      one(Text.trim().min(1)),
      { field: '  ' },
      { code: 'required' },
    ],
    ['an enum left out', one(z.enum(['a', 'b'])), {}, { code: 'required' }],
    ['a union left out', PutDelegationBody, { level: null }, { code: 'required' }],
    ['a number where text goes', one(z.string()), { field: 3 }, { code: 'invalid_type' }],
    ['a fraction where an integer goes', one(z.number().int()), { field: 1.5 }, { code: 'invalid_type' }],
    ['text too short', one(z.string().min(12)), { field: 'short' }, { code: 'too_short', params: { minimum: 12 } }],
    ['text too long', one(z.string().max(3)), { field: 'long' }, { code: 'too_long', params: { maximum: 3 } }],
    ['a list too short', one(z.array(z.string()).min(1)), { field: [] }, { code: 'too_few', params: { minimum: 1 } }],
    [
      'a list too long',
      one(z.array(z.string()).max(1)),
      { field: ['a', 'b'] },
      { code: 'too_many', params: { maximum: 1 } },
    ],
    ['a number too small', one(z.number().min(1)), { field: 0 }, { code: 'too_small', params: { minimum: 1 } }],
    ['a number too big', one(z.number().max(200)), { field: 201 }, { code: 'too_big', params: { maximum: 200 } }],
    [
      'not one of the values',
      one(z.enum(['en', 'fr'])),
      { field: 'de' },
      { code: 'invalid_value', params: { options: 'en,fr' } },
    ],
    [
      'an email',
      SignInBody.pick({ email: true }),
      { email: 'x' },
      { code: 'invalid_format', params: { format: 'email' } },
    ],
    ['a date', one(IsoDate), { field: '2014-02-30' }, { code: 'invalid_format', params: { format: 'date' } }],
    ['a uuid', one(z.uuid()), { field: 'x' }, { code: 'invalid_format', params: { format: 'uuid' } }],
    ['a member code', one(MemberCode), { field: 'a b' }, { code: 'invalid_format', params: { format: 'member_code' } }],
    ['a time', one(LocalTime), { field: '25:00' }, { code: 'invalid_format', params: { format: 'time' } }],
    ['a seat quota', one(SeatQuota), { field: '2+1' }, { code: 'invalid_format', params: { format: 'seat_quota' } }],
    ['a time zone', one(TimeZone), { field: 'EST' }, { code: 'invalid_format', params: { format: 'time_zone' } }],
    [
      'any other pattern',
      one(z.string().regex(/^a$/)),
      { field: 'b' },
      { code: 'invalid_format', params: { format: 'pattern' } },
    ],
    ['a NUL character', one(Text), { field: 'a\u0000b' }, { code: 'nul_character' }],
    [
      'a check with a code of its own',
      one(z.string().refine(() => false, refusedAs('before_start', 'x'))),
      { field: 'a' },
      { code: 'before_start' },
    ],
    ['a check without one', one(z.string().refine(() => false, 'is wrong')), { field: 'a' }, { code: 'invalid' }],
  ])('%s', (_what, schema, input, expected) => {
    const [error, ...more] = refusalsOf(schema, input);
    expect(more).toEqual([]);
    expect({ code: error?.code, ...(error?.params ? { params: error.params } : {}) }).toEqual(expected);
  });

  it('names each unknown key, where it was sent, with its path', () => {
    expect(
      refusalsOf(CreateMeetingBody.pick({ agenda: true }), { agenda: [{ title: 'a', x: 1, y: 2 }], z: 3 }),
    ).toEqual([
      { path: 'agenda.0.x', code: 'unknown_field' },
      { path: 'agenda.0.y', code: 'unknown_field' },
      { path: 'z', code: 'unknown_field' },
    ]);
  });

  it('keeps where the value was sent, and the English message for API users', () => {
    const result = one(z.enum(['a', 'c'])).safeParse({ field: 'b' });
    const [error] = fieldErrorsOf(result.error?.issues ?? [], 'query', { field: 'b' });
    expect(error).toMatchObject({ in: 'query', path: 'field', message: expect.stringContaining('expected one of') });
  });
});
