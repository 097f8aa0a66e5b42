import { Visibility } from '../../../shared/meetings.js';
import { type Read, readStatement } from '../../db/client.js';
import { personPublicSql } from '../meetings/meeting-people.js';
import { meetingVisibleSql, type ViewerSql } from '../meetings/meetings.policy.js';
import { sourceVisibleSql } from '../sources/sources.policy.js';
import { statementVisibleSql } from '../statements/statements.policy.js';
import { searchVectors as v } from './search.vectors.js';

// One query per kind, each a named prepared statement: $1 the tsquery (folded again by
// entente_fold, as the records were), $2 how many, $3 signed in, $4 secretariat, $5 the focal
// point's member (null otherwise). Each filters by the owning module's visibility rule in SQL
// (its SQL form, next to the JS one), so the limit counts only what the caller may see, and
// returns what the service checks again with the JS rule. The `@@` is on the very expression
// migration 0013 indexes.

const VIEWER: ViewerSql = { signedIn: '$3::boolean', secretariat: '$4::boolean', memberId: '$5::uuid' };
const QUERY = `to_tsquery('simple', entente_fold($1::text))`;

/** `ts_rank` as float8, so that both drivers give a number. */
const rank = (vector: string) => `ts_rank(${vector}, q)::float8 as rank`;
const idList = (select: string) => `coalesce((select json_agg(x.id) from (${select}) x), '[]'::json)`;

export interface MemberHitRow {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  officialNames: { en?: string; fr?: string; ar?: string } | null;
  date: string | null;
  rank: number;
}
const members = readStatement<MemberHitRow>(
  'search_members',
  `select m.id, m.code, m.name_en as "nameEn", m.name_fr as "nameFr", m.name_ar as "nameAr",
    m.official_names as "officialNames", m.joined_on::text as date, ${rank(v.member('m.'))}
  from members m, ${QUERY} q
  where ${v.member('m.')} @@ q
  order by rank desc, m.code limit $2`,
);

export interface PersonHitRow {
  id: string;
  name: string;
  title: string | null;
  affiliation: string | null;
  memberCode: string | null;
  rank: number;
}
const people = readStatement<PersonHitRow>(
  'search_people',
  `select p.id, p.name, p.title, p.affiliation, x.code as "memberCode", ${rank(v.person('p.'))}
  from people p left join members x on x.id = p.member_id, ${QUERY} q
  where ${v.person('p.')} @@ q and ($3::boolean or ${personPublicSql('p')})
  order by rank desc, p.name limit $2`,
);

export interface MeetingHitRow {
  id: string;
  title: string;
  titleTranslations: Record<string, string>;
  city: string | null;
  cityTranslations: Record<string, string>;
  venue: string | null;
  summary: string | null;
  visibility: string;
  restrictedMemberIds: string[];
  date: string;
  rank: number;
}
const meetings = readStatement<MeetingHitRow>(
  'search_meetings',
  `select m.id, m.title, m.title_translations as "titleTranslations", m.city, m.city_translations as "cityTranslations",
    m.venue, m.summary, m.visibility, m.start_date::text as date,
    ${idList('select member_id as id from meeting_restricted_members r where r.meeting_id = m.id')} as "restrictedMemberIds",
    ${rank(v.meeting('m.'))}
  from meetings m, ${QUERY} q
  where ${v.meeting('m.')} @@ q and ${meetingVisibleSql('m', VIEWER)}
  order by rank desc, m.start_date desc limit $2`,
);

export interface StatementHitRow {
  id: string;
  title: string;
  translations: Record<string, { title: string }>;
  text: string | null;
  status: string;
  visibility: string;
  restrictedMemberIds: string[];
  circulatedMemberIds: string[];
  date: string | null;
  rank: number;
}
// Found by its title (statements' index) or by a word of its current text (statement_versions'
// index): the union keeps both on an index, then the rank weighs the title (A) over the text (B).
const statements = readStatement<StatementHitRow>(
  'search_statements',
  `select s.id, s.title, s.translations, cv.text, s.status, s.visibility, d.adopted_on::text as date,
    ${idList('select member_id as id from statement_restricted_members r where r.statement_id = s.id')} as "restrictedMemberIds",
    ${idList('select pm.member_id as id from procedures pr join procedure_members pm on pm.procedure_id = pr.id where pr.statement_id = s.id')} as "circulatedMemberIds",
    ts_rank(${v.statement('s.')} || coalesce(${v.statementText('cv.')}, ''::tsvector), q)::float8 as rank
  from ${QUERY} q,
    statements s
    left join lateral (select sv.text from statement_versions sv where sv.statement_id = s.id order by sv.number desc limit 1) cv on true
    left join decisions d on d.statement_id = s.id
  where s.id in (select t.id from statements t where ${v.statement('t.')} @@ q
      union select sv.statement_id from statement_versions sv where ${v.statementText('sv.')} @@ q)
    and (${v.statement('s.')} || coalesce(${v.statementText('cv.')}, ''::tsvector)) @@ q
    and ${statementVisibleSql('s', VIEWER)}
  order by rank desc, s.title limit $2`,
);

