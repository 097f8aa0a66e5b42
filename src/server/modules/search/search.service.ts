import { Visibility } from '../../../shared/meetings.js';
import {
  type SearchHit,
  SearchKind,
  type SearchQuery,
  type SearchResults,
  type SnippetPart,
} from '../../../shared/search.js';
import { StatementStatus } from '../../../shared/statements.js';
import { isSecretariat, memberOfFocalPoint } from '../../lib/access.js';
import type { Auth, SessionUser } from '../../lib/auth-context.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { canReadMeeting } from '../meetings/meetings.policy.js';
import { canReadSource } from '../sources/sources.policy.js';
import { canReadStatement } from '../statements/statements.policy.js';
import {
  type SearchParams,
  searchDecisions,
  searchMeetings,
  searchMembers,
  searchPeople,
  searchSources,
  searchStatements,
} from './search.repo.js';
import { highlight, searchTerms, snippetOf, toTsQuery } from './search.text.js';

type Texts = (string | null | undefined)[];

/** The title the query found most words of (a translation, another name), else the first; and its parts. */
function titleOf(titles: Texts, terms: string[]): { title: string; titleParts: SnippetPart[] } {
  const present = titles.filter((t): t is string => Boolean(t));
  let best = { title: present[0] ?? '', titleParts: [] as SnippetPart[], found: 0 };
  for (const title of present) {
    const parts = highlight(title, terms);
    const found = parts.filter((p) => p.match).length;
    if (found > best.found) best = { title, titleParts: parts, found };
  }
  if (best.found === 0)
    return { title: best.title, titleParts: best.title ? [{ text: best.title, match: false }] : [] };
  return { title: best.title, titleParts: best.titleParts };
}

function hit(
  kind: SearchKind,
  row: { id: string; rank: number; date: string | null },
  path: string,
  titles: Texts,
  body: Texts,
  terms: string[],
): SearchHit {
  return {
    kind,
    id: row.id,
    path,
    ...titleOf(titles, terms),
    snippet: snippetOf(body, terms),
    date: row.date,
    rank: row.rank,
  };
}

const languages = <T>(record: Record<string, T> | null | undefined): T[] =>
  record ? (['en', 'fr', 'ar'] as const).flatMap((l) => (record[l] === undefined ? [] : [record[l] as T])) : [];

/** The statement's access as its policy reads it, from a search row. */
const statementAccess = (row: {
  status: string;
  visibility: string;
  restrictedMemberIds: string[];
  circulatedMemberIds: string[];
}) => ({
  status: StatementStatus.parse(row.status),
  visibility: Visibility.parse(row.visibility),
  restrictedMemberIds: row.restrictedMemberIds,
  circulatedMemberIds: row.circulatedMemberIds,
});

type KindSearch = (
  deps: ServiceDeps,
  p: SearchParams,
  user: SessionUser | null,
  terms: string[],
) => Promise<SearchHit[]>;

// Each kind's query filters by visibility in SQL; the JS rule of the owning module runs again on
// what comes back, so that a slip in one of the two hides a record rather than showing it.
const KINDS: Record<SearchKind, KindSearch> = {
  member: async (deps, p, _user, terms) =>
    (await searchMembers(deps.read, p)).map((r) =>
      hit(
        SearchKind.enum.member,
        r,
        `/members/${r.code}`,
        [r.nameEn, r.nameFr, r.nameAr, ...languages(r.officialNames), r.code],
        [],
        terms,
      ),
    ),
  person: async (deps, p, _user, terms) =>
    (await searchPeople(deps.read, p)).map((r) =>
      hit(
        SearchKind.enum.person,
        { ...r, date: null },
        r.memberCode ? `/members/${r.memberCode}` : '/members',
        [r.name],
        [r.title, r.affiliation],
        terms,
      ),
    ),
  meeting: async (deps, p, user, terms) =>
    (await searchMeetings(deps.read, p))
      .filter((r) =>
        canReadMeeting(user, {
          visibility: Visibility.parse(r.visibility),
          restrictedMemberIds: r.restrictedMemberIds,
        }),
      )
      .map((r) =>
        hit(
          SearchKind.enum.meeting,
          r,
          `/meetings/${r.id}`,
          [r.title, ...languages(r.titleTranslations)],
          [[r.city, ...languages(r.cityTranslations), r.venue].filter(Boolean).join(' · '), r.summary],
          terms,
        ),
      ),
  statement: async (deps, p, user, terms) =>
    (await searchStatements(deps.read, p))
      .filter((r) => canReadStatement(user, statementAccess(r)))
      .map((r) =>
        hit(
          SearchKind.enum.statement,
          r,
          `/statements/${r.id}`,
          [r.title, ...languages(r.translations).map((t) => t.title)],
          [r.text],
          terms,
        ),
      ),
  decision: async (deps, p, user, terms) =>
    (await searchDecisions(deps.read, p))
      .filter((r) => canReadStatement(user, statementAccess(r)))
      .map((r) => hit(SearchKind.enum.decision, r, `/decisions#decision-${r.id}`, [r.title], [r.number], terms)),
  source: async (deps, p, user, terms) =>
    (await searchSources(deps.read, p))
      .filter((r) => canReadSource(user, { visibility: Visibility.parse(r.visibility), memberIds: r.memberIds }))
      .map((r) => hit(SearchKind.enum.source, r, `/sources#${r.id}`, [r.title], [r.publisher, r.excerpt], terms)),
};

/** Search across members, people, meetings, statements, decisions and sources. */
export function createSearchService(deps: ServiceDeps) {
  return {
    /**
     * The records the caller may see whose folded words hold the query's (the last as a prefix),
     * best first: a title match above a mention in the text. Not cached: queries rarely repeat,
     * and each is a few index lookups (bench/search.ts).
     */
    async search(auth: Auth, query: SearchQuery): Promise<SearchResults> {
      const terms = searchTerms(query.q);
      if (terms.length === 0) return { q: query.q, items: [], total: 0 };
      const params: SearchParams = {
        tsquery: toTsQuery(terms),
        limit: query.limit,
        signedIn: auth.user !== null,
        secretariat: isSecretariat(auth.user),
        memberId: memberOfFocalPoint(auth.user),
      };
      const kinds = query.kind ? [query.kind] : SearchKind.options;
      const found = (await Promise.all(kinds.map((kind) => KINDS[kind](deps, params, auth.user, terms)))).flat();
      found.sort((a, b) => b.rank - a.rank || a.title.localeCompare(b.title));
      return { q: query.q, items: found.slice(0, query.limit), total: found.length };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
