import { AppError, fieldError } from './errors.js';

/**
 * The version a write was based on, from `If-Match` (`"3"`, `W/"3"` or `3`).
 * Missing → 428, so that no client can overwrite blindly.
 */
export function requireVersion(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw new AppError('precondition_required', 'Send If-Match with the version you read, e.g. If-Match: "3".');
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) {
    throw new AppError('validation_failed', 'If-Match must be the version you read, e.g. "3".', {
      errors: [fieldError('if-match', 'version_format', 'must be a version number such as "3"', undefined, 'headers')],
    });
  }
  return Number(match[1]);
}

/** 409 with the version that is now current, so a client can show what changed. */
export function versionMismatch(entity: string, current: number): AppError {
  return new AppError(
    'version_mismatch',
    `This ${entity} was changed by someone else (now version ${current}). Reload it and apply your change again.`,
  );
}
