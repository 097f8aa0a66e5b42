import type { FieldError } from '../../../shared/problem.js';
import { type FormT, type FormWithErrors, fieldMessage } from '../../components/form-errors.js';

/** What a form found wrong before sending, on its fields, in the same words as the server's errors. */
export function markErrors(form: FormWithErrors, errors: FieldError[], t: FormT): void {
  for (const error of errors) form.setFieldError(error.path as never, fieldMessage(t, error));
}
