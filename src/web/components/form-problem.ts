import type { FieldError } from '../../shared/problem.js';
import { isApiError } from '../app/api.js';
import { problemMessage } from '../i18n/problem.js';
import { type FormT, fieldErrorLine } from './form-errors.js';

/**
 * What a form saves. Each has its own sentences in the forms catalog: French and Arabic agree
 * them with the noun's gender (« Le membre n'a pas été enregistré », « La réunion… enregistrée »).
 */
export type FormRecord =
  | 'member'
  | 'meeting'
  | 'delegation'
  | 'remark'
  | 'statement'
  | 'version'
  | 'procedure'
  | 'response'
  | 'position'
  | 'followUp'
  | 'pledge'
  | 'fxRates'
  | 'office'
  | 'report'
  | 'indicator'
  | 'period'
  | 'source';

/**
 * Why a save was refused, sorted by what the user can do about it. Pure data: the words for it
 * are chosen below (`problemText`), in the reader's language, from the error's codes.
 */
export type FormProblem =
  /**
   * 400: some values are wrong. `unmatched` are the field errors no field of the form shows;
   * `error` says the rest when there are no field errors at all.
   */
  | { kind: 'invalid'; unmatched: FieldError[]; error: unknown }
  /** 401: the session ended while the form was open. */
  | { kind: 'signed_out' }
  /** 403: the user may not do this. */
  | { kind: 'forbidden' }
  /** 409 `version_mismatch`: someone else saved the record after the form was filled. */
  | { kind: 'changed'; error: unknown }
  /** Any other 409: the state of things forbids it (the meeting is held, the code is taken); its `reason` says which. */
  | { kind: 'refused'; error: unknown }
  /** 429: too many requests for now. */
  | { kind: 'throttled'; retryAfterSeconds: number | null }
  /** Anything else: a server error, no network. */
  | { kind: 'failed'; error: unknown };

/**
 * Sorts a failed save. `unmatched` are the field errors no form field shows (what
 * `applyFieldErrors` returns); without a form, every field error is one.
 */
export function toFormProblem(error: unknown, unmatched?: FieldError[]): FormProblem {
  if (!isApiError(error)) return { kind: 'failed', error };
  switch (error.status) {
    case 400:
      return { kind: 'invalid', unmatched: unmatched ?? error.fieldErrors, error };
    case 401:
      return { kind: 'signed_out' };
    case 403:
      return { kind: 'forbidden' };
    case 409:
      return error.code === 'version_mismatch' ? { kind: 'changed', error } : { kind: 'refused', error };
    case 429:
      return { kind: 'throttled', retryAfterSeconds: error.retryAfterSeconds };
    default:
      return { kind: 'failed', error };
  }
}

/** A refusal that no change to the form will lift: the page's way out is offered with it. */
export const isFinal = (problem: FormProblem): boolean => problem.kind === 'forbidden' || problem.kind === 'refused';

/** What a banner says: a title, then a list of lines, or one sentence. */
export interface ProblemText {
  title: string;
  body: string[] | string;
}

/** The lines of a 400: what no field shows; or, when the server named no field, its problem in words. */
function invalidBody(t: FormT, problem: Extract<FormProblem, { kind: 'invalid' }>): string[] | string {
  if (problem.unmatched.length > 0) return problem.unmatched.map((field) => fieldErrorLine(t, field));
  if (isApiError(problem.error) && problem.error.fieldErrors.length === 0) return [problemMessage(t, problem.error)];
  return t('forms:banner.markedBelow');
}

/** The banner's words for a refused save of a `record`, in the reader's language. */
export function problemText(t: FormT, problem: FormProblem, record: FormRecord): ProblemText {
  switch (problem.kind) {
    case 'invalid':
      return { title: t('forms:banner.invalid'), body: invalidBody(t, problem) };
    case 'signed_out':
      return { title: t('forms:banner.signedOut'), body: [t('forms:banner.signInAgain')] };
    case 'forbidden':
      return { title: t('forms:banner.forbidden'), body: [t('common:problem.forbidden')] };
    case 'throttled':
      return { title: t('forms:banner.throttled'), body: [retryInWords(t, problem.retryAfterSeconds)] };
    // A version mismatch reaches here only where the record cannot be reloaded (ConflictAlert otherwise).
    case 'changed':
    case 'refused':
    case 'failed':
      return { title: t(`forms:banner.notSaved.${record}`), body: [problemMessage(t, problem.error)] };
  }
}

/** "Try again in 15 minutes.": the wait the server asked for, rounded up, or "shortly" when it did not say. */
export function retryInWords(t: FormT, seconds: number | null): string {
  if (seconds === null || seconds <= 0) return t('forms:retry.shortly');
  if (seconds < 60) return t('forms:retry.seconds', { count: seconds });
  if (seconds < 3600) return t('forms:retry.minutes', { count: Math.ceil(seconds / 60) });
  return t('forms:retry.hours', { count: Math.ceil(seconds / 3600) });
}
