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

  it('rebuilds both texts exactly from their parts, whitespace included', () => {
    const from = 'First paragraph.\n\nSecond one, with **bold** words.';
    const to = 'First paragraph, amended.\n\nSecond one, with *other* words.\n\nA third.';
    const { parts } = diffTexts(v(1, from), v(2, to));
    const side = (skip: 'added' | 'removed') =>
      parts
        .filter((p) => !p[skip])
        .map((p) => p.value)
        .join('');
    expect(side('added')).toBe(from);
    expect(side('removed')).toBe(to);
  });

  it('keeps the space with the added words, not before the full stop that follows them', () => {
    const { parts } = diffTexts(
      v(1, 'Stem the flow of fighters.'),
      v(2, 'Stem the flow of fighters and support families.'),
    );
    expect(parts).toEqual([
      { value: 'Stem the flow of fighters', added: false, removed: false },
      { value: ' and support families', added: true, removed: false },
      { value: '.', added: false, removed: false },
    ]);
  });
});
