import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.js';
import type { FieldError } from '../../shared/problem.js';
import { ApiError } from '../app/api.js';
import { type FormProblem, isFinal, problemText, retryInWords, toFormProblem } from './form-problem.js';

function apiError(status: number, code: ErrorCode, detail: string, errors?: FieldError[], retryAfter?: number) {
  const problem = { type: `https://entente.dev/problems/${code}`, title: code, status, detail, code, requestId: 'r1' };
  return new ApiError(status, errors ? { ...problem, errors } : problem, detail, retryAfter ?? null);
}

const onCode: FieldError = { in: 'body', path: 'code', message: 'must be an ISO 3166-1 alpha-3 code' };

describe('a refused save, sorted by what the user can do', () => {
  it.each<[string, unknown, string[] | undefined, FormProblem]>([
    [
      '400 whose fields say it all: only what no field shows',
      apiError(400, 'validation_failed', 'Some fields are invalid.', [onCode]),
      [],
      { kind: 'invalid', lines: [] },
    ],
    [
      '400 with a field the form lacks',
      apiError(400, 'validation_failed', 'Some fields are invalid.', [onCode]),
      ['code: must be an ISO 3166-1 alpha-3 code'],
      { kind: 'invalid', lines: ['code: must be an ISO 3166-1 alpha-3 code'] },
    ],
    [
      '400 whose detail says more than its fields: the detail first',
      apiError(400, 'validation_failed', 'This meeting allows 1+0 seats per delegation; 2 were named.', [
        { in: 'body', path: 'alternates', message: 'the seat quota is 1+0' },
      ]),
      [],
      { kind: 'invalid', lines: ['This meeting allows 1+0 seats per delegation; 2 were named.'] },
    ],
    [
      '400 with no field at all: the detail',
      apiError(400, 'validation_failed', 'Body is not valid JSON.'),
      [],
      { kind: 'invalid', lines: ['Body is not valid JSON.'] },
    ],
    [
      '400 without a form: every field error is a line',
      apiError(400, 'validation_failed', 'Some fields are invalid.', [onCode]),
      undefined,
      { kind: 'invalid', lines: ['code: must be an ISO 3166-1 alpha-3 code'] },
    ],
    ['401', apiError(401, 'unauthenticated', 'Sign in first.'), [], { kind: 'signed_out' }],
    [
      '403',
      apiError(403, 'forbidden', "A focal point names only their own member's delegation."),
      [],
      { kind: 'forbidden', detail: "A focal point names only their own member's delegation." },
    ],
    [
      '409 version_mismatch',
      apiError(409, 'version_mismatch', 'The member is now version 4.'),
      [],
      { kind: 'changed', detail: 'The member is now version 4.' },
    ],
    [
      'another 409',
      apiError(409, 'conflict', 'The meeting is held; delegations can no longer be changed.'),
      [],
      { kind: 'refused', detail: 'The meeting is held; delegations can no longer be changed.' },
    ],
    [
      '429 with Retry-After',
      apiError(429, 'too_many_requests', 'Too many requests.', undefined, 900),
      [],
      { kind: 'throttled', retryAfterSeconds: 900 },
    ],
    [
      '429 without',
      apiError(429, 'too_many_requests', 'Too many requests.'),
      [],
      { kind: 'throttled', retryAfterSeconds: null },
    ],
    [
      '500',
      apiError(500, 'internal_error', 'Something went wrong on our side.'),
      [],
      { kind: 'failed', detail: 'Something went wrong on our side.' },
    ],
    [
      'no network',
      new ApiError(0, null, 'The server could not be reached.'),
      [],
      { kind: 'failed', detail: 'The server could not be reached.' },
    ],
    ['not an API error', new TypeError('x is undefined'), [], { kind: 'failed', detail: 'x is undefined' }],
    ['not even an Error', 'boom', [], { kind: 'failed', detail: 'Something went wrong.' }],
  ])('%s', (_, error, unmatched, expected) => {
    expect(toFormProblem(error, unmatched)).toEqual(expected);
  });
});

describe('the words of the banner', () => {
  it.each<[FormProblem, string, string[] | string]>([
    [{ kind: 'invalid', lines: [] }, 'Some fields need a correction', 'The fields marked below say what is wrong.'],
    [{ kind: 'invalid', lines: ['note: too long'] }, 'Some fields need a correction', ['note: too long']],
    [{ kind: 'signed_out' }, 'Your session has ended', ['Sign in again, then save.']],
    [{ kind: 'forbidden', detail: 'Only the secretariat.' }, 'Not allowed', ['Only the secretariat.']],
    [{ kind: 'refused', detail: 'The meeting is held.' }, 'The delegation was not saved', ['The meeting is held.']],
    [{ kind: 'changed', detail: 'Now version 4.' }, 'The delegation was not saved', ['Now version 4.']],
    [{ kind: 'throttled', retryAfterSeconds: 900 }, 'Too many requests', ['Try again in 15 minutes.']],
    [{ kind: 'failed', detail: 'No network.' }, 'The delegation was not saved', ['No network.']],
  ])('%j', (problem, title, body) => {
    expect(problemText(problem, 'delegation')).toEqual({ title, body });
  });

  it('offers the way out only when no change to the form would help', () => {
    const final = (['forbidden', 'refused'] as const).map((kind) => isFinal({ kind, detail: '' }));
    const notFinal = [
      isFinal({ kind: 'invalid', lines: [] }),
      isFinal({ kind: 'signed_out' }),
      isFinal({ kind: 'changed', detail: '' }),
      isFinal({ kind: 'throttled', retryAfterSeconds: null }),
      isFinal({ kind: 'failed', detail: '' }),
    ];
    expect(final).toEqual([true, true]);
    expect(notFinal).toEqual([false, false, false, false, false]);
  });

  it.each([
    [null, 'Try again shortly.'],
    [0, 'Try again shortly.'],
    [1, 'Try again in 1 second.'],
    [45, 'Try again in 45 seconds.'],
    [60, 'Try again in 1 minute.'],
    [61, 'Try again in 2 minutes.'],
    [900, 'Try again in 15 minutes.'],
    [3600, 'Try again in 1 hour.'],
    [5400, 'Try again in 2 hours.'],
  ])('waits %s seconds: "%s"', (seconds, words) => {
    expect(retryInWords(seconds)).toBe(words);
  });
});
