import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/meetings.js';
import { filterDelegations, hasBegun } from './attendance-desk.js';

describe('hasBegun: the first day has come where the meeting is held', () => {
  // 23:30 UTC on 15 June: already the 16th in Brussels, still the 15th in New York.
  const now = new Date('2030-06-15T23:30:00Z');
  it.each([
    ['Europe/Brussels', '2030-06-16', true],
    ['America/New_York', '2030-06-16', false],
    ['America/New_York', '2030-06-15', true],
    ['UTC', '2030-06-16', false],
    ['Asia/Baghdad', '2014-12-03', true],
    ['Europe/Brussels', '2031-01-10', false],
  ])('%s, starting %s: %s', (timeZone, startDate, begun) => {
    expect(hasBegun({ timeZone, startDate }, now)).toBe(begun);
  });
});

describe('filterDelegations: by the name in the reader language or the code, folded', () => {
  const delegation = (memberCode: string, en: string, fr: string, ar: string) =>
    ({ memberCode, memberName: en, memberNames: { en, fr, ar } }) as Delegation;
  const all = [
    delegation('CIV', "Côte d'Ivoire", "Côte d'Ivoire", 'كوت ديفوار'),
    delegation('DEU', 'Germany', 'Allemagne', 'ألمانيا'),
    delegation('EGY', 'Egypt', 'Égypte', 'مصر'),
  ];
  const codes = (found: Delegation[]) => found.map((d) => d.memberCode);
  it.each([
    ['', 'en', ['CIV', 'DEU', 'EGY']],
    ['  ', 'fr', ['CIV', 'DEU', 'EGY']],
    ['cote', 'en', ['CIV']],
    ['EGYPTE', 'fr', ['EGY']],
    ['egypte', 'en', []],
    ['allem', 'fr', ['DEU']],
    ['allem', 'en', []],
    ['deu', 'ar', ['DEU']],
    ['مصر', 'ar', ['EGY']],
  ] as const)('%j in %s', (query, language, expected) => {
    expect(codes(filterDelegations(all, query, language))).toEqual(expected);
  });
});
