import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  type IndicatorRow,
  indicators,
  indicatorTargets,
  linesOfEffort,
  reportValues,
} from '../../db/schema/progress.js';

type Conn = Db | Tx;

/** An indicator with its line of effort's key, as the API names it. */
export type IndicatorWithLine = IndicatorRow & { lineOfEffort: string };

const withLine = { ...getTableColumns(indicators), lineOfEffort: linesOfEffort.key };

/** A line of effort's id by key (a read-only lookup of the lines of effort's table). */
export async function lineOfEffortIdByKey(conn: Conn, key: string): Promise<string | undefined> {
  const [row] = await conn.select({ id: linesOfEffort.id }).from(linesOfEffort).where(eq(linesOfEffort.key, key));
  return row?.id;
}

/** Every indicator, by key. */
export async function allIndicators(conn: Conn): Promise<IndicatorWithLine[]> {
  return conn
    .select(withLine)
    .from(indicators)
    .innerJoin(linesOfEffort, eq(linesOfEffort.id, indicators.lineOfEffortId))
    .orderBy(asc(linesOfEffort.number), asc(indicators.key));
}

/** Indicators by key (those that exist). */
export async function indicatorsByKeys(conn: Conn, keys: readonly string[]): Promise<Map<string, IndicatorWithLine>> {
  if (keys.length === 0) return new Map();
  const rows = await conn
    .select(withLine)
    .from(indicators)
    .innerJoin(linesOfEffort, eq(linesOfEffort.id, indicators.lineOfEffortId))
    .where(inArray(indicators.key, [...keys]));
  return new Map(rows.map((r) => [r.key, r]));
}

/** Indicators by id (those that exist). */
export async function indicatorsByIds(conn: Conn, ids: readonly string[]): Promise<Map<string, IndicatorWithLine>> {
  if (ids.length === 0) return new Map();
  const rows = await conn
    .select(withLine)
    .from(indicators)
    .innerJoin(linesOfEffort, eq(linesOfEffort.id, indicators.lineOfEffortId))
    .where(inArray(indicators.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lockIndicatorByKey(tx: Tx, key: string): Promise<IndicatorRow | undefined> {
  const [row] = await tx.select().from(indicators).where(eq(indicators.key, key)).for('update');
  return row;
}

export async function lineOfEffortKeyById(conn: Conn, id: string): Promise<string> {
  const [row] = await conn.select({ key: linesOfEffort.key }).from(linesOfEffort).where(eq(linesOfEffort.id, id));
  return row?.key ?? '';
}

/** Targets of these indicators, by indicator id, each list by period. */
export async function targetsOf(
  conn: Conn,
  indicatorIds: readonly string[],
): Promise<Map<string, { period: string; value: number }[]>> {
  const out = new Map<string, { period: string; value: number }[]>();
  if (indicatorIds.length === 0) return out;
  const rows = await conn
    .select()
    .from(indicatorTargets)
    .where(inArray(indicatorTargets.indicatorId, [...indicatorIds]))
    .orderBy(asc(indicatorTargets.period));
  for (const r of rows) {
    const list = out.get(r.indicatorId) ?? [];
    list.push({ period: r.period, value: Number(r.value) });
    out.set(r.indicatorId, list);
  }
  return out;
}

export async function replaceTargets(
  tx: Tx,
  indicatorId: string,
  targets: readonly { period: string; value: number }[],
): Promise<void> {
  await tx.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId));
  if (targets.length > 0) {
    await tx.insert(indicatorTargets).values(targets.map((t) => ({ indicatorId, period: t.period, value: t.value })));
  }
}

export async function insertIndicator(tx: Tx, values: typeof indicators.$inferInsert) {
  const [row] = await tx.insert(indicators).values(values).onConflictDoNothing().returning();
  return row;
}

/** Has any member reported a value of it (draft or approved)? */
export async function indicatorHasValues(conn: Conn, indicatorId: string): Promise<boolean> {
  const [row] = await conn
    .select({ one: sql<number>`1` })
    .from(reportValues)
    .where(and(eq(reportValues.indicatorId, indicatorId)))
    .limit(1);
  return row !== undefined;
}
