import { isApiError } from '../app/api.js';

interface FormWithErrors {
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

/**
 * Puts each of the problem's per-field errors (`names.fr: is required`) on the form field of
 * the same path. Returns the messages that match no field, for the form to show on top.
 */
export function applyFieldErrors(form: FormWithErrors, error: unknown): string[] {
  if (!isApiError(error)) return [];
  const unmatched: string[] = [];
  const values = form.getValues();
  for (const field of error.fieldErrors) {
    if (field.in === 'body' && hasPath(values, field.path)) {
      const message = field.message.charAt(0).toUpperCase() + field.message.slice(1);
      form.setFieldError(field.path as never, message);
    } else {
      unmatched.push(`${field.path}: ${field.message}`);
    }
  }
  return unmatched;
}
