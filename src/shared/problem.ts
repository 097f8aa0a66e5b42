import { z } from 'zod';
import { FIELD_ERROR_CODES } from './enums.js';
import { ErrorCode } from './errors.js';

/**
 * Why a field was refused, as a stable code the interface translates (the `message` is English,
 * for API users and logs). Parameters, when a code has some, are in `params`.
 */
export const FieldErrorCode = z.enum(FIELD_ERROR_CODES);
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
  'meeting_not_started', // attendance is recorded once the meeting has begun (its start date in its zone) or is held
  'seated_elsewhere', // params.members: the other delegations (comma-separated codes)
  'people_on_one_delegation', // params.meetings: two people to merge sit together at that many meetings
  'wrong_credentials', // sign-in: the email or the password is wrong
  'sign_in_throttled', // params.minutes: too many failed sign-ins
  'delegation_has_people', // an invitation is not withdrawn once its delegation names someone
  'procedure_ended', // params.status: the procedure is no longer open (broken, adopted, closed, withdrawn), or its deadline has passed
  'statement_not_draft', // params.status: only a draft can be circulated, adopted at a meeting or withdrawn
  'statement_not_adopted', // positions are attached to an adopted statement
  'version_circulated', // a circulated text version is immutable; a new round circulates a new version
  'period_locked', // params.period, params.closesOn: the period closed for reporting; only the secretariat can reopen it
  'report_not_submitted', // params.status: only a submitted report (or value) is approved or returned
  'report_under_review', // a submitted report waits for the secretariat; the member changes it once it is returned
  'period_exists', // params.period: the period is already open for reporting
  'indicator_key_taken', // params.key
  'pledge_status', // params.status: the event does not follow from the pledge's status (withdrawn, not yet committed…)
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
