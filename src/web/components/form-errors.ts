import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FIELD_ERROR_CODES, isOneOf } from '../../shared/enums.js';
import type { FieldError, FieldErrorCode, ProblemParams } from '../../shared/problem.js';
import { isApiError } from '../app/api.js';

/**
 * The `t` the form helpers take: the forms catalog, and the common one for a problem's own
 * sentence (`problemMessage`). `useFormT()` gives it, with the forms catalog loaded.
 */
export type FormT = TFunction<['common', 'forms']>;

export function useFormT(): FormT {
  return useTranslation(['common', 'forms']).t;
}

/** The part of a @mantine/form form that the server's field errors need. */
export interface FormWithErrors {
  setFieldError: (path: never, error: string) => void;
  getValues: () => object;
}

function hasPath(values: object, path: string): boolean {
  let here: unknown = values;
  for (const part of path.split('.')) {
    if (typeof here !== 'object' || here === null || !(part in here)) return false;
    here = (here as Record<string, unknown>)[part];
  }
  return true;
}

/** The formats the catalog names in words; any other (`pattern`, a newer one) gets the general sentence. */
const NAMED_FORMATS = ['email', 'date', 'time', 'uuid', 'time_zone', 'member_code', 'seat_quota'] as const;
type NamedFormat = (typeof NAMED_FORMATS)[number];
const isNamedFormat = (format: unknown): format is NamedFormat => NAMED_FORMATS.includes(format as NamedFormat);

/** The codes whose sentence counts something, and the param that holds the number (for its plural form). */
const COUNTED = {
  too_short: 'minimum',
  too_long: 'maximum',
  too_few: 'minimum',
  too_many: 'maximum',
  over_quota: 'allowed',
};
type CountedCode = keyof typeof COUNTED;
const isCounted = (code: FieldErrorCode): code is CountedCode => Object.hasOwn(COUNTED, code);

/**
 * Why a field was refused, in the reader's words, from the code (and its params): the same
 * sentences for the server's field errors and for what a form checks before sending.
 */
export function fieldSentence(t: FormT, code: FieldErrorCode, params: ProblemParams = {}): string {
  if (code === 'invalid_format') {
    return isNamedFormat(params.format) ? t(`forms:field.format.${params.format}`) : t('forms:field.invalid_format');
  }
  if (isCounted(code)) return t(`forms:field.${code}`, { ...params, count: Number(params[COUNTED[code]]) });
  return t(`forms:field.${code}`, params);
}

/**
 * A field error in the reader's words, never its English `message`. A code this interface does
 * not know (a newer server's) gets the general sentence; an error without a code at all (a server
 * from before codes, while the two are deployed apart) has only its message to show.
 */
export function fieldMessage(t: FormT, field: FieldError): string {
  if (field.code === undefined) return field.message.charAt(0).toUpperCase() + field.message.slice(1);
  return isOneOf(FIELD_ERROR_CODES, field.code) ? fieldSentence(t, field.code, field.params) : t('forms:field.invalid');
}

/** A field error as one line of text, for when no field of the form shows it: "alternates: The seat quota…". */
export const fieldErrorLine = (t: FormT, field: FieldError): string =>
  t('forms:field.line', { field: field.path, message: fieldMessage(t, field) });

/**
 * Puts each of the problem's per-field errors on the form field of the same path, or of the
 * path `fieldOf` gives (`restrictedTo.2` → `restrictedTo`), in the reader's words; the first
 * error of a field wins. Returns the errors that match no field, for the form to show on top.
 */
export function applyFieldErrors(
  form: FormWithErrors,
  error: unknown,
  t: FormT,
  fieldOf: (path: string) => string = (path) => path,
): FieldError[] {
  if (!isApiError(error)) return [];
  const unmatched: FieldError[] = [];
  const marked = new Set<string>();
  const values = form.getValues();
  for (const field of error.fieldErrors) {
    const path = fieldOf(field.path);
    if (field.in === 'body' && hasPath(values, path)) {
      if (marked.has(path)) continue;
      marked.add(path);
      form.setFieldError(path as never, fieldMessage(t, field));
    } else {
      unmatched.push(field);
    }
  }
  return unmatched;
}
