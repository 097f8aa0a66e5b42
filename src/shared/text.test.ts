import { describe, expect, it } from 'vitest';
import { foldName } from './text.js';

describe('foldName: one name however it is typed', () => {
  it.each([
    ['  jane  EXAMPLE', 'Jane Example'],
    ['Jose', 'José'],
    ['JOSÉ MARTÍNEZ', 'jose martinez'],
    ['François\tHollande', 'Francois Hollande'],
    ['Zoë', 'Zoe'],
  ])('%j is %j', (a, b) => expect(foldName(a)).toBe(foldName(b)));

  it.each([
    ['Jane Example', 'Jane Examples'],
    ['Ali', 'Alia'],
  ])('%j is not %j', (a, b) => expect(foldName(a)).not.toBe(foldName(b)));

  it('folds Arabic names written with or without short vowels alike, as it strips every mark', () => {
    expect(foldName('مُحَمَّد')).toBe(foldName('محمد'));
  });
});
