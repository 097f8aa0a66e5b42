import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/members.js';
import type {
  ApprovedValueList,
  Breakdown,
  LineOfEffortFigures,
  MemberAggregation,
  Series,
  TimeAggregation,
} from '../../../shared/progress.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMember } from '../../test/factories.js';
import { approveValues, buildFiguresIndicator, type FactoryValue } from '../../test/figures-factories.js';
import { createTestApp, engines, parseProblem, signedInUser, type TestContext } from '../../test/harness.js';
import { type NaiveFilters, type NaiveValue, naiveBreakdown, naiveSeries } from '../../test/naive-figures.js';
import { buildLineOfEffort } from '../../test/progress-factories.js';

const PERIODS = ['2015-01', '2015-02', '2015-03', '2015-04', '2015-05', '2015-06'];
const CATEGORIES = ['oil_sales', 'extortion', 'ransom'];

/** A small deterministic generator: the same handmade cases every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe.each(engines)('figures on %s', (engine) => {
  let ctx: TestContext;
  let members: Member[];
  let observerCookie: string;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock('2027-03-01T09:00:00Z') });
    members = [await buildMember(ctx), await buildMember(ctx), await buildMember(ctx)];
    observerCookie = (await signedInUser(ctx, 'observer')).cookie;
  });
  afterAll(() => ctx?.close());

  const get = async <T>(url: string, cookie?: string): Promise<T> => {
    const res = await ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const query = (filters: NaiveFilters & Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined)).toString();

  /** Approved values for every member and period (some skipped), per category when there are; drafts beside them. */
  async function reported(indicatorId: string, categories: string[], seed: number): Promise<NaiveValue[]> {
    const random = generator(seed);
    const approved: FactoryValue[] = [];
    const drafts: FactoryValue[] = [];
    for (const member of members) {
      for (const period of PERIODS) {
        for (const category of categories.length > 0 ? categories : [undefined]) {
          const roll = random();
          if (roll < 0.2) continue;
          const value = Math.round(random() * 100000) / 100;
          if (roll < 0.3) {
            // A draft nobody approved: it must count nowhere.
            drafts.push({ memberId: member.id, period, category, value: 77777, approved: false });
            continue;
          }
          approved.push({ memberId: member.id, period, category, value, note: `source ${period}` });
        }
      }
    }
    // A member revising an approved figure: the approved one still counts until the revision is approved.
    drafts.push({ ...approved[0], value: 99999, approved: false });
    await approveValues(ctx, indicatorId, approved);
    await approveValues(ctx, indicatorId, drafts);
    const codes = new Map(members.map((m) => [m.id, m.code]));
    return approved.map((v) => ({
      member: codes.get(v.memberId) as string,
      period: v.period,
      category: v.category ?? null,
      value: v.value,
    }));
  }

  const cases: [MemberAggregation, TimeAggregation, boolean][] = [];
  for (const aggregation of ['sum', 'max', 'mean'] as const) {
    for (const time of ['flow', 'stock'] as const) {
      for (const withCategories of [false, true]) cases.push([aggregation, time, withCategories]);
    }
  }

  it.each(cases)(
    '%s of members, %s over time, categories %s: series and breakdowns equal the naive recomputation',
    async (memberAggregation, timeAggregation, withCategories) => {
      const categories = withCategories ? CATEGORIES : [];
      const indicator = await buildFiguresIndicator(ctx, {
        memberAggregation,
        timeAggregation,
        categories,
        targets: [
          { period: '2015-02', value: 500 },
          { period: '2015-06', value: 1000 },
        ],
      });
      const values = await reported(
        indicator.id,
        categories,
        cases.length + memberAggregation.length * 7 + (withCategories ? 3 : 0),
      );
      const definition = { memberAggregation, timeAggregation };
      const filterSets: NaiveFilters[] = [
        {},
        { member: members[0].code },
        { from: '2015-02', to: '2015-Q2' },
        { from: '2015-04' },
        ...(withCategories
          ? [{ category: 'extortion' }, { member: members[1].code, category: 'ransom', from: '2015' }]
          : []),
      ];
      for (const filters of filterSets) {
        const what = JSON.stringify(filters);
        const series = await get<Series>(`/api/v1/indicators/${indicator.key}/series?${query({ ...filters })}`);
        const expected = naiveSeries(values, definition, filters);
        expect(
          series.points.map((p) => p.period),
          what,
        ).toEqual(expected.points.map((p) => p.period));
        series.points.forEach((point, i) => {
          const want = expected.points[i];
          expect(close(point.value, want.value), `${what} ${point.period} value ${point.value} ≠ ${want.value}`).toBe(
            true,
          );
          expect(close(point.cumulative, want.cumulative), `${what} ${point.period} cumulative`).toBe(true);
          expect(point.members, `${what} ${point.period} members`).toBe(want.members);
          expect(point.target).toBe(point.period === '2015-02' ? 500 : point.period === '2015-06' ? 1000 : null);
        });
        expect(close(series.total, expected.total), `${what} total ${series.total} ≠ ${expected.total}`).toBe(true);

        for (const by of ['member', 'category'] as const) {
          const breakdown = await get<Breakdown>(
            `/api/v1/indicators/${indicator.key}/breakdown?${query({ by, ...filters })}`,
          );
          const want = naiveBreakdown(values, definition, by, filters);
          const got = breakdown.items.map((item) => ({
            name: by === 'member' ? item.member?.code : item.category,
            value: item.value,
            through: item.through,
          }));
          expect(
            got.map((g) => [g.name, g.through]),
            `${what} by ${by}`,
          ).toEqual(want.map((w) => [w.name, w.through]));
          got.forEach((g, i) => {
            expect(close(g.value, want[i].value), `${what} by ${by} ${g.name}: ${g.value} ≠ ${want[i].value}`).toBe(
              true,
            );
          });
        }
      }
    },
  );

  it('lists the approved values behind a figure, never a draft, and says when the list is cut', async () => {
    const indicator = await buildFiguresIndicator(ctx, { categories: ['oil_sales', 'ransom'] });
    const [a, b] = members;
    await approveValues(ctx, indicator.id, [
      { memberId: a.id, period: '2015-01', category: 'oil_sales', value: 10.5, note: 'Treasury, 3 Feb 2015' },
      { memberId: a.id, period: '2015-01', category: 'ransom', value: 2 },
      { memberId: b.id, period: '2015-01', category: 'oil_sales', value: 7 },
      { memberId: b.id, period: '2015-02', category: 'oil_sales', value: 8 },
    ]);
    await approveValues(ctx, indicator.id, [
      { memberId: b.id, period: '2015-01', category: 'ransom', value: 500, approved: false },
    ]);
    const behind = await get<ApprovedValueList>(
      `/api/v1/indicators/${indicator.key}/values?period=2015-01&member=${a.code}`,
    );
    expect(behind.truncated).toBe(false);
    expect(behind.items).toEqual([
      {
        period: '2015-01',
        member: { code: a.code, names: a.names },
        category: 'oil_sales',
        value: 10.5,
        note: 'Treasury, 3 Feb 2015',
        approvedAt: '2027-03-01T09:00:00.000Z',
      },
      expect.objectContaining({ category: 'ransom', value: 2, note: null }),
    ]);
    const all = await get<ApprovedValueList>(`/api/v1/indicators/${indicator.key}/values`);
    expect(all.items.map((v) => [v.period, v.member.code, v.category, v.value])).toEqual([
      ['2015-02', b.code, 'oil_sales', 8],
      ...[
        [a.code, 'oil_sales', 10.5],
        [a.code, 'ransom', 2],
        [b.code, 'oil_sales', 7],
      ]
        .sort((x, y) => (`${x[0]} ${x[1]}` < `${y[0]} ${y[1]}` ? -1 : 1))
        .map((v) => ['2015-01', ...v]),
    ]);
    const cut = await get<ApprovedValueList>(`/api/v1/indicators/${indicator.key}/values?limit=3&category=oil_sales`);
    expect(cut.items).toHaveLength(3);
    expect(cut.truncated).toBe(false);
    const cutShorter = await get<ApprovedValueList>(
      `/api/v1/indicators/${indicator.key}/values?limit=2&category=oil_sales`,
    );
    expect(cutShorter.truncated).toBe(true);
  });

  it('shows an approval in the next read, though the previous read was cached', async () => {
    const indicator = await buildFiguresIndicator(ctx, { timeAggregation: 'flow' });
    await approveValues(ctx, indicator.id, [{ memberId: members[0].id, period: '2015-01', value: 5 }]);
    const url = `/api/v1/indicators/${indicator.key}/series`;
    expect((await get<Series>(url)).total).toBe(5);
    expect((await get<Series>(url)).total).toBe(5);
    await approveValues(ctx, indicator.id, [{ memberId: members[1].id, period: '2015-01', value: 7 }]);
    const after = await get<Series>(url);
    expect(after.total).toBe(12);
    expect(after.points).toEqual([{ period: '2015-01', value: 12, cumulative: 12, target: null, members: 2 }]);
  });

  it('hides a coalition indicator from the public (404), shows it to anyone signed in', async () => {
    const indicator = await buildFiguresIndicator(ctx, { visibility: 'coalition' });
    await approveValues(ctx, indicator.id, [{ memberId: members[0].id, period: '2015-03', value: 3 }]);
    for (const path of ['series', 'breakdown?by=member', 'values']) {
      const anonymous = await ctx.app.inject({ url: `/api/v1/indicators/${indicator.key}/${path}` });
      expect(anonymous.statusCode, path).toBe(404);
      expect(parseProblem(anonymous.body).code).toBe('not_found');
      await get(`/api/v1/indicators/${indicator.key}/${path}`, observerCookie);
    }
    const missing = await ctx.app.inject({ url: '/api/v1/indicators/no_such_indicator/series' });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses filters the indicator cannot take, field by field (400)', async () => {
    const plain = await buildFiguresIndicator(ctx);
    const split = await buildFiguresIndicator(ctx, { categories: ['oil_sales'] });
    const refusal = async (url: string) => {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      return parseProblem(res.body).errors?.map((e) => [e.path, e.code]);
    };
    expect(await refusal(`/api/v1/indicators/${plain.key}/series?category=oil_sales`)).toEqual([
      ['category', 'no_categories'],
    ]);
    expect(await refusal(`/api/v1/indicators/${split.key}/breakdown?by=category&category=ransom`)).toEqual([
      ['category', 'unknown_category'],
    ]);
    expect(await refusal(`/api/v1/indicators/${plain.key}/series?member=NOSUCH1`)).toEqual([
      ['member', 'unknown_member'],
    ]);
    expect(await refusal(`/api/v1/indicators/${plain.key}/values?from=2016&to=2015-12`)).toEqual([
      ['to', 'before_start'],
    ]);
    expect(await refusal(`/api/v1/indicators/${plain.key}/series?from=2015-13`)).toEqual([['from', 'period_format']]);
    expect(await refusal(`/api/v1/indicators/${plain.key}/breakdown?by=year`)).toEqual([['by', 'invalid_value']]);
  });

  it("gives a line of effort's indicators with their latest figure, total and target, as the caller may see them", async () => {
    const line = await buildLineOfEffort(ctx);
    const strikes = await buildFiguresIndicator(ctx, {
      key: `strikes_${line.number}`,
      lineOfEffortId: line.id,
      targets: [{ period: '2015-02', value: 30 }],
    });
    const trainees = await buildFiguresIndicator(ctx, {
      key: `trainees_${line.number}`,
      lineOfEffortId: line.id,
      timeAggregation: 'stock',
      memberAggregation: 'sum',
      visibility: 'coalition',
    });
    await approveValues(ctx, strikes.id, [
      { memberId: members[0].id, period: '2015-01', value: 10 },
      { memberId: members[1].id, period: '2015-02', value: 20 },
    ]);
    await approveValues(ctx, trainees.id, [
      { memberId: members[0].id, period: '2015-01', value: 100 },
      { memberId: members[0].id, period: '2015-02', value: 150 },
    ]);
    const publicView = await get<LineOfEffortFigures>(`/api/v1/lines-of-effort/${line.key}/figures`);
    expect(publicView.items.map((i) => i.indicator)).toEqual([strikes.key]);
    expect(publicView.items[0]).toMatchObject({
      latest: { period: '2015-02', value: 20, members: 1 },
      total: 30,
      target: 30,
      points: [
        { period: '2015-01', value: 10 },
        { period: '2015-02', value: 20 },
      ],
    });
    const signedIn = await get<LineOfEffortFigures>(`/api/v1/lines-of-effort/${line.key}/figures`, observerCookie);
    expect(signedIn.items.map((i) => [i.indicator, i.total])).toEqual([
      [strikes.key, 30],
      [trainees.key, 150],
    ]);
    const missing = await ctx.app.inject({ url: '/api/v1/lines-of-effort/LOE0-nothing/figures' });
    expect(missing.statusCode).toBe(404);
  });
});
