import { minorDigits } from '../../../shared/currency.js';
import { PledgeKind, PledgeStatus, type PledgeTotals, type UsdAmount } from '../../../shared/pledges.js';
import type { Db, Tx } from '../../db/client.js';
import { lineKeys, memberRefs, type RateRow, ratesFor, readPledgesForTotals } from './pledges.repo.js';

// Pledges in US dollars, exactly: an amount is an integer of minor units, a rate a decimal of at
// most 12 places (numeric(30,12)); their product is summed as a BigInt of 10⁻¹⁸ dollars and
// rounded to cents only at the end. A rate is the FX table's for the pledge's value date, that
// day exactly: when it is missing the amount is left out and said, never converted at another
// day's rate. US dollars need no rate (1 is not a guess).

type Conn = Db | Tx;

const RATE_PLACES = 12;
/** Sums are kept in 10^-(RATE_PLACES + MINOR_PLACES) dollars: no currency has more than 4 minor digits. */
const MINOR_PLACES = 6;
const TO_CENTS = 10n ** BigInt(RATE_PLACES + MINOR_PLACES - 2);

/** A decimal string (`1.0842`) as an integer of 10⁻¹² units. */
function scaledRate(rate: string): bigint {
  const [whole, fraction = ''] = rate.split('.');
  return BigInt(whole + fraction.padEnd(RATE_PLACES, '0').slice(0, RATE_PLACES));
}

/** An amount in minor units at a rate, in 10⁻¹⁸ dollars. */
function exactUsd(amountMinor: number, currency: string, rate: string): bigint {
  const digits = minorDigits(currency) ?? 2;
  return BigInt(amountMinor) * scaledRate(rate) * 10n ** BigInt(MINOR_PLACES - digits);
}

/** Exact dollars rounded (half up) to cents, as a number of dollars. */
function toDollars(exact: bigint): number {
  const cents = (exact + TO_CENTS / 2n) / TO_CENTS;
  return Number(cents) / 100;
}

const USD_RATE = '1';
const key = (currency: string, date: string) => `${currency}|${date}`;

/** The rates of these pledges' value dates, keyed `currency|date` (US dollars at 1). */
async function ratesOf(conn: Conn, pairs: { currency: string; date: string }[]): Promise<Map<string, RateRow>> {
  const needed = pairs.filter((p) => p.currency !== 'USD');
  const map = new Map((await ratesFor(conn, needed)).map((r) => [key(r.currency, r.date), r]));
  for (const p of pairs) {
    if (p.currency === 'USD') map.set(key(p.currency, p.date), { ...p, usdPerUnit: USD_RATE });
  }
  return map;
}

/** One pledge's amount in US dollars at its value date's rate, or null with no rate. */
export async function pledgeUsd(
  conn: Conn,
  pledge: { amountMinor: number | null; currency: string | null; valueDate: string | null },
): Promise<UsdAmount | null> {
  const { amountMinor, currency, valueDate } = pledge;
  if (amountMinor === null || currency === null || valueDate === null) return null;
  const rate = (await ratesOf(conn, [{ currency, date: valueDate }])).get(key(currency, valueDate));
  return usdAmount(amountMinor, currency, valueDate, rate);
}

function usdAmount(amountMinor: number, currency: string, date: string, rate: RateRow | undefined): UsdAmount {
  if (!rate) return { usd: null, rate: null, rateDate: date };
  return {
    usd: toDollars(exactUsd(amountMinor, currency, rate.usdPerUnit)),
    rate: Number(rate.usdPerUnit),
    rateDate: date,
  };
}

/** Many pledges' amounts in US dollars, by the same rule (one query for their rates). */
export async function pledgesUsd(
  conn: Conn,
  list: { amountMinor: number | null; currency: string | null; valueDate: string | null }[],
): Promise<(UsdAmount | null)[]> {
  const pairs = list.flatMap((p) => (p.currency && p.valueDate ? [{ currency: p.currency, date: p.valueDate }] : []));
  const rates = await ratesOf(conn, pairs);
  return list.map((p) =>
    p.amountMinor === null || p.currency === null || p.valueDate === null
      ? null
      : usdAmount(p.amountMinor, p.currency, p.valueDate, rates.get(key(p.currency, p.valueDate))),
  );
}

type TotalsRow = Awaited<ReturnType<typeof readPledgesForTotals>>[number];

/**
 * What a pledge counts for, in minor units. A withdrawn pledge counts for nothing, except what was
 * disbursed before it was withdrawn: that money was pledged, committed and paid, and stays so.
 */
