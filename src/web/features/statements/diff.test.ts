import { describe, expect, it } from 'vitest';
import { hasChanges, sideBySideRows } from './diff.js';

const same = (value: string) => ({ value, added: false, removed: false });
const added = (value: string) => ({ value, added: true, removed: false });
const removed = (value: string) => ({ value, added: false, removed: true });

describe('sideBySideRows', () => {
  it('puts removed runs on the left, added on the right, unchanged on both', () => {
    expect(sideBySideRows([same('We '), removed('condemn'), added('reject'), same(' terror.')])).toEqual([
      {
        before: [same('We '), removed('condemn'), same(' terror.')],
        after: [same('We '), added('reject'), same(' terror.')],
      },
    ]);
  });

  it('starts a new row at each paragraph break in unchanged text, so the columns stay level', () => {
    const rows = sideBySideRows([same('One.\n\nTwo '), added('more'), same('.\n\nThree.\n\nFour.')]);
    expect(rows).toEqual([
      { before: [same('One.')], after: [same('One.')] },
      { before: [same('Two '), same('.')], after: [same('Two '), added('more'), same('.')] },
      { before: [same('Three.')], after: [same('Three.')] },
      { before: [same('Four.')], after: [same('Four.')] },
    ]);
  });

  it('keeps an added paragraph as a row with nothing on the left', () => {
    const rows = sideBySideRows([same('One.\n\n'), added('New.\n\n'), same('Two.')]);
    expect(rows).toEqual([
      { before: [same('One.')], after: [same('One.')] },
      { before: [], after: [added('New.\n\n')] },
      { before: [same('Two.')], after: [same('Two.')] },
    ]);
  });

  it('gives no rows for nothing', () => {
    expect(sideBySideRows([])).toEqual([]);
  });
});

describe('hasChanges', () => {
  it('is false for unchanged runs only', () => {
    expect(hasChanges([same('a')])).toBe(false);
    expect(hasChanges([same('a'), added('b')])).toBe(true);
  });
});
