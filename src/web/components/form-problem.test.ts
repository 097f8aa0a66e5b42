import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.js';
import type { FieldError, Problem } from '../../shared/problem.js';
import { ApiError } from '../app/api.js';
import { testT } from '../i18n/test-i18n.js';
import {
  type FormProblem,
  type FormRecord,
  isFinal,
  problemText,
  retryInWords,
  toFormProblem,
} from './form-problem.js';

const en = testT('en');
const fr = testT('fr');
const ar = testT('ar');

function apiError(
  status: number,
  code: ErrorCode,
  detail: string,
  extra: Pick<Problem, 'errors' | 'reason' | 'params'> = {},
  retryAfter: number | null = null,
) {
  const problem = { type: `https://entente.dev/problems/${code}`, title: code, status, detail, code, requestId: 'r1' };
  return new ApiError(status, { ...problem, ...extra }, detail, retryAfter);
}

const onCode: FieldError = {
  in: 'body',
  path: 'code',
  code: 'not_a_country_code',
  message: 'must be an ISO 3166-1 alpha-3 code',
};
const overQuota: FieldError = {
  in: 'body',
  path: 'alternates',
  code: 'over_quota',
  message: 'the seat quota is 1+0: at most 0 beside the head',
  params: { quota: '1+0', allowed: 0 },
};

const invalidCode = apiError(400, 'validation_failed', 'Some fields are invalid.', { errors: [onCode] });
const notJson = apiError(400, 'validation_failed', 'Body is not valid JSON.');
const changed = apiError(409, 'version_mismatch', 'This member was changed by someone else (now version 4).');
const held = apiError(409, 'conflict', 'The meeting is held; delegations can no longer be changed.', {
  reason: 'meeting_cancelled',
});
const codeTaken = apiError(409, 'conflict', 'A member with code CHL already exists.', {
  reason: 'member_code_taken',
  params: { code: 'CHL' },
});
const crashed = apiError(500, 'internal_error', 'Something went wrong on our side.');
const offline = new ApiError(0, null, 'The server could not be reached.');

describe('a refused save, sorted by what the user can do', () => {
  it.each<[string, unknown, FieldError[] | undefined, FormProblem]>([
    ['400 whose fields the form shows', invalidCode, [], { kind: 'invalid', unmatched: [], error: invalidCode }],
    [
      '400 with a field the form lacks',
      invalidCode,
      [onCode],
      { kind: 'invalid', unmatched: [onCode], error: invalidCode },
    ],
    [
      '400 without a form: every field error is unmatched',
      invalidCode,
      undefined,
      { kind: 'invalid', unmatched: [onCode], error: invalidCode },
    ],
    ['401', apiError(401, 'unauthenticated', 'Sign in first.'), [], { kind: 'signed_out' }],
    ['403', apiError(403, 'forbidden', 'A focal point names only their own delegation.'), [], { kind: 'forbidden' }],
    ['409 version_mismatch', changed, [], { kind: 'changed', error: changed }],
    ['another 409', held, [], { kind: 'refused', error: held }],
    [
      '429 with Retry-After',
      apiError(429, 'too_many_requests', 'Too many requests.', {}, 900),
      [],
      { kind: 'throttled', retryAfterSeconds: 900 },
    ],
    [
      '429 without',
      apiError(429, 'too_many_requests', 'Too many requests.'),
      [],
      { kind: 'throttled', retryAfterSeconds: null },
    ],
    ['500', crashed, [], { kind: 'failed', error: crashed }],
    ['no network', offline, [], { kind: 'failed', error: offline }],
  ])('%s', (_, error, unmatched, expected) => {
    expect(toFormProblem(error, unmatched)).toEqual(expected);
  });

  it('keeps an error that is not the API’s, for the banner to say something went wrong', () => {
    const bug = new TypeError('x is undefined');
    expect(toFormProblem(bug)).toEqual({ kind: 'failed', error: bug });
  });
});