export function countedAmounts(row: Pick<TotalsRow, 'status' | 'amountMinor' | 'committedMinor' | 'disbursedMinor'>) {
  if (row.status === PledgeStatus.enum.withdrawn) {
    return { pledged: row.disbursedMinor, committed: row.disbursedMinor, disbursed: row.disbursedMinor };
  }
  return { pledged: row.amountMinor ?? 0, committed: row.committedMinor ?? 0, disbursed: row.disbursedMinor };
}

interface Sums {
  pledged: bigint;
  committed: bigint;
  disbursed: bigint;
  unconverted: number;
  inKind: number;
}

/** Sums every pledge by `groupOf`, in exact dollars; says the rates used and the ones missing. */
async function sumBy(conn: Conn, groupOf: (row: TotalsRow) => string) {
  const rows = await readPledgesForTotals(conn);
  const rates = await ratesOf(
    conn,
    rows.flatMap((r) => (r.currency && r.valueDate ? [{ currency: r.currency, date: r.valueDate }] : [])),
  );
  const groups = new Map<string, Sums>();
  const used = new Map<string, RateRow>();
  const missing = new Map<string, { currency: string; date: string }>();
  for (const row of rows) {
    const group = groupOf(row);
    const sums = groups.get(group) ?? { pledged: 0n, committed: 0n, disbursed: 0n, unconverted: 0, inKind: 0 };
    groups.set(group, sums);
    if (row.kind === PledgeKind.enum.in_kind) {
      if (row.status !== PledgeStatus.enum.withdrawn) sums.inKind += 1;
      continue;
    }
    const counted = countedAmounts(row);
    if (counted.pledged === 0 || !row.currency || !row.valueDate) continue;
    const rate = rates.get(key(row.currency, row.valueDate));
    if (!rate) {
      sums.unconverted += 1;
      missing.set(key(row.currency, row.valueDate), { currency: row.currency, date: row.valueDate });
      continue;
    }
    used.set(key(rate.currency, rate.date), rate);
    sums.pledged += exactUsd(counted.pledged, row.currency, rate.usdPerUnit);
    sums.committed += exactUsd(counted.committed, row.currency, rate.usdPerUnit);
    sums.disbursed += exactUsd(counted.disbursed, row.currency, rate.usdPerUnit);
  }
  const byKey = <T extends { currency: string; date: string }>(list: Iterable<T>) =>
    [...list].sort((a, b) => a.currency.localeCompare(b.currency) || a.date.localeCompare(b.date));
  return { groups, used: byKey(used.values()), missing: byKey(missing.values()) };
}

const dollars = (sums: Sums) => ({
  pledgedUsd: toDollars(sums.pledged),
  committedUsd: toDollars(sums.committed),
  disbursedUsd: toDollars(sums.disbursed),
});

/**
 * Totals in US dollars by line of effort id, for the line-of-effort page: pledged (every pledge
 * not withdrawn), committed (funding: committed pledges only), disbursed. Amounts without their
 * value date's rate are left out (`GET /pledges/totals` says which).
 */
export async function usdTotalsByLineOfEffort(
  conn: Conn,
): Promise<Map<string, { pledgedUsd: number; committedUsd: number; disbursedUsd: number }>> {
  const { groups } = await sumBy(conn, (row) => row.lineOfEffortId);
  return new Map([...groups].map(([id, sums]) => [id, dollars(sums)]));
}

/** `GET /pledges/totals`: by member or by line of effort, with the rates used and the ones missing. */
export async function pledgeTotals(conn: Conn, by: PledgeTotals['by']): Promise<PledgeTotals> {
  const { groups, used, missing } = await sumBy(conn, (row) => (by === 'member' ? row.memberId : row.lineOfEffortId));
  const ids = [...groups.keys()];
  const refs =
    by === 'member'
      ? new Map(
          (await memberRefs(conn, ids)).map((m) => [m.id, { code: m.code, names: { en: m.en, fr: m.fr, ar: m.ar } }]),
        )
      : new Map();
  const keys = by === 'lineOfEffort' ? await lineKeys(conn, ids) : new Map<string, string>();
  const items = [...groups].map(([id, sums]) => ({
    member: refs.get(id) ?? null,
    lineOfEffort: keys.get(id) ?? null,
    ...dollars(sums),
    unconverted: sums.unconverted,
    inKind: sums.inKind,
  }));
  items.sort((a, b) =>
    by === 'member'
      ? (a.member?.code ?? '').localeCompare(b.member?.code ?? '')
      : (a.lineOfEffort ?? '').localeCompare(b.lineOfEffort ?? '', 'en', { numeric: true }),
  );
  return {
    by,
    items,
    rates: used.map((r) => ({ currency: r.currency, date: r.date, usdPerUnit: Number(r.usdPerUnit) })),
    missingRates: missing,
  };
}
