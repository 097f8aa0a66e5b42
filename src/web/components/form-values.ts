/** An empty input means "none": the API wants null, not "". What is kept is trimmed. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
