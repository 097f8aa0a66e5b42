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
  requestAnimationFrame(() => {
    const field = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    // Scrolled by its wrapper, label included, which stops below the fixed header (its scroll-margin
    // in global.css); the browser's own scroll on focus would bring the input alone to the edge.
    field.focus({ preventScroll: true });
    (field.closest('.mantine-InputWrapper-root') ?? field).scrollIntoView({ block: 'nearest' });
  });
}
