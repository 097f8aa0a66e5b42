import { asc, desc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { SourceSubject } from '../../../shared/sources.js';
import type { Db, Tx } from '../../db/client.js';
import { meetings } from '../../db/schema/meetings.js';
import { members, people } from '../../db/schema/members.js';
import { indicators } from '../../db/schema/progress.js';
import { type NewSourceRow, type SourceRow, sourceLinks, sources } from '../../db/schema/sources.js';
import { decisions, statements } from '../../db/schema/statements.js';

type Conn = Db | Tx;

/** A link as the register shows it: the record's id, the key its page uses and its name. */
export interface LinkRow {
  sourceId: string;
  subject: SourceSubject;
  id: string;
  key: string;
  label: string;
}

/** Every entry, newest first (undated last), then by the order they were added. */
export function listSourceRows(conn: Conn): Promise<SourceRow[]> {
  return conn
    .select()
    .from(sources)
    .orderBy(sql`${sources.publishedOn} desc nulls last`, desc(sources.createdAt), asc(sources.id));
}

/** A page of entries by id (the open data reads the register in pages of this). */
export function sourceRowsAfter(conn: Conn, afterId: string | null, limit: number): Promise<SourceRow[]> {
  return conn
    .select()
    .from(sources)
    .where(afterId ? gt(sources.id, afterId) : undefined)
    .orderBy(asc(sources.id))
    .limit(limit);
}

export async function findSourceRow(conn: Conn, id: string): Promise<SourceRow | undefined> {
  const [row] = await conn.select().from(sources).where(eq(sources.id, id));
  return row;
}

export async function lockSourceRow(tx: Tx, id: string): Promise<SourceRow | undefined> {
  const [row] = await tx.select().from(sources).where(eq(sources.id, id)).for('update');
  return row;
}

export async function insertSource(tx: Tx, values: NewSourceRow): Promise<SourceRow> {
  const [row] = await tx.insert(sources).values(values).returning();
  return row;
}

export async function deleteSourceRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(sources).where(eq(sources.id, id));
}

/** The column of source_links that holds a subject's record. */
export const linkColumn = {
  [SourceSubject.enum.member]: 'memberId',
  [SourceSubject.enum.person]: 'personId',
  [SourceSubject.enum.meeting]: 'meetingId',
  [SourceSubject.enum.statement]: 'statementId',
  [SourceSubject.enum.decision]: 'decisionId',
  [SourceSubject.enum.indicator]: 'indicatorId',
} as const satisfies Record<SourceSubject, string>;

/** Replaces an entry's links with these (already resolved to ids, without duplicates). */
export async function replaceLinks(
  tx: Tx,
  sourceId: string,
  links: readonly { subject: SourceSubject; id: string }[],
): Promise<void> {
  await tx.delete(sourceLinks).where(eq(sourceLinks.sourceId, sourceId));
  await insertLinks(
    tx,
    links.map((link) => ({ sourceId, ...link })),
  );
}