describe('the words of the banner, in the reader’s language', () => {
  const problems: Record<string, FormProblem> = {
    marked: { kind: 'invalid', unmatched: [], error: invalidCode },
    unmatched: { kind: 'invalid', unmatched: [overQuota], error: invalidCode },
    noFields: { kind: 'invalid', unmatched: [], error: notJson },
    signedOut: { kind: 'signed_out' },
    forbidden: { kind: 'forbidden' },
    refused: { kind: 'refused', error: held },
    codeTaken: { kind: 'refused', error: codeTaken },
    changed: { kind: 'changed', error: changed },
    throttled: { kind: 'throttled', retryAfterSeconds: 900 },
    failed: { kind: 'failed', error: offline },
  };

  it.each<[keyof typeof problems, FormRecord, string, string[] | string]>([
    ['marked', 'member', 'Some fields need a correction', 'The fields marked below say what is wrong.'],
    [
      'unmatched',
      'delegation',
      'Some fields need a correction',
      ['alternates: The seat quota is 1+0: at most 0 people beside the head'],
    ],
    ['noFields', 'meeting', 'Some fields need a correction', ['Some values were refused.']],
    ['signedOut', 'member', 'Your session has ended', ['Sign in again, then save.']],
    ['forbidden', 'delegation', 'Not allowed', ['You are not allowed to do this.']],
    [
      'refused',
      'delegation',
      'The delegation was not saved',
      ['The meeting was cancelled: nothing more can be recorded for it.'],
    ],
    ['codeTaken', 'member', 'The member was not saved', ['A member with the code CHL already exists.']],
    ['changed', 'meeting', 'The meeting was not saved', ['Someone else changed this in the meantime.']],
    ['throttled', 'member', 'Too many requests', ['Try again in 15 minutes.']],
    [
      'failed',
      'member',
      'The member was not saved',
      ['The server could not be reached. Check your connection and try again.'],
    ],
  ])('English: %s (%s)', (name, record, title, body) => {
    expect(problemText(en, problems[name], record)).toEqual({ title, body });
  });

  it.each<[keyof typeof problems, FormRecord, string, string[] | string]>([
    ['marked', 'member', 'بعض الحقول تحتاج إلى تصحيح', 'تبيّن الحقول المشار إليها أدناه موضع الخطأ.'],
    [
      'unmatched',
      'delegation',
      'بعض الحقول تحتاج إلى تصحيح',
      ['alternates: حصة المقاعد 1+0: لا يُسمح بأحد إلى جانب رئيس الوفد'],
    ],
    ['forbidden', 'delegation', 'غير مسموح', ['غير مسموح لك بهذا الإجراء.']],
    ['codeTaken', 'member', 'لم يُحفَظ العضو', ['يوجد عضو بالرمز CHL بالفعل.']],
    ['refused', 'meeting', 'لم يُحفَظ الاجتماع', ['أُلغي الاجتماع: لا يمكن تسجيل أي شيء آخر فيه.']],
    ['throttled', 'member', 'طلبات كثيرة جدًا', ['أعد المحاولة بعد 15 دقيقةً.']],
  ])('Arabic: %s (%s)', (name, record, title, body) => {
    expect(problemText(ar, problems[name], record)).toEqual({ title, body });
  });

  it('agrees the French title with the record’s gender', () => {
    const failed = problems.failed as FormProblem;
    expect(problemText(fr, failed, 'member').title).toBe("Le membre n'a pas été enregistré");
    expect(problemText(fr, failed, 'meeting').title).toBe("La réunion n'a pas été enregistrée");
    expect(problemText(fr, failed, 'delegation').title).toBe("La délégation n'a pas été enregistrée");
  });

  it('never shows the server’s English detail', () => {
    for (const problem of Object.values(problems)) {
      const { body } = problemText(ar, problem, 'member');
      for (const line of typeof body === 'string' ? [body] : body) expect(line).not.toMatch(/\b(the|is|was)\b/i);
    }
  });

  it('offers the way out only when no change to the form would help', () => {
    const final = Object.entries(problems)
      .filter(([, problem]) => isFinal(problem))
      .map(([name]) => name);
    expect(final).toEqual(['forbidden', 'refused', 'codeTaken']);
  });
});

describe('how long to wait, in words', () => {
  it.each<[number | null, string, string]>([
    [null, 'Try again shortly.', 'أعد المحاولة بعد قليل.'],
    [0, 'Try again shortly.', 'أعد المحاولة بعد قليل.'],
    [1, 'Try again in 1 second.', 'أعد المحاولة بعد ثانية واحدة.'],
    [2, 'Try again in 2 seconds.', 'أعد المحاولة بعد ثانيتين.'],
    [45, 'Try again in 45 seconds.', 'أعد المحاولة بعد 45 ثانيةً.'],
    [60, 'Try again in 1 minute.', 'أعد المحاولة بعد دقيقة واحدة.'],
    [61, 'Try again in 2 minutes.', 'أعد المحاولة بعد دقيقتين.'],
    [300, 'Try again in 5 minutes.', 'أعد المحاولة بعد 5 دقائق.'],
    [900, 'Try again in 15 minutes.', 'أعد المحاولة بعد 15 دقيقةً.'],
    [6000, 'Try again in 2 hours.', 'أعد المحاولة بعد ساعتين.'],
    [3600, 'Try again in 1 hour.', 'أعد المحاولة بعد ساعة واحدة.'],
    [5400, 'Try again in 2 hours.', 'أعد المحاولة بعد ساعتين.'],
    [36000, 'Try again in 10 hours.', 'أعد المحاولة بعد 10 ساعات.'],
  ])('%s seconds', (seconds, english, arabic) => {
    expect(retryInWords(en, seconds)).toBe(english);
    expect(retryInWords(ar, seconds)).toBe(arabic);
  });

  it('in French', () => {
    expect(retryInWords(fr, 60)).toBe('Réessayez dans 1 minute.');
    expect(retryInWords(fr, 900)).toBe('Réessayez dans 15 minutes.');
  });
});
