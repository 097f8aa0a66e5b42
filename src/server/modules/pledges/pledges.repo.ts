import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { ListPledgesQuery } from '../../../shared/pledges.js';
import type { Db, Tx } from '../../db/client.js';
import { members } from '../../db/schema/members.js';
import {
  fxRates,
  linesOfEffort,
  type PledgeEventRow,
  type PledgeRow,
  pledgeEvents,
  pledges,
} from '../../db/schema/progress.js';

type Conn = Db | Tx;

/** A pledge with what it shows of its member and line of effort (read-only joins, for names). */
export interface PledgeReadRow extends PledgeRow {
  memberCode: string;
  memberNames: { en: string; fr: string; ar: string };
  lineOfEffortKey: string;
}

const pledgeColumns = {
  pledge: pledges,
  memberCode: members.code,
  nameEn: members.nameEn,
  nameFr: members.nameFr,
  nameAr: members.nameAr,
  lineOfEffortKey: linesOfEffort.key,
};

type Joined = {
  pledge: PledgeRow;
  memberCode: string;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  lineOfEffortKey: string;
};
const flatten = (r: Joined): PledgeReadRow => ({
  ...r.pledge,
  memberCode: r.memberCode,
  memberNames: { en: r.nameEn, fr: r.nameFr, ar: r.nameAr },
  lineOfEffortKey: r.lineOfEffortKey,
});

function joined(conn: Conn) {
  return conn
    .select(pledgeColumns)
    .from(pledges)
    .innerJoin(members, eq(members.id, pledges.memberId))
    .innerJoin(linesOfEffort, eq(linesOfEffort.id, pledges.lineOfEffortId));
}

/** Pledges matching the filters, oldest value date first (in-kind ones by creation). */
export async function readPledges(conn: Conn, query: ListPledgesQuery): Promise<PledgeReadRow[]> {
  const where: SQL[] = [];
  if (query.member) where.push(eq(members.code, query.member));
  if (query.lineOfEffort) where.push(eq(linesOfEffort.key, query.lineOfEffort));
  if (query.status) where.push(eq(pledges.status, query.status));
  if (query.kind) where.push(eq(pledges.kind, query.kind));
  const rows = await joined(conn)
    .where(and(...where))
    .orderBy(
      asc(sql`coalesce(${pledges.valueDate}, ${pledges.createdAt}::date)`),
      asc(pledges.createdAt),
      asc(pledges.id),
    );
  return rows.map(flatten);
}

/** One pledge, or undefined. */
export async function readPledge(conn: Conn, id: string): Promise<PledgeReadRow | undefined> {
  const [row] = await joined(conn).where(eq(pledges.id, id)).limit(1);
  return row && flatten(row);
}

/** Locks the pledge for the rest of the transaction (updateVersioned's lock). */
export async function lockPledge(tx: Tx, id: string): Promise<PledgeRow | undefined> {
  const [row] = await tx.select().from(pledges).where(eq(pledges.id, id)).for('update').limit(1);
  return row;
}

export async function insertPledge(tx: Tx, values: PgInsertValue<typeof pledges>): Promise<PledgeRow> {
  const [row] = await tx.insert(pledges).values(values).returning();
  return row;
}

export async function insertPledgeEvent(tx: Tx, values: PgInsertValue<typeof pledgeEvents>): Promise<PledgeEventRow> {
  const [row] = await tx.insert(pledgeEvents).values(values).returning();
  return row;
}

/** The events of these pledges, by pledge, in date order (then as recorded). */
export async function readEvents(conn: Conn, pledgeIds: readonly string[]): Promise<Map<string, PledgeEventRow[]>> {
  const byPledge = new Map<string, PledgeEventRow[]>();
  if (pledgeIds.length === 0) return byPledge;
  const rows = await conn
    .select()
    .from(pledgeEvents)
    .where(inArray(pledgeEvents.pledgeId, [...pledgeIds]))
    .orderBy(asc(pledgeEvents.on), asc(pledgeEvents.createdAt), asc(pledgeEvents.id));
  for (const row of rows) {
    const list = byPledge.get(row.pledgeId) ?? [];
    list.push(row);
    byPledge.set(row.pledgeId, list);
  }
  return byPledge;
}

