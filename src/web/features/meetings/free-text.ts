import type { CSSProperties } from 'react';

/**
 * The styles of an input people type into in any of the three languages: its text takes the
 * direction of what is typed (Arabic from the right, a Latin name from the left), as
 * `dir="auto"` does. Mantine puts a `dir` prop on the input's wrapper, which has no text of its
 * own to take a direction from; this goes on the input itself.
 */
export const freeText: { input: CSSProperties } = { input: { unicodeBidi: 'plaintext' } };
