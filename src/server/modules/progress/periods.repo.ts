import { desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { MemberStatus } from '../../../shared/members.js';
import type { Db, Tx } from '../../db/client.js';
import { members } from '../../db/schema/members.js';
import { type ReportingPeriodRow, reportingPeriods, reports } from '../../db/schema/progress.js';

type Conn = Db | Tx;

/** Is a period locked for members: the database clock's date (UTC) is after its closing day. */
export const lockedSql = (
  now: SQL<Date>,
  closesOn: SQL | typeof reportingPeriods.closesOn = reportingPeriods.closesOn,
) => sql<boolean>`((${now}) at time zone 'UTC')::date > ${closesOn}`;

export type PeriodWithLock = ReportingPeriodRow & { locked: boolean };

const withLock = (now: SQL<Date>) => ({ ...getTableColumns(reportingPeriods), locked: lockedSql(now) });

export async function allPeriods(conn: Conn, now: SQL<Date>): Promise<PeriodWithLock[]> {
  return conn
    .select(withLock(now))
    .from(reportingPeriods)
    .orderBy(desc(reportingPeriods.startsOn), desc(reportingPeriods.endsOn));
}

export async function periodByName(conn: Conn, now: SQL<Date>, period: string): Promise<PeriodWithLock | undefined> {
  const [row] = await conn.select(withLock(now)).from(reportingPeriods).where(eq(reportingPeriods.period, period));
  return row;
}

export async function lockPeriod(tx: Tx, now: SQL<Date>, period: string): Promise<PeriodWithLock | undefined> {
  const [row] = await tx
    .select(withLock(now))
    .from(reportingPeriods)
    .where(eq(reportingPeriods.period, period))
    .for('update');
  return row;
}

export async function insertPeriod(tx: Tx, values: PgInsertValue<typeof reportingPeriods>) {
  const [row] = await tx.insert(reportingPeriods).values(values).onConflictDoNothing().returning();
  return row;
}

/** How many reports each period has in each stored status. */
export async function reportCounts(conn: Conn): Promise<{ period: string; status: string; count: number }[]> {
  return conn
    .select({ period: reports.period, status: reports.status, count: sql<number>`count(*)::int` })
    .from(reports)
    .groupBy(reports.period, reports.status);
}

/** How many members are active: a period's `not_started` is those without a report. */
export async function activeMemberCount(conn: Conn): Promise<number> {
  const [row] = await conn
    .select({ count: sql<number>`count(*)::int` })
    .from(members)
    .where(eq(members.status, MemberStatus.enum.active));
  return Number(row?.count ?? 0);
}

/** Whether a closing day has passed by the database's clock. */
export async function isLocked(conn: Conn, now: SQL<Date>, closesOn: string): Promise<boolean> {
  const [row] = await conn.select({ locked: lockedSql(now, sql`${closesOn}::date`) }).from(sql`(select 1) as one`);
  return Boolean(row?.locked);
}