/** A line of effort's id by its key (a read-only lookup of the structure's table). */
export async function lineOfEffortIdByKey(conn: Conn, key: string): Promise<string | undefined> {
  const [row] = await conn.select({ id: linesOfEffort.id }).from(linesOfEffort).where(eq(linesOfEffort.key, key));
  return row?.id;
}

// ─── FX rates ───────────────────────────────────────────────────────────────────────────────

/** A rate as stored, its numeric kept as exact decimal text. */
export interface RateRow {
  currency: string;
  date: string;
  usdPerUnit: string;
}

const rateColumns = {
  currency: fxRates.currency,
  date: sql<string>`${fxRates.date}::text`,
  usdPerUnit: sql<string>`${fxRates.usdPerUnit}::text`,
};

/** The rates of these exact (currency, day) pairs: never another day's. */
export async function ratesFor(conn: Conn, pairs: readonly { currency: string; date: string }[]): Promise<RateRow[]> {
  if (pairs.length === 0) return [];
  const currencies = [...new Set(pairs.map((p) => p.currency))];
  const dates = [...new Set(pairs.map((p) => p.date))];
  const wanted = new Set(pairs.map((p) => `${p.currency}|${p.date}`));
  const rows = await conn
    .select(rateColumns)
    .from(fxRates)
    .where(and(inArray(fxRates.currency, currencies), inArray(fxRates.date, dates)));
  return rows.filter((r) => wanted.has(`${r.currency}|${r.date}`));
}

/** The FX table, filtered, by currency then date. */
export async function readRates(
  conn: Conn,
  query: { currency?: string; from?: string; to?: string },
): Promise<RateRow[]> {
  const where: SQL[] = [];
  if (query.currency) where.push(eq(fxRates.currency, query.currency));
  if (query.from) where.push(sql`${fxRates.date} >= ${query.from}`);
  if (query.to) where.push(sql`${fxRates.date} <= ${query.to}`);
  return conn
    .select(rateColumns)
    .from(fxRates)
    .where(and(...where))
    .orderBy(asc(fxRates.currency), asc(fxRates.date));
}

/** Upserts rates (their decimals exact) and says how many were new and how many replaced an earlier import's. */
export async function upsertRates(
  tx: Tx,
  rows: readonly RateRow[],
  importedAt: SQL,
): Promise<{ imported: number; replaced: number }> {
  let imported = 0;
  let replaced = 0;
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await tx
      .insert(fxRates)
      .values(
        rows.slice(i, i + CHUNK).map((r) => ({
          currency: r.currency,
          date: r.date,
          usdPerUnit: sql`${r.usdPerUnit}::numeric` as unknown as number,
          importedAt: importedAt as unknown as Date,
        })),
      )
      .onConflictDoUpdate({
        target: [fxRates.currency, fxRates.date],
        set: { usdPerUnit: sql`excluded.usd_per_unit`, importedAt: sql`excluded.imported_at` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const r of result) {
      if (r.inserted) imported += 1;
      else replaced += 1;
    }
  }
  return { imported, replaced };
}

/** Every pledge, for the totals: what they need and nothing more. */
export async function readPledgesForTotals(conn: Conn) {
  return conn
    .select({
      memberId: pledges.memberId,
      lineOfEffortId: pledges.lineOfEffortId,
      kind: pledges.kind,
      status: pledges.status,
      amountMinor: pledges.amountMinor,
      currency: pledges.currency,
      valueDate: pledges.valueDate,
      committedMinor: pledges.committedMinor,
      disbursedMinor: pledges.disbursedMinor,
    })
    .from(pledges);
}

/** Members and lines of effort as the totals name them (read-only lookups, for names). */
export async function memberRefs(conn: Conn, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return conn
    .select({ id: members.id, code: members.code, en: members.nameEn, fr: members.nameFr, ar: members.nameAr })
    .from(members)
    .where(inArray(members.id, [...ids]));
}

export async function lineKeys(conn: Conn, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await conn
    .select({ id: linesOfEffort.id, key: linesOfEffort.key })
    .from(linesOfEffort)
    .where(inArray(linesOfEffort.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.key]));
}
