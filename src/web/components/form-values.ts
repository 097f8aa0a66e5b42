/** An empty input means "none": the API wants null, not "". What is kept is trimmed. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The part of a @mantine/form form that `refill` uses. */
interface RefillableForm<Values> {
  setInitialValues: (values: Values) => void;
  setValues: (values: Values) => void;
  resetDirty: (values: Values) => void;
  clearErrors: () => void;
}

/** Fills a form afresh from a record read again: what was typed and marked goes, nothing is dirty. */
export function refill<Values>(form: RefillableForm<Values>, values: Values): void {
  form.setInitialValues(values);
  form.setValues(values);
  form.resetDirty(values);
  form.clearErrors();
}
