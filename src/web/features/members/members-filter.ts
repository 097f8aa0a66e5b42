import { fold } from '../../../shared/fold.js';
import { DEFAULT_LANGUAGE, formattingLocale, type Language } from '../../../shared/i18n.js';
import type { Member, MemberKind } from '../../../shared/members.js';
import { nameIn } from './member-name.js';

export type SortKey = 'name' | 'code' | 'joined';
export type SortDirection = 'asc' | 'desc';

export interface MembersFilter {
  q: string;
  kind: MemberKind | null;
  sort: SortKey;
  direction: SortDirection;
}

// A collator is costly to build: one per language, kept.
const collators = new Map<Language, Intl.Collator>();
function collatorFor(language: Language): Intl.Collator {
  const known = collators.get(language);
  if (known) return known;
  const made = new Intl.Collator(formattingLocale[language], { sensitivity: 'base' });
  collators.set(language, made);
  return made;
}

/** Finds a member by its code or any of its three names, accents and case ignored. */
export function matchesSearch(member: Member, q: string): boolean {
  const needle = fold(q.trim());
  if (!needle) return true;
  return [member.code, member.names.en, member.names.fr, member.names.ar].some((h) => fold(h).includes(needle));
}

function compare(a: Member, b: Member, sort: SortKey, language: Language): number {
  const collator = collatorFor(language);
  // By the names the reader sees, in their language's alphabetical order.
  const byName = () => collator.compare(nameIn(a.names, a.name, language), nameIn(b.names, b.name, language));
  if (sort === 'code') return collator.compare(a.code, b.code);
  if (sort === 'joined') {
    // Members without a date go last either way: "uncertain" is not earlier or later than a date.
    if (a.joinedOn === b.joinedOn) return byName();
    if (!a.joinedOn) return 1;
    if (!b.joinedOn) return -1;
    return a.joinedOn < b.joinedOn ? -1 : 1;
  }
  return byName();
}

/** The members the filter finds, sorted as it asks, by their names in the reader's `language`. */
export function filterMembers(
  members: Member[],
  filter: MembersFilter,
  language: Language = DEFAULT_LANGUAGE,
): Member[] {
  const found = members.filter((m) => (!filter.kind || m.kind === filter.kind) && matchesSearch(m, filter.q));
  const sorted = found.sort((a, b) => compare(a, b, filter.sort, language));
  if (filter.direction === 'desc') {
    // Reversed, except that undated members stay at the end when sorting by date.
    const dated = filter.sort === 'joined' ? sorted.filter((m) => m.joinedOn) : sorted;
    const undated = filter.sort === 'joined' ? sorted.filter((m) => !m.joinedOn) : [];
    return [...dated.reverse(), ...undated];
  }
  return sorted;
}

const KINDS: readonly string[] = ['state', 'organization'];
const SORTS: readonly string[] = ['name', 'code', 'joined'];

/** The filter as the address bar holds it (?q=&kind=&sort=&dir=), so a search can be shared. */
export function readFilter(params: URLSearchParams): MembersFilter {
  const kind = params.get('kind') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    kind: KINDS.includes(kind) ? (kind as MemberKind) : null,
    sort: SORTS.includes(sort) ? (sort as SortKey) : 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function writeFilter(filter: MembersFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.sort !== 'name') params.set('sort', filter.sort);
  if (filter.direction === 'desc') params.set('dir', 'desc');
  return params;
}