export interface DecisionHitRow {
  id: string;
  title: string;
  number: string;
  statementId: string;
  status: string;
  visibility: string;
  restrictedMemberIds: string[];
  circulatedMemberIds: string[];
  date: string;
  rank: number;
}
// A decision is seen by whoever sees its statement (decisions.service).
const decisions = readStatement<DecisionHitRow>(
  'search_decisions',
  `select d.id, d.title, d.year || '/' || d.sequence as number, d.statement_id as "statementId",
    s.status, s.visibility, d.adopted_on::text as date,
    ${idList('select member_id as id from statement_restricted_members r where r.statement_id = s.id')} as "restrictedMemberIds",
    ${idList('select pm.member_id as id from procedures pr join procedure_members pm on pm.procedure_id = pr.id where pr.statement_id = s.id')} as "circulatedMemberIds",
    ${rank(v.decision('d.'))}
  from decisions d join statements s on s.id = d.statement_id, ${QUERY} q
  where ${v.decision('d.')} @@ q and ${statementVisibleSql('s', VIEWER)}
  order by rank desc, d.adopted_on desc limit $2`,
);

export interface SourceHitRow {
  id: string;
  title: string;
  publisher: string;
  excerpt: string | null;
  visibility: string;
  date: string | null;
  /** The members it links to, for a restricted entry (whose focal points see it: sources.policy); [] otherwise. */
  memberIds: string[];
  rank: number;
}
// The register may hold 100,000s of entries and a common word matches many: ranking them all
// recomputes each one's vector (the index gives rows, not vectors), seconds under load
// (bench/search.ts). Only the first SOURCE_CANDIDATES matches are ranked: a rarer word ranks them all.
const SOURCE_CANDIDATES = 500;
const sources = readStatement<SourceHitRow>(
  'search_sources',
  `select o.id, o.title, o.publisher, o.excerpt, o.visibility, o.published_on::text as date,
    case when o.visibility = '${Visibility.enum.restricted}'
      then ${idList('select sl.member_id as id from source_links sl where sl.source_id = o.id and sl.member_id is not null')}
      else '[]'::json end as "memberIds",
    ${rank(v.source('o.'))}
  from ${QUERY} q, lateral (
    select * from sources c where ${v.source('c.')} @@ q and ${sourceVisibleSql('c', VIEWER)} limit ${SOURCE_CANDIDATES}
  ) o
  order by rank desc, o.published_on desc nulls last limit $2`,
);

/** The parameters the search statements take. */
export interface SearchParams {
  tsquery: string;
  limit: number;
  signedIn: boolean;
  secretariat: boolean;
  memberId: string | null;
}

// Each statement takes only the parameters it names (PostgreSQL must infer every one's type).
const upTo2 = (p: SearchParams) => [p.tsquery, p.limit];
const upTo3 = (p: SearchParams) => [p.tsquery, p.limit, p.signedIn];
const all = (p: SearchParams) => [p.tsquery, p.limit, p.signedIn, p.secretariat, p.memberId];

export const searchMembers = (read: Read, p: SearchParams) => read(members, upTo2(p));
export const searchPeople = (read: Read, p: SearchParams) => read(people, upTo3(p));
export const searchMeetings = (read: Read, p: SearchParams) => read(meetings, all(p));
export const searchStatements = (read: Read, p: SearchParams) => read(statements, all(p));
export const searchDecisions = (read: Read, p: SearchParams) => read(decisions, all(p));
export const searchSources = (read: Read, p: SearchParams) => read(sources, all(p));
