import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Breakdown, Series } from '../../../shared/progress.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMember, buildUser, expectStatus, type TestUser } from '../../test/factories.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { type NaiveValue, naiveBreakdown, naiveSeries } from '../../test/naive-figures.js';
import { buildIndicator, buildLineOfEffort, buildPeriod, multipartBody } from '../../test/progress-factories.js';

/**
 * Aggregates are always right: after any sequence of saves, submissions, approvals, returns,
 * reopenings and imports, every series and breakdown equals a naive recomputation from the
 * approved values in the table (ADR 0010).
 */

const CLOCK = '2027-03-01T09:00:00Z';
const CATEGORIES = ['alpha', 'beta'] as const;

interface IndicatorSpec {
  key: string;
  memberAggregation: 'sum' | 'max' | 'mean';
  timeAggregation: 'flow' | 'stock';
  categories: readonly string[];
}

type Op =
  | { kind: 'save'; member: number; period: number; values: { indicator: number; category: number; value: number }[] }
  | { kind: 'submit'; member: number; period: number }
  | { kind: 'approve'; member: number; period: number; only: number | null }
  | { kind: 'return'; member: number; period: number; only: number | null }
  | { kind: 'reopen'; period: number }
  | { kind: 'import'; rows: { member: number; period: number; indicator: number; category: number; value: number }[] };

const value = fc.integer({ min: 0, max: 2000 }).map((n) => n / 2);
const member = fc.integer({ min: 0, max: 2 });
const period = fc.integer({ min: 0, max: 2 });
const indicator = fc.integer({ min: 0, max: 2 });
const category = fc.integer({ min: 0, max: CATEGORIES.length - 1 });

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      member,
      period,
      values: fc.array(fc.record({ indicator, category, value }), { minLength: 1, maxLength: 5 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('submit' as const), member, period }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('approve' as const), member, period, only: fc.option(indicator) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('return' as const), member, period, only: fc.option(indicator) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), period }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.array(fc.record({ member, period, indicator, category, value }), { minLength: 1, maxLength: 6 }),
    }),
  },
);

