import { and, asc, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { MemberKind } from '../../../shared/members.js';
import { ProcedureResponseKind, ProcedureStatus } from '../../../shared/statements.js';
import type { Db, Tx } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { members } from '../../db/schema/members.js';
import {
  decisionMembers,
  decisions,
  procedureMembers,
  procedureResponses,
  procedures,
  type StatementRow,
  statementPositions,
  statementRestrictedMembers,
  statements,
  statementVersions,
} from '../../db/schema/statements.js';

type Conn = Db | Tx;

/** A member as statements name it: the columns `toMemberRef` reads. */
export const memberRefColumns = {
  memberId: members.id,
  code: members.code,
  kind: members.kind,
  nameEn: members.nameEn,
  nameFr: members.nameFr,
  nameAr: members.nameAr,
};
export interface MemberRefRow {
  memberId: string;
  code: string;
  kind: MemberKind;
  nameEn: string;
  nameFr: string;
  nameAr: string;
}

/** Groups rows by a key: one list per statement (or decision). */
function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

// ─── Statements ────────────────────────────────────────────────────────────────────────────

/** Locks the statement's row for the rest of the transaction (versions, changes, adoption take turns on it). */
export async function lockStatement(tx: Tx, id: string): Promise<StatementRow | undefined> {
  const [row] = await tx.select().from(statements).where(eq(statements.id, id)).for('update').limit(1);
  return row;
}

export async function findStatement(conn: Conn, id: string): Promise<StatementRow | undefined> {
  const [row] = await conn.select().from(statements).where(eq(statements.id, id)).limit(1);
  return row;
}

/** Every statement matching the filters, newest change first. */
export async function listStatementRows(
  conn: Conn,
  filters: { status?: StatementRow['status']; kind?: StatementRow['kind']; meetingId?: string; meetingIds?: string[] },
): Promise<StatementRow[]> {
  const where: SQL[] = [];
  if (filters.meetingIds) where.push(inArray(statements.meetingId, filters.meetingIds));
  if (filters.status) where.push(eq(statements.status, filters.status));
  if (filters.kind) where.push(eq(statements.kind, filters.kind));
  if (filters.meetingId) where.push(eq(statements.meetingId, filters.meetingId));
  return conn
    .select()
    .from(statements)
    .where(and(...where))
    .orderBy(desc(statements.updatedAt), asc(statements.id));
}

export async function insertStatement(tx: Tx, values: typeof statements.$inferInsert): Promise<StatementRow> {
  const [row] = await tx.insert(statements).values(values).returning();
  return row as StatementRow;
}

/** Marks the statement changed at `at` (a version added): its If-Match version stays, its page is newer. */
export async function touchStatement(tx: Tx, id: string, at: SQL<Date>): Promise<void> {
  await tx.update(statements).set({ updatedAt: at }).where(eq(statements.id, id));
}

/** Replaces the members a restricted statement lists. */
export async function replaceRestrictedMembers(tx: Tx, statementId: string, memberIds: string[]): Promise<void> {
  await tx.delete(statementRestrictedMembers).where(eq(statementRestrictedMembers.statementId, statementId));
  if (memberIds.length > 0) {
    await tx.insert(statementRestrictedMembers).values(memberIds.map((memberId) => ({ statementId, memberId })));
  }
}

/** The members each statement is restricted to (id and code), by statement id. */
export async function restrictedMembersOf(
  conn: Conn,
  statementIds: string[],
): Promise<Map<string, { memberId: string; code: string }[]>> {
  if (statementIds.length === 0) return new Map();
  const rows = await conn
    .select({ statementId: statementRestrictedMembers.statementId, memberId: members.id, code: members.code })
    .from(statementRestrictedMembers)
    .innerJoin(members, eq(members.id, statementRestrictedMembers.memberId))
    .where(inArray(statementRestrictedMembers.statementId, statementIds))
    .orderBy(asc(members.code));
  return groupBy(rows, (r) => r.statementId);
}

/** The members any procedure of each statement circulated it to (ever), by statement id. */
export async function circulatedMembersOf(conn: Conn, statementIds: string[]): Promise<Map<string, string[]>> {
  if (statementIds.length === 0) return new Map();
  const rows = await conn
    .selectDistinct({ statementId: procedures.statementId, memberId: procedureMembers.memberId })
    .from(procedureMembers)
    .innerJoin(procedures, eq(procedures.id, procedureMembers.procedureId))
    .where(inArray(procedures.statementId, statementIds));
  const grouped = groupBy(rows, (r) => r.statementId);
  return new Map([...grouped].map(([id, list]) => [id, list.map((r) => r.memberId)]));
}

/** The deadline of each statement's open procedure, by statement id. */
export async function openDeadlinesOf(conn: Conn, statementIds: string[]): Promise<Map<string, Date>> {
  if (statementIds.length === 0) return new Map();
  const rows = await conn
    .select({ statementId: procedures.statementId, deadline: procedures.deadline })
    .from(procedures)
    .where(and(inArray(procedures.statementId, statementIds), eq(procedures.status, ProcedureStatus.enum.open)));
  return new Map(rows.map((r) => [r.statementId, r.deadline]));
}

// ─── Text versions ─────────────────────────────────────────────────────────────────────────

/** Versions as a list shows them: without their text, with their author's name and whether they were circulated. */
export async function versionSummariesOf(conn: Conn, statementId: string) {
  return conn
    .select({
      id: statementVersions.id,
      number: statementVersions.number,
      note: statementVersions.note,
      authorName: users.name,
      createdAt: statementVersions.createdAt,
      circulated: sql<boolean>`exists (select 1 from ${procedures} where ${procedures.textVersionId} = ${statementVersions.id})`,
    })
    .from(statementVersions)
    .leftJoin(users, eq(users.id, statementVersions.authorId))
    .where(eq(statementVersions.statementId, statementId))
    .orderBy(asc(statementVersions.number));
}

/** One text version by its number, with its author's name and whether it was circulated. */
export async function findVersion(conn: Conn, statementId: string, number: number) {
  const [row] = await conn
    .select({
      id: statementVersions.id,
      number: statementVersions.number,
      text: statementVersions.text,
      note: statementVersions.note,
      authorName: users.name,
      createdAt: statementVersions.createdAt,
      circulated: sql<boolean>`exists (select 1 from ${procedures} where ${procedures.textVersionId} = ${statementVersions.id})`,
    })
    .from(statementVersions)
    .leftJoin(users, eq(users.id, statementVersions.authorId))
    .where(and(eq(statementVersions.statementId, statementId), eq(statementVersions.number, number)))
    .limit(1);
  return row;
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** The highest version number of a statement, 0 when it has none (call with the statement's row locked). */
export async function lastVersionNumber(tx: Tx, statementId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(statementVersions.number) })
    .from(statementVersions)
    .where(eq(statementVersions.statementId, statementId));
  return row?.last ?? 0;
}

export async function insertVersion(tx: Tx, values: typeof statementVersions.$inferInsert) {
  const [row] = await tx.insert(statementVersions).values(values).returning();
  return row as typeof statementVersions.$inferSelect;
}

// ─── Procedures, as a statement lists them ─────────────────────────────────────────────────

/** A statement's procedures, oldest first, with the number of the version each circulated. */
export async function procedureSummariesOf(conn: Conn, statementId: string) {
  return (
    conn
      .select({
        id: procedures.id,
        statementId: procedures.statementId,
        kind: procedures.kind,
        status: procedures.status,
        textVersion: statementVersions.number,
        deadline: procedures.deadline,
        timeZone: procedures.timeZone,
        openedAt: procedures.openedAt,
        endedAt: procedures.endedAt,
        reason: procedures.reason,
        version: procedures.version,
      })
      .from(procedures)
      .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
      .where(eq(procedures.statementId, statementId))
      // Rounds in order: a new round always circulates a newer version, so the version breaks a tie
      // of opening instants (two rounds opened within one transaction's `now()`, or under a test clock).
      .orderBy(asc(procedures.openedAt), asc(statementVersions.number), asc(procedures.id))
  );
}

// ─── Decisions, as a statement shows them ──────────────────────────────────────────────────

const decisionColumns = {
  id: decisions.id,
  year: decisions.year,
  sequence: decisions.sequence,
  title: decisions.title,
  method: decisions.method,
  statementId: decisions.statementId,
  textVersionId: decisions.textVersionId,
  textVersion: statementVersions.number,
  text: statementVersions.text,
  procedureId: decisions.procedureId,
  meetingId: decisions.meetingId,
  adoptedAt: decisions.adoptedAt,
  adoptedOn: decisions.adoptedOn,
  createdAt: decisions.createdAt,
};

/** Decisions with the number and text of the adopted version, newest adoption first. */
export async function listDecisionRows(conn: Conn, where?: SQL) {
  return conn
    .select(decisionColumns)
    .from(decisions)
    .innerJoin(statementVersions, eq(statementVersions.id, decisions.textVersionId))
    .where(where)
    .orderBy(desc(decisions.adoptedOn), desc(decisions.year), desc(decisions.sequence));
}
export type DecisionReadRow = Awaited<ReturnType<typeof listDecisionRows>>[number];

/** The decisions of these statements, by statement id. */
export async function decisionsOfStatements(conn: Conn, statementIds: string[]): Promise<Map<string, DecisionReadRow>> {
  if (statementIds.length === 0) return new Map();
  const rows = await listDecisionRows(conn, inArray(decisions.statementId, statementIds));
  return new Map(rows.map((r) => [r.statementId, r]));
}

/** The members a decision records (silent or endorsing), by English name. */
export async function decisionMemberRefs(conn: Conn, decisionId: string): Promise<MemberRefRow[]> {
  return conn
    .select(memberRefColumns)
    .from(decisionMembers)
    .innerJoin(members, eq(members.id, decisionMembers.memberId))
    .where(eq(decisionMembers.decisionId, decisionId))
    .orderBy(asc(members.nameEn));
}

// ─── Positions ─────────────────────────────────────────────────────────────────────────────

/** A statement's positions, oldest first, with their members. */
export async function positionsOf(conn: Conn, statementId: string) {
  return conn
    .select({
      id: statementPositions.id,
      positionKind: statementPositions.kind,
      text: statementPositions.text,
      userId: statementPositions.userId,
      createdAt: statementPositions.createdAt,
      ...memberRefColumns,
    })
    .from(statementPositions)
    .innerJoin(members, eq(members.id, statementPositions.memberId))
    .where(eq(statementPositions.statementId, statementId))
    .orderBy(asc(statementPositions.createdAt), asc(statementPositions.id));
}
export type PositionRow = Awaited<ReturnType<typeof positionsOf>>[number];

export async function insertPosition(tx: Tx, values: typeof statementPositions.$inferInsert) {
  const [row] = await tx.insert(statementPositions).values(values).returning();
  return row as typeof statementPositions.$inferSelect;
}

/** Locks one position of a statement. */
export async function lockPosition(tx: Tx, statementId: string, id: string) {
  const [row] = await tx
    .select()
    .from(statementPositions)
    .where(and(eq(statementPositions.id, id), eq(statementPositions.statementId, statementId)))
    .for('update')
    .limit(1);
  return row;
}

export async function deletePosition(tx: Tx, id: string): Promise<void> {
  await tx.delete(statementPositions).where(eq(statementPositions.id, id));
}

/** The rows of these statements, by id. */
export async function statementRowsById(conn: Conn, ids: string[]): Promise<Map<string, StatementRow>> {
  if (ids.length === 0) return new Map();
  const rows = await conn.select().from(statements).where(inArray(statements.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

// ─── A member's record ─────────────────────────────────────────────────────────────────────

/** Of these statements, those circulated to the member (by any procedure), with its marks on each. */
export async function memberRecordOn(
  conn: Conn,
  memberId: string,
  statementIds: string[],
): Promise<Map<string, { broke: boolean; recorded: boolean; hasPosition: boolean }>> {
  if (statementIds.length === 0) return new Map();
  const circulated = await conn
    .selectDistinct({ statementId: procedures.statementId })
    .from(procedureMembers)
    .innerJoin(procedures, eq(procedures.id, procedureMembers.procedureId))
    .where(and(eq(procedureMembers.memberId, memberId), inArray(procedures.statementId, statementIds)));
  const ids = circulated.map((r) => r.statementId);
  if (ids.length === 0) return new Map();
  const broke = await conn
    .selectDistinct({ statementId: procedures.statementId })
    .from(procedureResponses)
    .innerJoin(procedures, eq(procedures.id, procedureResponses.procedureId))
    .where(
      and(
        eq(procedureResponses.memberId, memberId),
        eq(procedureResponses.response, ProcedureResponseKind.enum.break),
        inArray(procedures.statementId, ids),
      ),
    );
  const recorded = await conn
    .select({ statementId: decisions.statementId })
    .from(decisionMembers)
    .innerJoin(decisions, eq(decisions.id, decisionMembers.decisionId))
    .where(and(eq(decisionMembers.memberId, memberId), inArray(decisions.statementId, ids)));
  const positioned = await conn
    .selectDistinct({ statementId: statementPositions.statementId })
    .from(statementPositions)
    .where(and(eq(statementPositions.memberId, memberId), inArray(statementPositions.statementId, ids)));
  const has = (rows: { statementId: string }[]) => new Set(rows.map((r) => r.statementId));
  const [brokeSet, recordedSet, positionSet] = [has(broke), has(recorded), has(positioned)];
  return new Map(
    ids.map((id) => [id, { broke: brokeSet.has(id), recorded: recordedSet.has(id), hasPosition: positionSet.has(id) }]),
  );
}
