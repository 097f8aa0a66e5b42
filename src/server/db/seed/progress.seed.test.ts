import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { auditEvents } from '../schema/audit.js';
import {
  fxRates,
  indicatorRollups,
  indicators,
  indicatorTargets,
  pledgeEvents,
  pledges,
  reportingPeriods,
  reports,
  reportValues,
} from '../schema/progress.js';
import { readSeedFile } from './demo.js';
import {
  DEMO_REPORTS,
  FX_RATES,
  findFigure,
  OPEN_CLOSES_ON,
  OPEN_PERIODS,
  PLACED_PLEDGES,
  PLACED_VALUES,
  UNPLACED_FIGURES,
} from './progress.js';

const data = readSeedFile();

describe("the demo's progress figures (the data file, without a database)", () => {
  it("places every figure's own value or says why not, never both", () => {
    const own = [
      ...PLACED_VALUES.filter((v) => !v.fromNote).map((v) => v.figure),
      ...PLACED_PLEDGES.filter((p) => p.figure && !p.fromNote).map((p) => p.figure),
    ];
    const key = (f: { indicator: string; asOf: string }) => `${f.indicator} @ ${f.asOf}`;
    const placed = new Set(own.map((f) => key(f as { indicator: string; asOf: string })));
    const unplaced = UNPLACED_FIGURES.map(key);
    expect(new Set(unplaced).size).toBe(unplaced.length);
    expect(unplaced.filter((k) => placed.has(k))).toEqual([]);
    expect([...placed, ...unplaced].sort()).toEqual(data.figures.map(key).sort());
    for (const f of UNPLACED_FIGURES) {
      findFigure(data, f);
      expect(f.reason.length).toBeGreaterThan(20);
    }
  });

  it('leaves out the ranges and the one-province record, and says so', () => {
    const reasons = new Map(UNPLACED_FIGURES.map((f) => [f.indicator, f.reason]));
    expect(reasons.get('ISIL fighter strength (US estimate)')).toMatch(/range/i);
    expect(reasons.get('share of populated areas ISIL lost (Iraq+Syria)')).toMatch(/range/i);
    expect(reasons.get("ISIL antiquities ('khums' looting tax) revenue in seized Abu Sayyaf records")).toMatch(
      /province/,
    );
  });
});

