import type { TextDiff } from '../../../shared/statements.js';

export type DiffPart = TextDiff['parts'][number];

/** One row of a side-by-side diff: what the older version had, and what the newer has, in their place. */
export interface DiffRow {
  before: DiffPart[];
  after: DiffPart[];
}

const BREAK = /\n{2,}/;

/**
 * jsdiff's run of parts laid out side by side, one row per paragraph: a row ends where both
 * versions break a paragraph in an unchanged run, so that the two columns stay level. Removed
 * runs go to the left, added to the right, unchanged ones to both.
 */
export function sideBySideRows(parts: readonly DiffPart[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let row: DiffRow = { before: [], after: [] };
  const push = (part: DiffPart) => {
    if (!part.added) row.before.push(part);
    if (!part.removed) row.after.push(part);
  };
  const endRow = () => {
    if (row.before.length > 0 || row.after.length > 0) rows.push(row);
    row = { before: [], after: [] };
  };
  for (const part of parts) {
    if (part.added || part.removed) {
      push(part);
      // A paragraph only one version has is a row of its own, facing nothing.
      const alone = part.added ? row.before.length === 0 : row.after.length === 0;
      if (alone && /\n{2,}$/.test(part.value)) endRow();
      continue;
    }
    if (!BREAK.test(part.value)) {
      push(part);
      continue;
    }
    const pieces = part.value.split(BREAK);
    pieces.forEach((piece, i) => {
      if (i > 0) endRow();
      if (piece !== '') push({ value: piece, added: false, removed: false });
    });
  }
  endRow();
  return rows;
}

/** Whether two versions differ at all. */
export const hasChanges = (parts: readonly DiffPart[]): boolean => parts.some((p) => p.added || p.removed);