describe.each(engines)('figures equal their recomputation on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  const focalPoints: (TestUser & { memberCode: string | null })[] = [];
  const memberCodes: string[] = [];
  let run = 0;
  /** Approved values the comparisons saw, over every run: the property must have had something to check. */
  let compared = 0;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock(CLOCK) });
    secretariat = await buildUser(ctx, { role: 'secretariat' });
    for (let i = 0; i < 3; i++) {
      const m = await buildMember(ctx);
      memberCodes.push(m.code);
      focalPoints.push(await buildUser(ctx, { role: 'focal_point', member: m.code }));
    }
  });
  afterAll(() => ctx?.close());

  /** A request as `user`. */
  const as = (user: TestUser, request: InjectOptions) =>
    ctx.app.inject({ ...request, headers: { ...request.headers, cookie: user.cookie } });

  it('after random reports, approvals, returns, reopenings and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 14 }), async (ops) => {
        run += 1;
        // Fresh indicators and periods for each run: no run sees another's values.
        const line = await buildLineOfEffort(ctx);
        const specs: IndicatorSpec[] = [
          { key: `p${run}_${engine}_sum`, memberAggregation: 'sum', timeAggregation: 'flow', categories: [] },
          {
            key: `p${run}_${engine}_mean`,
            memberAggregation: 'mean',
            timeAggregation: 'stock',
            categories: CATEGORIES,
          },
          { key: `p${run}_${engine}_max`, memberAggregation: 'max', timeAggregation: 'flow', categories: CATEGORIES },
        ];
        for (const s of specs) {
          await buildIndicator(ctx, {
            key: s.key,
            lineOfEffort: line.key,
            memberAggregation: s.memberAggregation,
            timeAggregation: s.timeAggregation,
            periodType: 'month',
            categories: s.categories.map((key) => ({ key, names: { en: key } })),
            visibility: 'public',
          });
        }
        // Three months of a year of this run's own: the first closed before the clock's day (locked
        // for members until it is reopened), the others open.
        const year = 1950 + run;
        const PERIODS = [`${year}-01`, `${year}-02`, `${year}-03`];
        for (const [i, p] of PERIODS.entries()) {
          await buildPeriod(ctx, { period: p, closesOn: i === 0 ? `${year}-02-15` : '2027-12-31' });
        }
        const categoryOf = (s: IndicatorSpec, c: number) => (s.categories.length ? s.categories[c] : null);

        const versionOf = async (m: number, p: number) => {
          const res = await as(secretariat, { url: `/api/v1/reports/${PERIODS[p]}/${memberCodes[m]}` });
          expectStatus(res, 200, 'GET report');
          return res.json().version as number;
        };
        const ifMatch = async (m: number, p: number) => ({ 'if-match': `"${await versionOf(m, p)}"` });

        for (const o of ops) {
          if (o.kind === 'save') {
            const seen = new Set<string>();
            const values = o.values
              .map((v) => ({
                s: specs[v.indicator],
                category: categoryOf(specs[v.indicator], v.category),
                value: v.value,
              }))
              .filter((v) => {
                const k = `${v.s.key} ${v.category}`;
                if (seen.has(k)) return false;
                seen.add(k);
                return true;
              })
              .map((v) => ({ indicator: v.s.key, category: v.category, value: v.value }));
            const res = await as(focalPoints[o.member], {
              method: 'PUT',
              url: `/api/v1/reports/${PERIODS[o.period]}/${memberCodes[o.member]}`,
              headers: await ifMatch(o.member, o.period),
              payload: { values },
            });
            expect([200, 409]).toContain(res.statusCode);
          } else if (o.kind === 'submit') {
            const res = await as(focalPoints[o.member], {
              method: 'POST',
              url: `/api/v1/reports/${PERIODS[o.period]}/${memberCodes[o.member]}/submit`,
              headers: await ifMatch(o.member, o.period),
            });
            expect([200, 409]).toContain(res.statusCode);
          } else if (o.kind === 'approve' || o.kind === 'return') {
            const only = o.only === null ? undefined : specs[o.only];
            const values = only
              ? (only.categories.length ? only.categories : [null]).map((c) => ({ indicator: only.key, category: c }))
              : undefined;
            const res = await as(secretariat, {
              method: 'POST',
              url: `/api/v1/reports/${PERIODS[o.period]}/${memberCodes[o.member]}/${o.kind}`,
              headers: await ifMatch(o.member, o.period),
              payload: o.kind === 'return' ? { reason: 'Check the figure', values } : { values },
            });
            expect([200, 400, 409]).toContain(res.statusCode);
          } else if (o.kind === 'reopen') {
            const periods = (await as(secretariat, { url: '/api/v1/periods' })).json().items as {
              period: string;
              version: number;
            }[];
            const found = periods.find((x) => x.period === PERIODS[o.period]);
            const res = await as(secretariat, {
              method: 'POST',
              url: `/api/v1/periods/${PERIODS[o.period]}/reopen`,
              headers: { 'if-match': `"${found?.version}"` },
              payload: { closesOn: '2027-12-31' },
            });
            expect([200, 400]).toContain(res.statusCode);
          } else {
            const seen = new Set<string>();
            const lines = ['period,member,indicator,category,value,note,status'];
            for (const r of o.rows) {
              const s = specs[r.indicator];
              const c = categoryOf(s, r.category);
              const k = `${r.member} ${r.period} ${s.key} ${c}`;
              if (seen.has(k)) continue;
              seen.add(k);
              lines.push(`${PERIODS[r.period]},${memberCodes[r.member]},${s.key},${c ?? ''},${r.value},,approved`);
            }
            const form = multipartBody(
              { kind: 'values' },
              { name: 'values.csv', content: lines.join('\n'), type: 'text/csv' },
            );
            const res = await as(secretariat, { method: 'POST', url: '/api/v1/imports', ...form });
            expectStatus(res, 200, 'POST /imports');
          }
        }

        // The naive recomputation, from the approved values in the table itself.
        for (const s of specs) {
          const result = (await ctx.database.db.execute(sql`
            select v.period, m.code as member, nullif(v.category, '') as category, v.approved_value::float8 as value
              from report_values v join indicators i on i.id = v.indicator_id join members m on m.id = v.member_id
             where i.key = ${s.key} and v.approved_value is not null`)) as unknown as { rows: NaiveValue[] };
          const rows = result.rows;
          compared += rows.length;
          for (const filter of [
            {},
            { member: memberCodes[0] },
            ...(s.categories.length ? [{ category: 'alpha' }] : []),
          ]) {
            const query = new URLSearchParams(filter as Record<string, string>).toString();
            const res = await ctx.app.inject({ url: `/api/v1/indicators/${s.key}/series?${query}` });
            expectStatus(res, 200, 'GET series');
            const series: Series = res.json();
            const want = naiveSeries(rows, s, filter);
            expect(series.points.map((p) => [p.period, p.value, p.cumulative, p.members])).toEqual(
              want.points.map((p) => [
                p.period,
                expect.closeTo(p.value, 6),
                expect.closeTo(p.cumulative, 6),
                p.members,
              ]),
            );
            if (want.total === null) expect(series.total).toBeNull();
            else expect(series.total).toBeCloseTo(want.total, 6);
          }
          for (const by of s.categories.length ? (['member', 'category'] as const) : (['member'] as const)) {
            const res = await ctx.app.inject({ url: `/api/v1/indicators/${s.key}/breakdown?by=${by}` });
            expectStatus(res, 200, 'GET breakdown');
            const breakdown: Breakdown = res.json();
            const want = naiveBreakdown(rows, s, by);
            expect(breakdown.items.map((i) => [i.member?.code ?? i.category, i.value, i.through])).toEqual(
              want.map((i) => [i.name, expect.closeTo(i.value, 6), i.through]),
            );
          }
        }
      }),
      { numRuns: engine === 'pglite' ? 12 : 6 },
    );
    expect(compared).toBeGreaterThan(0);
  });
});
