import { FIELDS_INVALID } from '../../shared/errors.js';
import { isApiError } from '../app/api.js';
import { fieldErrorLine } from './form-errors.js';

/**
 * Why a save was refused, sorted by what the user can do about it. Pure data: the words for it
 * are chosen below, in one place, so that they can be translated in one place.
 */
export type FormProblem =
  /** 400: some values are wrong; `lines` say what no field of the form shows. */
  | { kind: 'invalid'; lines: string[] }
  /** 401: the session ended while the form was open. */
  | { kind: 'signed_out' }
  /** 403: the user may not do this. */
  | { kind: 'forbidden'; detail: string }
  /** 409 `version_mismatch`: someone else saved the record after the form was filled. */
  | { kind: 'changed'; detail: string }
  /** Any other 409: the state of things forbids it (the meeting is held, the code is taken). */
  | { kind: 'refused'; detail: string }
  /** 429: too many requests for now. */
  | { kind: 'throttled'; retryAfterSeconds: number | null }
  /** Anything else: a server error, no network. */
  | { kind: 'failed'; detail: string };

/**
 * Sorts a failed save. `unmatched` are the field errors no form field shows (what
 * `applyFieldErrors` returns); without a form, every field error is one.
 */
export function toFormProblem(error: unknown, unmatched?: string[]): FormProblem {
  if (!isApiError(error)) {
    return { kind: 'failed', detail: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const detail = error.message;
  switch (error.status) {
    case 400: {
      const fields = error.fieldErrors;
      const saysMore = fields.length === 0 || detail !== FIELDS_INVALID;
      return { kind: 'invalid', lines: [...(saysMore ? [detail] : []), ...(unmatched ?? fields.map(fieldErrorLine))] };
    }
    case 401:
      return { kind: 'signed_out' };
    case 403:
      return { kind: 'forbidden', detail };
    case 409:
      return error.code === 'version_mismatch' ? { kind: 'changed', detail } : { kind: 'refused', detail };
    case 429:
      return { kind: 'throttled', retryAfterSeconds: error.retryAfterSeconds };
    default:
      return { kind: 'failed', detail };
  }
}

/** A refusal that no change to the form will lift: the page's way out is offered with it. */
export const isFinal = (problem: FormProblem): boolean => problem.kind === 'forbidden' || problem.kind === 'refused';

/** What a banner says: a title, then a list of lines, or one sentence. */
export interface ProblemText {
  title: string;
  body: string[] | string;
}

/**
 * The banner's words for a refused save of a `record` ("member", "delegation"). Every English
 * word of the form banners is here (and in `conflictText`).
 */
export function problemText(problem: FormProblem, record: string): ProblemText {
  switch (problem.kind) {
    case 'invalid':
      return {
        title: 'Some fields need a correction',
        body: problem.lines.length > 0 ? problem.lines : 'The fields marked below say what is wrong.',
      };
    case 'signed_out':
      return { title: 'Your session has ended', body: ['Sign in again, then save.'] };
    case 'forbidden':
      return { title: 'Not allowed', body: [problem.detail] };
    case 'throttled':
      return { title: 'Too many requests', body: [retryInWords(problem.retryAfterSeconds)] };
    // A version mismatch reaches here only where the record cannot be reloaded (ConflictAlert otherwise).
    case 'changed':
    case 'refused':
    case 'failed':
      return { title: `The ${record} was not saved`, body: [problem.detail] };
  }
}

/** The words of the banner that offers to reload a record someone else changed. */
export function conflictText(record: string): { title: string; text: string; reload: string } {
  return {
    title: `Someone else changed this ${record}`,
    text: `It was changed after you opened it, so your changes were not saved. Reload it to see the current ${record}, then make your changes again. Reloading replaces what you entered.`,
    reload: `Reload the ${record}`,
  };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "Try again in 15 minutes.": the wait the server asked for, rounded up, or "shortly" when it did not say. */
export function retryInWords(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'Try again shortly.';
  if (seconds < 60) return `Try again in ${plural(seconds, 'second')}.`;
  if (seconds < 3600) return `Try again in ${plural(Math.ceil(seconds / 60), 'minute')}.`;
  return `Try again in ${plural(Math.ceil(seconds / 3600), 'hour')}.`;
}
