import { type ErrorCode, errorTitle, FIELDS_INVALID } from '../../shared/errors.js';
import type { FieldError, FieldErrorCode, ProblemParams, ProblemReason } from '../../shared/problem.js';

/** What an AppError may carry beside its code and detail. */
export interface AppErrorExtra {
  /** Why, finer than the code, where the interface must say the cause (see ProblemReason). */
  reason?: ProblemReason;
  /** The values the reason's sentence needs. */
  params?: ProblemParams;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/**
 * The one error a service throws; the error handler turns it into problem+json. The detail is
 * English, for API users and logs: the interface translates from `code` and `reason`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason?: ProblemReason;
  readonly params?: ProblemParams;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, detail?: string, extra: AppErrorExtra = {}) {
    super(detail ?? errorTitle[code]);
    this.code = code;
    this.reason = extra.reason;
    this.params = extra.params;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }
}

/**
 * One invalid field: its dotted path, the code the interface translates (with the values its
 * sentence needs), and the English message for API users. Sent in the body unless said otherwise.
 */
export function fieldError(
  path: string,
  code: FieldErrorCode,
  message: string,
  params?: ProblemParams,
  where: FieldError['in'] = 'body',
): FieldError {
  return { in: where, path, code, message, ...(params ? { params } : {}) };
}

/** A field naming a member code nobody has (every module that takes member codes says it so). */
export const unknownMember = (path: string, code: string) =>
  fieldError(path, 'unknown_member', `no member has code ${code}`, { code });

/** 404 for a record that does not exist *or* that the caller may not see: the two look the same. */
export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** 400 naming the fields that are wrong. */
export const invalid = (errors: FieldError[], detail = FIELDS_INVALID) =>
  new AppError('validation_failed', detail, { errors });
