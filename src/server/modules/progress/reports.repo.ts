import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { MemberStatus } from '../../../shared/members.js';
import { ReportStatus } from '../../../shared/progress.js';
import type { Db, Tx } from '../../db/client.js';
import { members } from '../../db/schema/members.js';
import {
  indicators,
  type ReportRow,
  type ReportValueRow,
  reportingPeriods,
  reports,
  reportValues,
} from '../../db/schema/progress.js';

type Conn = Db | Tx;

export async function reportOf(conn: Conn, period: string, memberId: string): Promise<ReportRow | undefined> {
  const [row] = await conn
    .select()
    .from(reports)
    .where(and(eq(reports.period, period), eq(reports.memberId, memberId)));
  return row;
}

export async function lockReport(tx: Tx, period: string, memberId: string): Promise<ReportRow | undefined> {
  const [row] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.period, period), eq(reports.memberId, memberId)))
    .for('update');
  return row;
}

/** The row of a report not yet started, at version 0, so that the first save (If-Match "0") finds it. */
export async function ensureReport(tx: Tx, period: string, memberId: string, now: SQL<Date>): Promise<void> {
  await tx
    .insert(reports)
    .values({ period, memberId, version: 0, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
}

/** A report's value with its indicator's key. */
export type ValueWithKey = ReportValueRow & { indicator: string };

export async function valuesOf(conn: Conn, reportId: string): Promise<ValueWithKey[]> {
  const rows = await conn
    .select({ value: reportValues, indicator: indicators.key })
    .from(reportValues)
    .innerJoin(indicators, eq(indicators.id, reportValues.indicatorId))
    .where(eq(reportValues.reportId, reportId))
    .orderBy(asc(indicators.key), asc(reportValues.category));
  return rows.map((r) => ({ ...r.value, indicator: r.indicator }));
}

export async function insertValues(tx: Tx, values: PgInsertValue<typeof reportValues>[]): Promise<void> {
  if (values.length > 0) await tx.insert(reportValues).values(values);
}

export async function updateValues(
  tx: Tx,
  ids: readonly string[],
  set: PgUpdateSetSource<typeof reportValues>,
): Promise<void> {
  if (ids.length > 0)
    await tx
      .update(reportValues)
      .set(set)
      .where(inArray(reportValues.id, [...ids]));
}

export async function deleteValues(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(reportValues).where(inArray(reportValues.id, [...ids]));
}

/** `to_char` of a timestamp as ISO 8601 in UTC: both drivers give the same string. */
const isoText = (column: SQL | typeof reports.submittedAt) =>
  sql<string | null>`to_char((${column}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface QueueRow {
  period: string;
  memberId: string;
  code: string;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  status: ReportStatus;
  values: number;
  submittedAt: string | null;
  version: number;
}

/**
 * The reports of every period (or one) and every active member (or one), including those not
 * started (a member without a report), newest period first, by member code.
 */
export async function reportQueue(
  conn: Conn,
  filter: { period?: string; status?: ReportStatus; memberId?: string },
): Promise<QueueRow[]> {
  const status = sql`coalesce(r.status, ${ReportStatus.enum.not_started})`;
  const where = [
    sql`(m.status = ${MemberStatus.enum.active} or r.id is not null)`,
    filter.period ? sql`p.period = ${filter.period}` : undefined,
    filter.memberId ? sql`m.id = ${filter.memberId}` : undefined,
    filter.status ? sql`${status} = ${filter.status}` : undefined,
  ].filter((w): w is SQL => w !== undefined);
  const result = (await conn.execute(sql`
    select p.period, m.id as "memberId", m.code, m.name_en as "nameEn", m.name_fr as "nameFr", m.name_ar as "nameAr",
           ${status} as status,
           coalesce((select count(*) from ${reportValues} v where v.report_id = r.id), 0)::int as values,
           ${isoText(sql`r.submitted_at`)} as "submittedAt",
           coalesce(r.version, 0)::int as version
      from ${reportingPeriods} p
      cross join ${members} m
      left join ${reports} r on r.period = p.period and r.member_id = m.id
     where ${sql.join(where, sql` and `)}
     order by p.starts_on desc, p.ends_on desc, m.code`)) as unknown as { rows: QueueRow[] };
  return result.rows.map((r) => ({ ...r, values: Number(r.values), version: Number(r.version) }));
}
