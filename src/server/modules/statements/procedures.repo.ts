import { and, asc, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { ProcedureStatus, type StatementStatus } from '../../../shared/statements.js';
import type { Db, Tx } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { members } from '../../db/schema/members.js';
import {
  type ProcedureRow,
  procedureMembers,
  procedureResponses,
  procedures,
  type StatementRow,
  statements,
  statementVersions,
} from '../../db/schema/statements.js';
import type { Clock } from '../../lib/clock.js';
import type { StatementAccess } from './statements.policy.js';
import { circulatedMembersOf, memberRefColumns, restrictedMembersOf } from './statements.repo.js';

type Conn = Db | Tx;

// ─── The statement a procedure circulates ─────────────────────────────────────────────────────

/** Changes a statement's status (a procedure opened, broken, withdrawn, closed unendorsed), bumping its version. */
export async function setStatementStatus(tx: Tx, clock: Clock, id: string, status: StatementStatus): Promise<void> {
  await tx
    .update(statements)
    .set({ status, version: sql`${statements.version} + 1`, updatedAt: clock.sql() })
    .where(eq(statements.id, id));
}

/** A statement's row with what the policy decides on. */
export type StatementWithAccess = StatementRow & StatementAccess;

/**
 * Statements with what the policy needs to decide who sees them: the members a restricted one
 * lists and the members any of its procedures circulated it to. Missing ids are left out.
 */
export async function statementsWithAccess(
  conn: Conn,
  ids: readonly string[],
): Promise<Map<string, StatementWithAccess>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [rows, restricted, circulated] = await Promise.all([
    conn.select().from(statements).where(inArray(statements.id, unique)),
    restrictedMembersOf(conn, unique),
    circulatedMembersOf(conn, unique),
  ]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...row,
        restrictedMemberIds: (restricted.get(row.id) ?? []).map((r) => r.memberId),
        circulatedMemberIds: circulated.get(row.id) ?? [],
      },
    ]),
  );
}

/** The text of the version a procedure circulated. */
export async function circulatedText(conn: Conn, textVersionId: string): Promise<string> {
  const [row] = await conn
    .select({ text: statementVersions.text })
    .from(statementVersions)
    .where(eq(statementVersions.id, textVersionId));
  return row?.text ?? '';
}

/** Whether `instant` (ISO 8601) is after the clock's current instant, asked of the database. */
export async function isAfterNow(conn: Conn, clock: Clock, instant: string): Promise<boolean> {
  const result = (await conn.execute(sql`select ${instant}::timestamptz > ${clock.sql()} as "after"`)) as unknown as {
    rows: { after: boolean }[];
  };
  return result.rows[0]?.after === true;
}

// ─── Procedures ───────────────────────────────────────────────────────────────────────────────

/** A procedure row with the `number` of the version it circulated. */
export type ProcedureWithNumber = ProcedureRow & { textVersion: number };

const withNumber = { procedure: procedures, textVersion: statementVersions.number };
const flatten = (r: { procedure: ProcedureRow; textVersion: number }): ProcedureWithNumber => ({
  ...r.procedure,
  textVersion: r.textVersion,
});

export async function insertProcedure(
  tx: Tx,
  values: PgInsertValue<typeof procedures>,
  memberIds: readonly string[],
): Promise<ProcedureRow> {
  const [row] = await tx.insert(procedures).values(values).returning();
  await tx.insert(procedureMembers).values(memberIds.map((memberId) => ({ procedureId: row.id, memberId })));
  return row;
}

/**
 * The procedure, locked for the rest of the transaction, with whether the clock is still before
 * its deadline. Taken after the lock: a writer that waited sees what the one before it committed.
 */
export async function lockProcedure(tx: Tx, clock: Clock, id: string) {
  const [row] = await tx
    .select({ ...withNumber, beforeDeadline: sql<boolean>`${procedures.deadline} > ${clock.sql()}` })
    .from(procedures)
    .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
    .where(eq(procedures.id, id))
    .for('update', { of: procedures });
  return row && { ...flatten(row), beforeDeadline: row.beforeDeadline };
}

/** Open procedures whose deadline has passed by the clock (all, of one statement, or one), soonest first. */
export async function dueProcedureIds(
  conn: Conn,
  clock: Clock,
  scope: { statementId?: string; procedureId?: string },
  limit?: number,
): Promise<string[]> {
  const query = conn
    .select({ id: procedures.id })
    .from(procedures)
    .where(
      and(
        eq(procedures.status, ProcedureStatus.enum.open),
        lte(procedures.deadline, clock.sql()),
        scope.statementId ? eq(procedures.statementId, scope.statementId) : undefined,
        scope.procedureId ? eq(procedures.id, scope.procedureId) : undefined,
      ),
    )
    .orderBy(asc(procedures.deadline));
  const rows = await (limit ? query.limit(limit) : query);
  return rows.map((r) => r.id);
}

