import { describe, expect, it } from 'vitest';
import { diffTexts } from './diff.js';

const v = (number: number, text: string) => ({ number, text });

describe('diffTexts', () => {
  it('gives the words kept, removed and added, in order', () => {
    expect(diffTexts(v(1, 'The partners agree.'), v(2, 'All partners firmly agree.'))).toEqual({
      from: 1,
      to: 2,
      parts: [
        { value: 'The', added: false, removed: true },
        { value: 'All', added: true, removed: false },
        { value: ' partners ', added: false, removed: false },
        { value: 'firmly ', added: true, removed: false },
        { value: 'agree.', added: false, removed: false },
      ],
    });
  });

  it('gives one unchanged run for the same text, and the whole text removed for an empty one', () => {
    expect(diffTexts(v(1, 'Same words.'), v(1, 'Same words.')).parts).toEqual([
      { value: 'Same words.', added: false, removed: false },
    ]);
    expect(diffTexts(v(1, 'Gone.'), v(2, '')).parts).toEqual([{ value: 'Gone.', added: false, removed: true }]);
  });

  it("rebuilds the new text from its parts, and the old one but for whitespace (diffWords keeps the new text's)", () => {
    const from = 'First paragraph.\n\nSecond one, with **bold** words.';
    const to = 'First paragraph, amended.\n\nSecond one, with *other* words.\n\nA third.';
    const { parts } = diffTexts(v(1, from), v(2, to));
    const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(
      squeeze(
        parts
          .filter((p) => !p.added)
          .map((p) => p.value)
          .join(''),
      ),
    ).toBe(squeeze(from));
    expect(
      parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toBe(to);
  });
});
