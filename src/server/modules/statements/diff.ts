import { diffWordsWithSpace } from 'diff';
import type { TextDiff } from '../../../shared/statements.js';

/** How long a word diff may take before it gives up (two long, wholly different texts). */
const DIFF_TIMEOUT_MS = 1000;

/**
 * jsdiff's word-level diff of two versions' Markdown: unchanged, removed and added runs in order.
 * Whitespace is a token of its own (`diffWordsWithSpace`), so the runs rebuild both texts exactly:
 * the old one from what was not added, the new one from what was not removed (with `diffWords`
 * an unchanged run carries the new text's spaces, and the old side read "fighters ." where words
 * had been added before a full stop).
 * Two texts too different to compare in time come back as the old one removed and the new one
 * added, which is what they are.
 */
export function diffTexts(from: { number: number; text: string }, to: { number: number; text: string }): TextDiff {
  const changes = diffWordsWithSpace(from.text, to.text, { timeout: DIFF_TIMEOUT_MS });
  const parts = changes
    ? changes.map((c) => ({ value: c.value, added: c.added, removed: c.removed }))
    : from.text === to.text
      ? [{ value: from.text, added: false, removed: false }]
      : [
          { value: from.text, added: false, removed: true },
          { value: to.text, added: true, removed: false },
        ];
  return { from: from.number, to: to.number, parts };
}
