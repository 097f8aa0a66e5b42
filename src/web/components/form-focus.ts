import type { SyntheticEvent } from 'react';

/**
 * For @mantine/form's `onSubmit(submit, focusFirstError)`: when the form itself refuses the
 * values, focus the first field it marked. Only the submitted form is searched, not the first
 * form of the page, and only once React has drawn the marks.
 */
export function focusFirstError(
  _errors: unknown,
  _values: unknown,
  event: SyntheticEvent<HTMLFormElement> | undefined,
): void {
  // Read now: React lets go of currentTarget once the event has been handled.
  const scope: ParentNode = event?.currentTarget ?? document;
  requestAnimationFrame(() => scope.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
