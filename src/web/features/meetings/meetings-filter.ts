import { isOneOf, MEETING_KINDS } from '../../../shared/enums.js';
import type { MeetingKind } from '../../../shared/meetings.js';

/** What the meetings page searches by; the server does the searching. */
export interface MeetingsFilter {
  /** Words of the title (any language) or the city. */
  q: string;
  year: number | null;
  kind: MeetingKind | null;
  city: string | null;
  /** An invited member's code. */
  member: string | null;
}

export const emptyMeetingsFilter: MeetingsFilter = { q: '', year: null, kind: null, city: null, member: null };

const MEMBER_CODE = /^[A-Z][A-Z0-9]{1,11}$/;

/**
 * The filter as the address holds it (?q=&year=&kind=&city=&member=), so that a filtered list can
 * be shared; what the server would refuse is left out rather than sent.
 */
export function readMeetingsFilter(params: URLSearchParams): MeetingsFilter {
  const kind = params.get('kind');
  const year = Number(params.get('year') ?? '');
  const member = (params.get('member') ?? '').trim().toUpperCase();
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null,
    kind: isOneOf(MEETING_KINDS, kind) ? kind : null,
    city: params.get('city')?.trim().slice(0, 100) || null,
    member: MEMBER_CODE.test(member) ? member : null,
  };
}

/** The filter as query parameters, for the address and for the API alike (empty values left out). */
export function meetingsQuery(filter: Partial<MeetingsFilter>): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q?.trim()) params.set('q', filter.q.trim());
  if (filter.year) params.set('year', String(filter.year));
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.city) params.set('city', filter.city);
  if (filter.member) params.set('member', filter.member);
  return params;
}

/** Whether the filter narrows the list at all. */
export const isFiltered = (filter: MeetingsFilter): boolean => meetingsQuery(filter).size > 0;

/** The years and cities of these meetings, for the filter's choices: latest year first, cities in order. */
export function filterChoices(
  meetings: { startDate: string; endDate: string; city: string | null }[],
  collator: Intl.Collator,
): { years: number[]; cities: string[] } {
  const years = new Set<number>();
  const cities = new Set<string>();
  for (const m of meetings) {
    for (let y = Number(m.startDate.slice(0, 4)); y <= Number(m.endDate.slice(0, 4)); y++) years.add(y);
    if (m.city) cities.add(m.city);
  }
  return { years: [...years].sort((a, b) => b - a), cities: [...cities].sort(collator.compare) };
}