/**
 * Locks the procedure if it is still open and due. The condition is checked again after the
 * lock (PostgreSQL re-reads a row it waited for), so a procedure another transaction settled or
 * broke meanwhile is not returned. `skipLocked`: pass over a row someone else holds (the sweeper).
 */
export async function lockDueProcedure(tx: Tx, clock: Clock, id: string, skipLocked: boolean) {
  const [row] = await tx
    .select(withNumber)
    .from(procedures)
    .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
    .where(
      and(
        eq(procedures.id, id),
        eq(procedures.status, ProcedureStatus.enum.open),
        lte(procedures.deadline, clock.sql()),
      ),
    )
    .for('update', skipLocked ? { of: procedures, skipLocked: true } : { of: procedures });
  return row && flatten(row);
}

/** Ends a procedure: its new status, when it ended, and its version bumped. */
export async function endProcedure(
  tx: Tx,
  clock: Clock,
  id: string,
  status: ProcedureStatus,
  endedAt: Date | SQL<Date>,
): Promise<ProcedureRow> {
  const [row] = await tx
    .update(procedures)
    .set({ status, endedAt, version: sql`${procedures.version} + 1`, updatedAt: clock.sql() })
    .where(eq(procedures.id, id))
    .returning();
  return row;
}

/** One procedure with the number of its version, unlocked. */
export async function findProcedure(conn: Conn, id: string): Promise<ProcedureWithNumber | undefined> {
  const [row] = await conn
    .select(withNumber)
    .from(procedures)
    .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
    .where(eq(procedures.id, id));
  return row && flatten(row);
}

/** Procedures by status and statement, newest first. */
export async function listProcedures(
  conn: Conn,
  filter: { status?: ProcedureStatus; statementId?: string },
): Promise<ProcedureWithNumber[]> {
  const rows = await conn
    .select(withNumber)
    .from(procedures)
    .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
    .where(
      and(
        filter.status ? eq(procedures.status, filter.status) : undefined,
        filter.statementId ? eq(procedures.statementId, filter.statementId) : undefined,
      ),
    )
    .orderBy(desc(procedures.openedAt), desc(statementVersions.number), asc(procedures.id));
  return rows.map(flatten);
}

/** Open procedures circulated to one member (or every open one), soonest deadline first. */
export async function openProcedures(conn: Conn, memberId: string | null): Promise<ProcedureWithNumber[]> {
  const open = eq(procedures.status, ProcedureStatus.enum.open);
  const rows = memberId
    ? await conn
        .select(withNumber)
        .from(procedures)
        .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
        .innerJoin(procedureMembers, eq(procedureMembers.procedureId, procedures.id))
        .where(and(open, eq(procedureMembers.memberId, memberId)))
        .orderBy(asc(procedures.deadline), asc(procedures.id))
    : await conn
        .select(withNumber)
        .from(procedures)
        .innerJoin(statementVersions, eq(statementVersions.id, procedures.textVersionId))
        .where(open)
        .orderBy(asc(procedures.deadline), asc(procedures.id));
  return rows.map(flatten);
}

/** The ids of the members a procedure circulates to. */
export async function circulatedMemberIds(conn: Conn, procedureId: string): Promise<string[]> {
  const rows = await conn
    .select({ memberId: procedureMembers.memberId })
    .from(procedureMembers)
    .where(eq(procedureMembers.procedureId, procedureId));
  return rows.map((r) => r.memberId);
}

/** The members a procedure circulates to, as a procedure shows them (a read-only join for their names). */
export async function circulatedMembers(conn: Conn, procedureId: string) {
  return conn
    .select(memberRefColumns)
    .from(procedureMembers)
    .innerJoin(members, eq(members.id, procedureMembers.memberId))
    .where(eq(procedureMembers.procedureId, procedureId))
    .orderBy(asc(members.code));
}

export type CirculatedMemberRow = Awaited<ReturnType<typeof circulatedMembers>>[number];

export async function insertResponse(tx: Tx, values: PgInsertValue<typeof procedureResponses>) {
  const [row] = await tx.insert(procedureResponses).values(values).returning();
  return row;
}

