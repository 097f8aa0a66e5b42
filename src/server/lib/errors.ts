import { type ErrorCode, errorTitle, FIELDS_INVALID } from '../../shared/errors.js';
import type { FieldError } from '../../shared/problem.js';

/** The one error a service throws; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail?: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? errorTitle[code]);
    this.code = code;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }
}

/** 404 for a record that does not exist *or* that the caller may not see: the two look the same. */
export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** 400 naming the fields that are wrong. */
export const invalid = (errors: FieldError[], detail = FIELDS_INVALID) =>
  new AppError('validation_failed', detail, { errors });