/** Adds links (the seed adds those of many entries at once). */
export async function insertLinks(
  tx: Tx,
  links: readonly { sourceId: string; subject: SourceSubject; id: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await tx
    .insert(sourceLinks)
    .values(
      links.map((link) => ({ sourceId: link.sourceId, subject: link.subject, [linkColumn[link.subject]]: link.id })),
    );
}

/**
 * One value of the row a link points at, as a scalar subquery. A left join per linked table (six)
 * cost PostgreSQL ≈ 3 ms to plan and 0.15 ms to run, on every write of a source (the load bench's
 * writes: bench/RESULTS.md); these plan in ≈ 0.3 ms.
 */
const ofLinked = (value: SQL | AnyPgColumn, table: PgTable, id: AnyPgColumn, ref: AnyPgColumn) =>
  sql`(select ${value} from ${table} where ${id} = ${ref})`;

/**
 * The links of these entries (all entries when `sourceIds` is null), with the key and the name
 * of what they point at: a read-only lookup that only shows other modules' names and keys.
 */
export async function linkRowsOf(conn: Conn, sourceIds: readonly string[] | null): Promise<LinkRow[]> {
  if (sourceIds !== null && sourceIds.length === 0) return [];
  const id = sql<string>`coalesce(${sourceLinks.memberId}, ${sourceLinks.personId}, ${sourceLinks.meetingId}, ${sourceLinks.statementId}, ${sourceLinks.decisionId}, ${sourceLinks.indicatorId})`;
  const member = (value: AnyPgColumn) => ofLinked(value, members, members.id, sourceLinks.memberId);
  const indicator = (value: SQL | AnyPgColumn) => ofLinked(value, indicators, indicators.id, sourceLinks.indicatorId);
  const rows = await conn
    .select({
      sourceId: sourceLinks.sourceId,
      subject: sourceLinks.subject,
      id,
      memberCode: sql<string | null>`${member(members.code)}`,
      indicatorKey: sql<string | null>`${indicator(indicators.key)}`,
      label: sql<string | null>`coalesce(
        ${member(members.nameEn)},
        ${ofLinked(people.name, people, people.id, sourceLinks.personId)},
        ${ofLinked(meetings.title, meetings, meetings.id, sourceLinks.meetingId)},
        ${ofLinked(sql`${decisions.year} || '/' || ${decisions.sequence} || ' ' || ${decisions.title}`, decisions, decisions.id, sourceLinks.decisionId)},
        ${ofLinked(statements.title, statements, statements.id, sourceLinks.statementId)},
        ${indicator(sql`${indicators.names}->>'en'`)})`,
    })
    .from(sourceLinks)
    .where(sourceIds === null ? undefined : inArray(sourceLinks.sourceId, [...sourceIds]))
    .orderBy(asc(sourceLinks.subject), asc(sql`2`), asc(id));
  return rows.map((r) => ({
    sourceId: r.sourceId,
    subject: r.subject,
    id: r.id,
    key: r.memberCode ?? r.indicatorKey ?? r.id,
    label: r.label ?? '',
  }));
}

/** A link's key as stored: an id in lower case, a member's code in upper case, an indicator's key as it is. */
export function normalLinkKey(subject: SourceSubject, key: string): string {
  if (UUID.test(key)) return key.toLowerCase();
  return subject === SourceSubject.enum.member ? key.toUpperCase() : key;
}

/** An id nobody has: `in ()` of no ids is not SQL. */
const NO_ID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record each key names, for a write's links: a member by code, an indicator by key, any
 * record by id. A read-only look-up of other modules' keys; a key nobody has is absent.
 */
export async function resolveLinkKeys(
  conn: Conn,
  keys: readonly { subject: SourceSubject; key: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const of = (subject: SourceSubject) => [
    ...new Set(keys.filter((k) => k.subject === subject).map((k) => normalLinkKey(subject, k.key))),
  ];
  const ids = (list: string[]) => list.filter((k) => UUID.test(k)).map((k) => k.toLowerCase());
  const put = (subject: SourceSubject, rows: { key: string; id: string }[]) => {
    for (const row of rows) found.set(`${subject}:${row.key}`, row.id);
  };
  const lookUp = async (
    subject: SourceSubject,
    table: typeof people | typeof meetings | typeof statements | typeof decisions,
  ) => {
    const wanted = ids(of(subject));
    if (wanted.length === 0) return;
    const rows = await conn.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
    put(
      subject,
      rows.map((r) => ({ key: r.id, id: r.id })),
    );
  };
  // A member by its code or id, an indicator by its key or id.
  const codes = of(SourceSubject.enum.member);
  if (codes.length > 0) {
    const rows = await conn
      .select({ id: members.id, key: members.code })
      .from(members)
      .where(or(inArray(members.code, codes), inArray(members.id, ids(codes).concat(NO_ID))));
    put(
      SourceSubject.enum.member,
      rows.flatMap((r) => [r, { key: r.id, id: r.id }]),
    );
  }
  const indicatorKeys = of(SourceSubject.enum.indicator);
  if (indicatorKeys.length > 0) {
    const rows = await conn
      .select({ id: indicators.id, key: indicators.key })
      .from(indicators)
      .where(or(inArray(indicators.key, indicatorKeys), inArray(indicators.id, ids(indicatorKeys).concat(NO_ID))));
    put(
      SourceSubject.enum.indicator,
      rows.flatMap((r) => [r, { key: r.id, id: r.id }]),
    );
  }
  await lookUp(SourceSubject.enum.person, people);
  await lookUp(SourceSubject.enum.meeting, meetings);
  await lookUp(SourceSubject.enum.statement, statements);
  await lookUp(SourceSubject.enum.decision, decisions);
  return found;
}

/** Links grouped by their entry. */
export function linksBySource(links: readonly LinkRow[]): Map<string, LinkRow[]> {
  const out = new Map<string, LinkRow[]>();
  for (const link of links) out.set(link.sourceId, [...(out.get(link.sourceId) ?? []), link]);
  return out;
}