/** Every response to these procedures (of one member, or all), oldest first, with who gave it. */
export async function responsesOf(conn: Conn, procedureIds: readonly string[], memberId?: string) {
  if (procedureIds.length === 0) return [];
  return conn
    .select({
      procedureId: procedureResponses.procedureId,
      memberId: procedureResponses.memberId,
      response: procedureResponses.response,
      reason: procedureResponses.reason,
      paragraph: procedureResponses.paragraph,
      proposedText: procedureResponses.proposedText,
      byName: users.name,
      createdAt: procedureResponses.createdAt,
    })
    .from(procedureResponses)
    .leftJoin(users, eq(users.id, procedureResponses.userId))
    .where(
      and(
        inArray(procedureResponses.procedureId, [...procedureIds]),
        memberId ? eq(procedureResponses.memberId, memberId) : undefined,
      ),
    )
    .orderBy(asc(procedureResponses.createdAt), asc(procedureResponses.id));
}

export type ResponseRow = Awaited<ReturnType<typeof responsesOf>>[number];

/**
 * The members of a procedure whose latest response is not `kind` (none, or another): for a
 * silence procedure those that kept silent, for an endorsement those that have not endorsed.
 */
export async function membersWithoutResponse(conn: Conn, procedureId: string, kind: string): Promise<string[]> {
  const latest = conn
    .selectDistinctOn([procedureResponses.memberId], {
      memberId: procedureResponses.memberId,
      response: procedureResponses.response,
    })
    .from(procedureResponses)
    .where(eq(procedureResponses.procedureId, procedureId))
    .orderBy(procedureResponses.memberId, desc(procedureResponses.createdAt), desc(procedureResponses.id))
    .as('latest');
  const rows = await conn
    .select({ memberId: procedureMembers.memberId, response: latest.response })
    .from(procedureMembers)
    .leftJoin(latest, eq(latest.memberId, procedureMembers.memberId))
    .where(eq(procedureMembers.procedureId, procedureId));
  return rows.filter((r) => r.response !== kind).map((r) => r.memberId);
}

/** Members whose latest response to the procedure is `kind`: the endorsers of an endorsement. */
export async function membersWithResponse(conn: Conn, procedureId: string, kind: string): Promise<string[]> {
  const all = await circulatedMemberIds(conn, procedureId);
  const without = new Set(await membersWithoutResponse(conn, procedureId, kind));
  return all.filter((id) => !without.has(id));
}

// ─── Reminders ────────────────────────────────────────────────────────────────────────────────

/**
 * Open procedures that are `hours` or less from their deadline (by the clock), have not had that
 * reminder, and were open at least that long before the deadline (one opened 10 hours before
 * gets no 48-hour reminder).
 */
export async function proceduresToRemind(conn: Conn, clock: Clock, hours: number, limit: number): Promise<string[]> {
  const column = hours >= 48 ? procedures.remindedEarlyAt : procedures.remindedLateAt;
  const from = sql`(${procedures.deadline} - make_interval(hours => ${hours}))`;
  const rows = await conn
    .select({ id: procedures.id })
    .from(procedures)
    .where(
      and(
        eq(procedures.status, ProcedureStatus.enum.open),
        isNull(column),
        sql`${from} <= ${clock.sql()}`,
        sql`${procedures.deadline} > ${clock.sql()}`,
        sql`${procedures.openedAt} <= ${from}`,
      ),
    )
    .orderBy(asc(procedures.deadline))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Locks a procedure still due for the `hours` reminder, passing over one another process holds. */
export async function lockProcedureToRemind(tx: Tx, clock: Clock, id: string, hours: number) {
  const column = hours >= 48 ? procedures.remindedEarlyAt : procedures.remindedLateAt;
  const [row] = await tx
    .select()
    .from(procedures)
    .where(
      and(
        eq(procedures.id, id),
        eq(procedures.status, ProcedureStatus.enum.open),
        isNull(column),
        sql`${procedures.deadline} > ${clock.sql()}`,
      ),
    )
    .for('update', { skipLocked: true });
  return row;
}

/**
 * Marks the reminder sent. The 6-hour one also marks the 48-hour one: a member is not sent both
 * at once when the sweeper comes late. Not a change of the record: its version stays.
 */
export async function markReminded(tx: Tx, clock: Clock, id: string, hours: number): Promise<void> {
  await tx
    .update(procedures)
    .set(
      hours >= 48
        ? { remindedEarlyAt: clock.sql() }
        : {
            remindedLateAt: clock.sql(),
            remindedEarlyAt: sql`coalesce(${procedures.remindedEarlyAt}, ${clock.sql()})`,
          },
    )
    .where(eq(procedures.id, id));
}
