// The text each kind is searched by, as SQL expressions over its table's columns. Migration 0013
// builds a GIN index on each of these very expressions (search.vectors.test.ts checks it says
// them), and the search queries use them again, so that PostgreSQL and PGlite use the index.
//
// Configuration 'simple' over folded text (entente_fold): no stemming, no stop words. One index
// serves English, French and Arabic alike; a language's stemmer would mangle the two others
// (the 'english' one takes "les" for "le", the 'arabic' one strips Latin nothing and Arabic
// prefixes aggressively), and a name, a city or a code must match as written. The last word of a
// query matches as a prefix (`:*`), which covers most of what stemming would ("statement" finds
// "statements").
//
// Weight A is the title (names, titles in every language, codes), B the rest: ts_rank ranks a
// title match above a mention in the text.

/** `to_tsvector('simple', entente_fold(text))` with a weight. */
const vector = (text: string, weight: 'A' | 'B') =>
  `setweight(to_tsvector('simple', entente_fold(${text})), '${weight}')`;

/** `a || ' ' || b …`, nulls as ''. (concat_ws is only STABLE: an index needs IMMUTABLE.) */
const joined = (parts: string[]) => parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `);

const inLanguages = (column: string, path = (l: string) => `${column}->>'${l}'`) =>
  ['en', 'fr', 'ar'].map((l) => path(l));

/** Column references qualified by `p` ("m." in a query, "" in the index). */
export const searchVectors = {
  member: (p: string) =>
    vector(
      joined([`${p}code`, `${p}name_en`, `${p}name_fr`, `${p}name_ar`, ...inLanguages(`${p}official_names`)]),
      'A',
    ),
  person: (p: string) =>
    `${vector(joined([`${p}name`]), 'A')} || ${vector(joined([`${p}title`, `${p}affiliation`]), 'B')}`,
  meeting: (p: string) =>
    `${vector(joined([`${p}title`, ...inLanguages(`${p}title_translations`)]), 'A')} || ${vector(
      joined([`${p}city`, ...inLanguages(`${p}city_translations`), `${p}venue`, `${p}summary`]),
      'B',
    )}`,
  statement: (p: string) =>
    vector(joined([`${p}title`, ...inLanguages(`${p}translations`, (l) => `${p}translations->'${l}'->>'title'`)]), 'A'),
  /** A version's words: the statement's text weighs as the rest (B). */
  statementText: (p: string) => vector(joined([`${p}text`]), 'B'),
  decision: (p: string) => vector(joined([`${p}title`, `${p}year::text`, `${p}sequence::text`]), 'A'),
  source: (p: string) =>
    `${vector(joined([`${p}title`]), 'A')} || ${vector(joined([`${p}publisher`, `${p}excerpt`]), 'B')}`,
} as const;

/** The index of each expression, as migration 0013 names it, with its table. */
export const SEARCH_INDEXES = [
  { name: 'members_search_idx', table: 'members', vector: searchVectors.member },
  { name: 'people_search_idx', table: 'people', vector: searchVectors.person },
  { name: 'meetings_search_idx', table: 'meetings', vector: searchVectors.meeting },
  { name: 'statements_search_idx', table: 'statements', vector: searchVectors.statement },
  { name: 'statement_versions_search_idx', table: 'statement_versions', vector: searchVectors.statementText },
  { name: 'decisions_search_idx', table: 'decisions', vector: searchVectors.decision },
  { name: 'sources_search_idx', table: 'sources', vector: searchVectors.source },
] as const;

/** The statements of migration 0013. */
export const searchIndexStatements = (): string[] =>
  SEARCH_INDEXES.map((i) => `CREATE INDEX "${i.name}" ON "${i.table}" USING gin ((${i.vector('')}));`);
