import { z } from 'zod';
import { ErrorCode } from './errors.js';

/**
 * Why a field was refused, as a stable code the interface translates (the `message` is English,
 * for API users and logs). Parameters, when a code has some, are in `params`.
 */
export const FieldErrorCode = z.enum([
  // From the request's schema.
  'required', // missing, or empty where a value is needed
  'invalid_type', // a number where text was expected, and the like
  'too_short', // text: params.minimum characters at least
  'too_long', // text: params.maximum characters at most
  'too_few', // a list: params.minimum items at least
  'too_many', // a list: params.maximum items at most
  'too_small', // a number: params.minimum at least
  'too_big', // a number: params.maximum at most
  'invalid_format', // params.format: email, date, time, uuid, time_zone, member_code, pattern…
  'invalid_value', // not one of the allowed values (params.options, comma-separated)
  'unknown_field', // a field the endpoint does not take
  'nul_character', // text holds a NUL character (U+0000), which cannot be stored
  'invalid', // anything else the schema refuses
  // From the services: the request is well-formed but does not fit the records.
  'unknown_member', // params.code: no member has this code
  'unknown_person', // no such person
  'person_of_other_member', // the person speaks for another member
  'person_twice', // the person is already on this delegation
  'merge_into_itself', // a person cannot be merged into themselves
  'person_exists', // params.personId, params.name: a known person of the member has this name (compared folded: case, accents, spaces)
  'before_start', // an end (a date, a time, leaving) before its start
  'start_time_required', // an end time needs a start time
  'only_when_restricted', // only a restricted meeting lists members
  'translation_of_original', // params.language: a translation in the original's own language (the original is the authentic text)
  'not_a_country_code', // a state's code is not an ISO 3166-1 alpha-3 code
  'country_code_for_organization', // an organisation with a country's code
  'over_quota', // params.quota, params.allowed: more delegates than the seat quota
  'head_required', // a delegation with others needs a head
  'member_for_focal_point_only', // a focal point needs a member; other roles take none
  'version_format', // If-Match is not a version number
]);
export type FieldErrorCode = z.infer<typeof FieldErrorCode>;

/** Values a code's sentence needs: a limit, a code, a format's name. */
export const ProblemParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ProblemParams = z.infer<typeof ProblemParams>;

/**
 * The options of a custom check (`.refine`) whose failure has a code of its own: zod keeps
 * `params` on the issue, and the server's error handler makes the field error from it
 * (`Text.refine(fn, refusedAs('invalid_format', 'must be …', { format: 'time_zone' }))`).
 */
export const refusedAs = (code: FieldErrorCode, message: string, params?: ProblemParams) => ({
  message,
  params: { fieldError: { code, ...(params ? { params } : {}) } },
});

/** One invalid field: where it was sent, its dotted path (`names.fr`), a code, and a message for a person. */
export const FieldError = z.object({
  in: z.enum(['body', 'query', 'params', 'headers']),
  path: z.string(),
  code: FieldErrorCode,
  message: z.string(),
  params: ProblemParams.optional(),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * Why a request was refused, finer than its `code`, where the interface says more than the
 * code's general sentence (a 409 whose cause the user must know to act on it).
 */
export const ProblemReason = z.enum([
  'member_code_taken', // params.code
  'user_email_taken', // params.email
  'meeting_closed', // params.status: held or cancelled; delegations can no longer change
  'meeting_cancelled', // nothing more can be recorded for it
  'seated_elsewhere', // params.members: the other delegations (comma-separated codes)
  'people_on_one_delegation', // params.meetings: two people to merge sit together at that many meetings
  'wrong_credentials', // sign-in: the email or the password is wrong
  'sign_in_throttled', // params.minutes: too many failed sign-ins
]);
export type ProblemReason = z.infer<typeof ProblemReason>;

/** RFC 9457 problem details, as every error leaves the server. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  reason: ProblemReason.optional(),
  params: ProblemParams.optional(),
  instance: z.string().optional(),
  requestId: z.string(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;
