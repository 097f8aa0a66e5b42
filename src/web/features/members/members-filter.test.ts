import { describe, expect, it } from 'vitest';
import type { Member, MemberNames } from '../../../shared/members.js';
import { filterMembers } from './members-filter.js';

const state = (code: string, names: MemberNames, officialNames: MemberNames | null = null): Member => ({
  id: `00000000-0000-4000-8000-${code.padStart(12, '0')}`,
  code,
  kind: 'state',
  name: names.en,
  names,
  officialNames,
  status: 'active',
  joinedOn: null,
  joinedNote: null,
  leftOn: null,
  note: null,
  version: 1,
  updatedAt: '2030-01-01T00:00:00.000Z',
});

// The names as the seed gives them: the short name shown, the official one apart.
const members = [
  state('TUN', { en: 'Tunisia', fr: 'Tunisie', ar: 'تونس' }),
  state(
    'MKD',
    { en: 'North Macedonia', fr: 'Macédoine du Nord', ar: 'مقدونيا الشمالية' },
    { en: 'Republic of North Macedonia', fr: 'République de Macédoine du Nord', ar: 'جمهورية مقدونيا الشمالية' },
  ),
  state('NOR', { en: 'Norway', fr: 'Norvège', ar: 'النرويج' }),
  state('MAR', { en: 'Morocco', fr: 'Maroc', ar: 'المغرب' }),
  state('NZL', { en: 'New Zealand', fr: 'Nouvelle-Zélande', ar: 'نيوزيلندا' }),
];
const sorted = (language: 'en' | 'fr' | 'ar') =>
  filterMembers(members, { q: '', kind: null, sort: 'name', direction: 'asc' }, language).map((m) => m.code);

describe('members sorted by the short name the reader sees', () => {
  it('puts North Macedonia among the Ns in English, not under T', () => {
    expect(sorted('en')).toEqual(['MAR', 'NZL', 'MKD', 'NOR', 'TUN']);
  });
  it('puts Macédoine du Nord among the Ms in French', () => {
    expect(sorted('fr')).toEqual(['MKD', 'MAR', 'NOR', 'NZL', 'TUN']);
  });
  it('finds it by its short names in any language', () => {
    const found = filterMembers(members, { q: 'macedoine', kind: null, sort: 'name', direction: 'asc' }, 'en');
    expect(found.map((m) => m.code)).toEqual(['MKD']);
  });
});
