import type { Member, MemberKind } from '../../../shared/members.js';
import { fold } from '../../components/format.js';

export type SortKey = 'name' | 'code' | 'joined';
export type SortDirection = 'asc' | 'desc';

export interface MembersFilter {
  q: string;
  kind: MemberKind | null;
  sort: SortKey;
  direction: SortDirection;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Finds a member by its code or any of its three names, accents and case ignored. */
export function matchesSearch(member: Member, q: string): boolean {
  const needle = fold(q.trim());
  if (!needle) return true;
  return [member.code, member.names.en, member.names.fr, member.names.ar].some((h) => fold(h).includes(needle));
}

function compare(a: Member, b: Member, sort: SortKey): number {
  if (sort === 'code') return collator.compare(a.code, b.code);
  if (sort === 'joined') {
    // Members without a date go last either way: "uncertain" is not earlier or later than a date.
    if (a.joinedOn === b.joinedOn) return collator.compare(a.name, b.name);
    if (!a.joinedOn) return 1;
    if (!b.joinedOn) return -1;
    return a.joinedOn < b.joinedOn ? -1 : 1;
  }
  return collator.compare(a.name, b.name);
}

export function filterMembers(members: Member[], filter: MembersFilter): Member[] {
  const found = members.filter((m) => (!filter.kind || m.kind === filter.kind) && matchesSearch(m, filter.q));
  const sorted = found.sort((a, b) => compare(a, b, filter.sort));
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
