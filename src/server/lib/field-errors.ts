import { LOCAL_TIME_PATTERN, SEAT_QUOTA_PATTERN } from '../../shared/meetings.js';
import { MEMBER_CODE_PATTERN } from '../../shared/members.js';
import { type FieldError, FieldErrorCode, type ProblemParams } from '../../shared/problem.js';
import { fieldError } from './errors.js';

/** A zod issue as zod gives it, or as fastify-type-provider-zod passes it on (`keyword` and `params`). */
export interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/** An issue with what zod says beside its code (minimum, format, values, keys…), read by name. */
type Detailed = Issue & Record<string, unknown>;

/**
 * zod reports every `.regex()` as the format "regex": the patterns the interface names in its own
 * words are named here, by the pattern itself. Any other pattern is the format `pattern`.
 */
const PATTERN_FORMATS = new Map<string, string>([
  [String(MEMBER_CODE_PATTERN), 'member_code'],
  [String(LOCAL_TIME_PATTERN), 'time'],
  [String(SEAT_QUOTA_PATTERN), 'seat_quota'],
]);

/** The value the issue is about, found in what was sent (zod does not keep it on the issue). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isSizeOf = (origin: unknown, ...origins: string[]) => typeof origin === 'string' && origins.includes(origin);

/** A custom check's own code and params, when it was written with `refusedAs` (src/shared/problem.ts). */
function refusal(issue: Detailed): { code: FieldErrorCode; params?: ProblemParams } | null {
  const own = (issue.params as { fieldError?: { code?: unknown; params?: ProblemParams } } | undefined)?.fieldError;
  const code = FieldErrorCode.safeParse(own?.code);
  return code.success ? { code: code.data, params: own?.params } : null;
}

/** The code (and its params) that says why zod refused a value. */
function codeOf(issue: Detailed, value: unknown): { code: FieldErrorCode; params?: ProblemParams } {
  // Left out, or sent as null where a value is needed: what a form calls an empty required field.
  const missing = value === undefined || value === null;
  switch (issue.code) {
    case 'invalid_type':
      return { code: missing ? 'required' : 'invalid_type' };
    case 'invalid_union':
      return { code: missing ? 'required' : 'invalid' };
    case 'invalid_value':
      if (missing) return { code: 'required' };
      return { code: 'invalid_value', params: { options: ((issue.values as unknown[]) ?? []).map(String).join(',') } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (isSizeOf(issue.origin, 'string'))
        return minimum === 1 ? { code: 'required' } : { code: 'too_short', params: { minimum } };
      if (isSizeOf(issue.origin, 'array', 'set')) return { code: 'too_few', params: { minimum } };
      if (isSizeOf(issue.origin, 'number', 'bigint')) return { code: 'too_small', params: { minimum } };
      return { code: 'invalid' };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (isSizeOf(issue.origin, 'string')) return { code: 'too_long', params: { maximum } };
      if (isSizeOf(issue.origin, 'array', 'set')) return { code: 'too_many', params: { maximum } };
      if (isSizeOf(issue.origin, 'number', 'bigint')) return { code: 'too_big', params: { maximum } };
      return { code: 'invalid' };
    }
    case 'invalid_format': {
      const format =
        issue.format === 'regex' ? (PATTERN_FORMATS.get(String(issue.pattern)) ?? 'pattern') : String(issue.format);
      return { code: 'invalid_format', params: { format } };
    }
    case 'custom':
      return refusal(issue) ?? { code: 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

/**
 * The field errors of zod's issues: each with its code, params and zod's (English) message.
 * `input` is what was sent there, to tell a value left out from a value of the wrong kind.
 */
export function fieldErrorsOf(issues: readonly Issue[], where: FieldError['in'], input: unknown): FieldError[] {
  return issues.flatMap((plain) => {
    const issue = plain as Detailed;
    // An unknown key is named by the issue, not by the path (which points at its parent): one error a key.
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys) && issue.keys.length > 0) {
      return issue.keys.map((key) =>
        fieldError([...issue.path, key].join('.'), 'unknown_field', 'is not a known field', undefined, where),
      );
    }
    const { code, params } = codeOf(issue, valueAt(input, issue.path));
    return [fieldError(issue.path.join('.') || '(root)', code, issue.message, params, where)];
  });
}
