import type { FieldError } from '../../shared/problem.js';
import { isApiError } from '../app/api.js';

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

/** A field error as one line of text, for when no field of the form shows it. */
export const fieldErrorLine = (field: FieldError): string => `${field.path}: ${field.message}`;

/**
 * Puts each of the problem's per-field errors (`names.fr: is required`) on the form field of
 * the same path, or of the path `fieldOf` gives (`restrictedTo.2` → `restrictedTo`); the first
 * error of a field wins. Returns the messages that match no field, for the form to show on top.
 */
export function applyFieldErrors(
  form: FormWithErrors,
  error: unknown,
  fieldOf: (path: string) => string = (path) => path,
): string[] {
  if (!isApiError(error)) return [];
  const unmatched: string[] = [];
  const marked = new Set<string>();
  const values = form.getValues();
  for (const field of error.fieldErrors) {
    const path = fieldOf(field.path);
    if (field.in === 'body' && hasPath(values, path)) {
      if (marked.has(path)) continue;
      marked.add(path);
      const message = field.message.charAt(0).toUpperCase() + field.message.slice(1);
      form.setFieldError(path as never, message);
    } else {
      unmatched.push(fieldErrorLine(field));
    }
  }
  return unmatched;
}
