/**
 * The one list of error codes Entente answers with, and the HTTP status each maps to.
 * Clients switch on `code`, never on `title` or `detail`.
 */
export const ErrorCode = {
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  versionMismatch: 'version_mismatch',
  preconditionRequired: 'precondition_required',
  tooManyRequests: 'too_many_requests',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  methodNotAllowed: 'method_not_allowed',
  crossSiteRequest: 'cross_site_request',
  unavailable: 'service_unavailable',
  internal: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_mismatch: 409,
  precondition_required: 428,
  too_many_requests: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  cross_site_request: 403,
  service_unavailable: 503,
  internal_error: 500,
};

export const errorTitle: Record<ErrorCode, string> = {
  validation_failed: 'Invalid input',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  version_mismatch: 'Changed by someone else',
  precondition_required: 'Version required',
  too_many_requests: 'Too many requests',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  method_not_allowed: 'Method not allowed',
  cross_site_request: 'Cross-site request refused',
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal error',
};

/**
 * The detail of a 400 that says no more than its field errors do: a client shows the fields and
 * leaves this out (any other detail of a 400 explains something the fields do not).
 */
export const FIELDS_INVALID = 'Some fields are invalid.';