describe.each(engines)("the demo's progress on %s", (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx?.close());
  const db = () => ctx.database.db;

  const approvedOf = async (key: string) =>
    db()
      .select({ period: reportValues.period, category: reportValues.category, value: reportValues.approvedValue })
      .from(reportValues)
      .innerJoin(indicators, eq(indicators.id, reportValues.indicatorId))
      .where(sql`${indicators.key} = ${key} and ${reportValues.approvedValue} is not null`)
      .orderBy(reportValues.period, reportValues.category);

  it('has the indicators, the revenue sources as categories, and the December 2014 target', async () => {
    const rows = await db().select().from(indicators).orderBy(indicators.key);
    expect(rows.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'air_strikes',
        'strike_sorties',
        'iraqi_forces_trained',
        'foreign_fighters',
        'isil_revenue',
        'operations_cost',
        'coalition_partners',
        'personnel_in_iraq',
      ]),
    );
    const revenue = rows.find((r) => r.key === 'isil_revenue');
    expect(revenue?.categories.map((c) => c.key)).toEqual([
      'oil_sales',
      'extortion',
      'plunder',
      'ransom',
      'human_trafficking',
      'sale_of_antiquities',
    ]);
    expect(revenue?.categories.every((c) => c.names.fr && c.names.ar)).toBe(true);
    expect(rows.every((r) => r.names.fr && r.names.ar)).toBe(true);
    const strikes = rows.find((r) => r.key === 'air_strikes');
    expect(
      await db()
        .select()
        .from(indicatorTargets)
        .where(eq(indicatorTargets.indicatorId, strikes?.id as string)),
    ).toEqual([{ indicatorId: strikes?.id, period: '2014-12', value: 1000 }]);
  });

  it('has the approved figures as the data file gives them, each with its sources in its note', async () => {
    const strikes = await approvedOf('air_strikes');
    expect(strikes.map((s) => [s.period, s.value])).toEqual([
      ['2014-12', 1371],
      ['2015-01', 1689],
      ['2015-03', 2893],
      ['2015-08', 5946],
      ['2016-01', 9782],
    ]);
    const revenue = await approvedOf('isil_revenue');
    expect(revenue.map((r) => [r.period, r.category, r.value])).toEqual([
      ['2014', 'plunder', 500],
      ['2014', 'ransom', 20],
      ['2015', 'extortion', 350],
      ['2015', 'oil_sales', 500],
    ]);
    expect((await approvedOf('strike_sorties')).map((s) => s.value)).toEqual([6591, 21113]);
    expect((await approvedOf('operations_cost')).at(-1)).toMatchObject({ period: '2015-12', value: 5.53 });

    const all = await db().select().from(reportValues).where(sql`${reportValues.approvedValue} is not null`);
    expect(all).toHaveLength(PLACED_VALUES.length);
    for (const v of all) {
      expect(v.note).toMatch(/^S\d\d: /);
      expect(v.status).toBe('approved');
      expect(v.approvedValue).toBe(v.value);
    }
    expect(all.find((v) => v.value === 1371)?.note).toContain(
      'S46: U.S. Airstrikes in Iraq and Syria Have Cost $1 Billion (ABC News',
    );
  });

  it('keeps the rollups equal to a recomputation from the approved values', async () => {
    const values = await db().select().from(reportValues).where(sql`${reportValues.approvedValue} is not null`);
    const expected = new Map<string, { sum: number; max: number; members: number }>();
    const add = (key: string, amount: number) => {
      const r = expected.get(key) ?? { sum: 0, max: Number.NEGATIVE_INFINITY, members: 0 };
      expected.set(key, { sum: r.sum + amount, max: Math.max(r.max, amount), members: r.members + 1 });
    };
    const memberTotals = new Map<string, number>();
    for (const v of values) {
      if (v.category !== '') add(`${v.indicatorId} ${v.period} ${v.category}`, v.approvedValue as number);
      const k = `${v.indicatorId} ${v.period} ${v.memberId}`;
      memberTotals.set(k, (memberTotals.get(k) ?? 0) + (v.approvedValue as number));
    }
    for (const [k, total] of memberTotals) {
      const [indicatorId, period] = k.split(' ');
      add(`${indicatorId} ${period} `, total);
    }
    const rollups = await db().select().from(indicatorRollups);
    const got = new Map(
      rollups.map((r) => [
        `${r.indicatorId} ${r.period} ${r.category}`,
        { sum: r.sum, max: r.max, members: r.members },
      ]),
    );
    expect(got).toEqual(expected);

    // The last cumulative strike count, as the dashboards read it.
    const [strikes] = await db().select().from(indicators).where(eq(indicators.key, 'air_strikes'));
    const [latest] = await db()
      .select()
      .from(indicatorRollups)
      .where(sql`${indicatorRollups.indicatorId} = ${strikes.id} and ${indicatorRollups.category} = ''`)
      .orderBy(sql`${indicatorRollups.period} desc`)
      .limit(1);
    expect(latest).toMatchObject({ period: '2016-01', sum: 9782, members: 1 });
  });

  it('has closed periods and open ones, the open ones with drafts, submissions and returns only', async () => {
    const periods = await db().select().from(reportingPeriods).orderBy(reportingPeriods.period);
    const openRows = periods.filter((p) => p.closesOn === OPEN_CLOSES_ON);
    expect(openRows.map((p) => p.period).sort()).toEqual([...OPEN_PERIODS].sort());
    expect(periods.find((p) => p.period === '2014-12')).toMatchObject({
      type: 'month',
      startsOn: '2014-12-01',
      endsOn: '2014-12-31',
      closesOn: '2015-01-31',
    });
    expect(periods.find((p) => p.period === '2015-Q3')).toMatchObject({ type: 'quarter', closesOn: '2015-10-31' });

    const open = new Set<string>(OPEN_PERIODS);
    const rows = await db().select().from(reports);
    const values = await db().select().from(reportValues);
    for (const report of rows) {
      const mine = values.filter((v) => v.reportId === report.id);
      expect(mine.length).toBeGreaterThan(0);
      const statuses = new Set(mine.map((v) => v.status));
      // A report's status follows its values.
      const expected = statuses.has('returned')
        ? 'returned'
        : statuses.has('draft')
          ? 'draft'
          : statuses.size === 1 && statuses.has('approved')
            ? 'approved'
            : 'submitted';
      expect(report.status).toBe(expected);
      if (open.has(report.period)) {
        expect(report.status).not.toBe('approved');
        for (const v of mine) {
          expect(v.approvedValue).toBeNull();
          expect(v.note).toMatch(/^Illustrative demo entry/);
        }
      } else {
        expect(report.status).toBe('approved');
      }
    }
    const byStatus = (s: string) => rows.filter((r) => r.status === s).length;
    expect(byStatus('draft')).toBeGreaterThan(0);
    expect(byStatus('submitted')).toBeGreaterThan(0);
    expect(byStatus('returned')).toBeGreaterThan(0);
    const returned = values.filter((v) => v.status === 'returned');
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.every((v) => v.returnReason)).toBe(true);
    expect(rows).toHaveLength(new Set(PLACED_VALUES.map((v) => `${v.period} ${v.member}`)).size + DEMO_REPORTS.length);
  });

  it('has the pledges, their lives, and a USD rate for every value date of every currency', async () => {
    const rows = await db().select().from(pledges);
    expect(rows).toHaveLength(PLACED_PLEDGES.length);
    const events = await db().select().from(pledgeEvents);
    const rates = await db().select().from(fxRates);
    for (const p of rows) {
      expect(rates.find((r) => r.currency === p.currency && r.date === p.valueDate)).toBeDefined();
      expect(rates.find((r) => r.currency === 'USD' && r.date === p.valueDate)?.usdPerUnit).toBe(1);
      const mine = events.filter((e) => e.pledgeId === p.id);
      const disbursed = mine.filter((e) => e.status === 'disbursed').reduce((s, e) => s + (e.amountMinor ?? 0), 0);
      expect(p.disbursedMinor).toBe(disbursed);
      expect(p.committedMinor).toBe(mine.find((e) => e.status === 'committed')?.amountMinor ?? null);
      expect(p.status).toBe(mine.at(-1)?.status ?? 'pledged');
    }
    expect(
      rows
        .filter((p) => p.currency !== 'USD')
        .map((p) => p.currency)
        .sort(),
    ).toEqual(['EUR', 'GBP']);
    expect(FX_RATES.map((r) => r.currency).sort()).toEqual(['EUR', 'GBP']);
    const saudi = rows.find((p) => p.amountMinor === 500_000_000_00 && p.valueDate === '2014-10-09');
    expect(saudi).toMatchObject({ currency: 'USD', status: 'disbursed', disbursedMinor: 500_000_000_00 });
    expect(saudi?.note).toContain('S82: ');
    const german = rows.find((p) => p.currency === 'EUR');
    expect(german).toMatchObject({ status: 'disbursed', committedMinor: 10_000_000_00, disbursedMinor: 10_000_000_00 });
    expect(events.filter((e) => e.pledgeId === german?.id && e.status === 'disbursed')).toHaveLength(2);
    expect(rows.filter((p) => p.valueDate === '2015-03-31')).toHaveLength(5);
  });

  it('audited every record it wrote', async () => {
    const counted = await db()
      .select({ action: auditEvents.action, n: count() })
      .from(auditEvents)
      .groupBy(auditEvents.action);
    const n = (action: string) => counted.find((c) => c.action === action)?.n ?? 0;
    const [periodCount] = await db().select({ n: count() }).from(reportingPeriods);
    const [reportCount] = await db().select({ n: count() }).from(reports);
    const [indicatorCount] = await db().select({ n: count() }).from(indicators);
    expect(n('indicator.created')).toBe(indicatorCount.n);
    expect(n('period.opened')).toBe(periodCount.n);
    expect(n('report.seeded')).toBe(reportCount.n);
    expect(n('pledge.created')).toBe(PLACED_PLEDGES.length);
    expect(n('fx_rates.imported')).toBe(1);
  });
});
