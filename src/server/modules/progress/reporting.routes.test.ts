import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorRollups } from '../../db/schema/progress.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMember, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';
import { buildIndicator, buildLineOfEffort, buildPeriod, buildReport } from '../../test/progress-factories.js';

const as = (user: { cookie: string } | null, extra: Record<string, string> = {}) => ({
  ...(user ? { cookie: user.cookie } : {}),
  ...extra,
});
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe.each(engines)('reporting routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let member: string;
  let focalPoint: TestUser;
  let otherFocalPoint: TestUser;

  const call = (
    user: TestUser | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => ctx.app.inject({ method, url: `/api/v1${url}`, headers: as(user, headers), ...(payload ? { payload } : {}) });

  const trailOf = async (id: string) =>
    (await call(secretariat, 'GET', `/audit?entityId=${id}`)).json().items as { action: string }[];

  const rollupOf = async (indicatorId: string, period: string) =>
    (await ctx.database.db.select().from(indicatorRollups).where(eq(indicatorRollups.indicatorId, indicatorId)))
      .filter((r) => r.period === period)
      .map((r) => ({ category: r.category, sum: Number(r.sum), members: r.members }))
      .sort((a, b) => a.category.localeCompare(b.category));

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock('2030-03-12T09:00:00Z') });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    member = (await buildMember(ctx)).code;
    focalPoint = await buildUser(ctx, { role: 'focal_point', member });
    otherFocalPoint = await buildUser(ctx, { role: 'focal_point' });
  });
  afterAll(() => ctx?.close());

  describe('indicators', () => {
    it('shows public indicators to everyone and coalition ones to signed-in users only (else 404)', async () => {
      const line = (await buildLineOfEffort(ctx)).key;
      const open = await buildIndicator(ctx, { lineOfEffort: line });
      const closed = await buildIndicator(ctx, { lineOfEffort: line, visibility: 'coalition' });
      const anonymous = (await call(null, 'GET', `/indicators?lineOfEffort=${line}`)).json().items;
      expect(anonymous.map((i: { key: string }) => i.key)).toEqual([open.key]);
      const signedIn = (await call(observer, 'GET', `/indicators?lineOfEffort=${line}`)).json().items;
      expect(signedIn.map((i: { key: string }) => i.key).sort()).toEqual([open.key, closed.key].sort());
      expect((await call(null, 'GET', `/indicators/${closed.key}`)).statusCode).toBe(404);
      expect((await call(observer, 'GET', `/indicators/${closed.key}`)).statusCode).toBe(200);
    });

    it('is defined by the secretariat only, with a known line of effort, categories once, and a free key', async () => {
      const line = (await buildLineOfEffort(ctx)).key;
      const body = {
        key: 'revenue_x',
        names: { en: 'Revenue' },
        unit: 'USD',
        lineOfEffort: line,
        memberAggregation: 'sum',
        timeAggregation: 'flow',
        periodType: 'quarter',
        visibility: 'public',
        categories: [
          { key: 'oil_sales', names: { en: 'Oil sales' } },
          { key: 'extortion', names: { en: 'Extortion' } },
        ],
        targets: [{ period: '2015-Q1', value: 10 }],
      };
      expect((await call(null, 'POST', '/indicators', body)).statusCode).toBe(401);
      expect((await call(focalPoint, 'POST', '/indicators', body)).statusCode).toBe(403);
      const unknownLine = await call(secretariat, 'POST', '/indicators', { ...body, lineOfEffort: 'LOE99-none' });
      expect(unknownLine.statusCode).toBe(400);
      expect(parseProblem(unknownLine.body).errors?.[0]).toMatchObject({
        path: 'lineOfEffort',
        code: 'unknown_line_of_effort',
      });
      const twice = await call(secretariat, 'POST', '/indicators', {
        ...body,
        categories: [...body.categories, { key: 'oil_sales', names: { en: 'Again' } }],
        targets: [{ period: '2015-01', value: 1 }],
      });
      expect(twice.statusCode).toBe(400);
      expect(parseProblem(twice.body).errors?.map((e) => [e.path, e.code])).toEqual([
        ['categories.2.key', 'category_twice'],
        ['targets.0.period', 'period_type_mismatch'],
      ]);
      const created = await call(secretariat, 'POST', '/indicators', body);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        key: 'revenue_x',
        lineOfEffort: line,
        unitTranslations: {},
        targets: [{ period: '2015-Q1', value: 10 }],
      });
      expect((await trailOf(created.json().id)).map((e) => e.action)).toEqual(['indicator.created']);
      const taken = await call(secretariat, 'POST', '/indicators', body);
      expect(taken.statusCode).toBe(409);
      expect(parseProblem(taken.body).reason).toBe('indicator_key_taken');
    });

    it('changes with If-Match; its period type and categories no longer once values exist', async () => {
      const indicator = await buildIndicator(ctx);
      const stale = await call(secretariat, 'PATCH', `/indicators/${indicator.key}`, { unit: 'strikes' }, ifMatch(9));
      expect(stale.statusCode).toBe(409);
      const renamed = await call(
        secretariat,
        'PATCH',
        `/indicators/${indicator.key}`,
        { unit: 'strikes', names: { en: 'Air strikes' }, targets: [{ period: '2031-01', value: 5 }] },
        ifMatch(indicator.version),
      );
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ unit: 'strikes', names: { en: 'Air strikes' }, version: 2 });
      // The unit in French and Arabic: only those two, each a non-empty name; sent, they replace the old ones.
      const badUnit = await call(
        secretariat,
        'PATCH',
        `/indicators/${indicator.key}`,
        { unitTranslations: { de: 'Angriffe', ar: '' } },
        ifMatch(2),
      );
      expect(badUnit.statusCode).toBe(400);
      expect(
        parseProblem(badUnit.body)
          .errors?.map((e) => e.path)
          .sort(),
      ).toEqual(['unitTranslations.ar', 'unitTranslations.de']);
      const translated = await call(
        secretariat,
        'PATCH',
        `/indicators/${indicator.key}`,
        { unitTranslations: { fr: 'frappes', ar: 'غارات' } },
        ifMatch(2),
      );
      expect(translated.json()).toMatchObject({
        unit: 'strikes',
        unitTranslations: { fr: 'frappes', ar: 'غارات' },
        version: 3,
      });
      const read = await call(secretariat, 'GET', `/indicators/${indicator.key}`);
      expect(read.json().unitTranslations).toEqual({ fr: 'frappes', ar: 'غارات' });
      const fewer = await call(
        secretariat,
        'PATCH',
        `/indicators/${indicator.key}`,
        { unitTranslations: { fr: 'frappes' } },
        ifMatch(3),
      );
      expect(fewer.json().unitTranslations).toEqual({ fr: 'frappes' });
      const period = await buildPeriod(ctx);
      await buildReport(ctx, { period: period.period, member, values: [{ indicator: indicator.key, value: 3 }] });
      const fixed = await call(
        secretariat,
        'PATCH',
        `/indicators/${indicator.key}`,
        { periodType: 'year', memberAggregation: 'max' },
        ifMatch(4),
      );
      expect(fixed.statusCode).toBe(400);
      expect(parseProblem(fixed.body).errors?.map((e) => [e.path, e.code])).toEqual([
        ['memberAggregation', 'fixed_once_reported'],
        ['periodType', 'fixed_once_reported'],
      ]);
      expect((await trailOf(indicator.id)).map((e) => e.action)).toContain('indicator.updated');
    });
  });

  describe('periods', () => {
    it('are opened by the secretariat, once, with a type from the name, and listed with report counts', async () => {
      expect(
        (await call(focalPoint, 'POST', '/periods', { period: '2031-Q2', closesOn: '2031-07-15' })).statusCode,
      ).toBe(403);
      const bad = await call(secretariat, 'POST', '/periods', { period: '2031-13', closesOn: '2031-07-15' });
      expect(parseProblem(bad.body).errors?.[0]).toMatchObject({ path: 'period', code: 'period_format' });
      const opened = await call(secretariat, 'POST', '/periods', { period: '2031-Q2', closesOn: '2031-07-15' });
      expect(opened.statusCode).toBe(201);
      expect(opened.json()).toMatchObject({
        period: '2031-Q2',
        type: 'quarter',
        startsOn: '2031-04-01',
        endsOn: '2031-06-30',
        locked: false,
      });
      const again = await call(secretariat, 'POST', '/periods', { period: '2031-Q2', closesOn: '2031-08-15' });
      expect(again.statusCode).toBe(409);
      expect(parseProblem(again.body).reason).toBe('period_exists');
      expect((await trailOf(opened.json().id)).map((e) => e.action)).toEqual(['period.opened']);

      const indicator = await buildIndicator(ctx, { periodType: 'quarter' });
      await buildReport(ctx, {
        period: '2031-Q2',
        member,
        values: [{ indicator: indicator.key, value: 1 }],
        state: 'submitted',
      });
      const list = (await call(null, 'GET', '/periods')).json().items;
      const row = list.find((p: { period: string }) => p.period === '2031-Q2');
      expect(row.reports.submitted).toBe(1);
      expect(row.reports.not_started).toBeGreaterThan(0);
    });

    it('are reopened by the secretariat with If-Match until a later day', async () => {
      const period = await buildPeriod(ctx, { period: '2029-11', closesOn: '2030-03-01' });
      expect(period.locked).toBe(true);
      const url = `/periods/${period.period}/reopen`;
      expect((await call(focalPoint, 'POST', url, { closesOn: '2030-04-01' }, ifMatch(1))).statusCode).toBe(403);
      expect((await call(secretariat, 'POST', url, { closesOn: '2030-04-01' }, ifMatch(7))).statusCode).toBe(409);
      const earlier = await call(secretariat, 'POST', url, { closesOn: '2030-02-01' }, ifMatch(1));
      expect(parseProblem(earlier.body).errors?.[0]).toMatchObject({ path: 'closesOn', code: 'deadline_not_later' });
      const reopened = await call(
        secretariat,
        'POST',
        url,
        { closesOn: '2030-04-01', reason: 'Late data' },
        ifMatch(1),
      );
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json()).toMatchObject({ closesOn: '2030-04-01', locked: false, version: 2 });
      expect((await trailOf(period.id)).map((e) => e.action).sort()).toEqual(['period.opened', 'period.reopened']);
    });
  });

  describe('reports', () => {
    it('are read and written by their own focal points and the secretariat only (another member: 404)', async () => {
      const period = await buildPeriod(ctx);
      const indicator = await buildIndicator(ctx);
      const url = `/reports/${period.period}/${member}`;
      const notStarted = await call(focalPoint, 'GET', url);
      expect(notStarted.json()).toMatchObject({ status: 'not_started', version: 0, values: [] });
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
      expect((await call(observer, 'GET', url)).statusCode).toBe(404);
      expect((await call(otherFocalPoint, 'GET', url)).statusCode).toBe(404);
      const payload = { values: [{ indicator: indicator.key, value: 12 }] };
      expect((await call(otherFocalPoint, 'PUT', url, payload, ifMatch(0))).statusCode).toBe(404);
      expect((await call(observer, 'PUT', url, payload, ifMatch(0))).statusCode).toBe(404);
      expect((await call(secretariat, 'GET', `/reports/${period.period}/NOBODY9`)).statusCode).toBe(404);
      expect((await call(secretariat, 'GET', `/reports/2999-12/${member}`)).statusCode).toBe(404);
    });

    it('start with If-Match "0", then refuse a stale version', async () => {
      const period = await buildPeriod(ctx);
      const indicator = await buildIndicator(ctx);
      const url = `/reports/${period.period}/${member}`;
      const payload = { values: [{ indicator: indicator.key, value: 12, note: 'From the ministry' }] };
      expect((await call(focalPoint, 'PUT', url, payload)).statusCode).toBe(428);
      expect((await call(focalPoint, 'PUT', url, payload, ifMatch(1))).statusCode).toBe(409);
      const saved = await call(focalPoint, 'PUT', url, payload, ifMatch(0));
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        status: 'draft',
        version: 1,
        values: [{ indicator: indicator.key, category: null, value: 12, note: 'From the ministry', status: 'draft' }],
      });
      const stale = await call(focalPoint, 'PUT', url, payload, ifMatch(0));
      expect(stale.statusCode).toBe(409);
      expect(parseProblem(stale.body).code).toBe('version_mismatch');
    });

    it('take values per category only where the indicator has categories, of the period type, each once', async () => {
      const period = await buildPeriod(ctx);
      const split = await buildIndicator(ctx, {
        categories: [
          { key: 'oil_sales', names: { en: 'Oil' } },
          { key: 'ransom', names: { en: 'Ransom' } },
        ],
      });
      const plain = await buildIndicator(ctx);
      const yearly = await buildIndicator(ctx, { periodType: 'year' });
      const res = await call(
        focalPoint,
        'PUT',
        `/reports/${period.period}/${member}`,
        {
          values: [
            { indicator: split.key, value: 1 },
            { indicator: split.key, category: 'plunder', value: 1 },
            { indicator: plain.key, category: 'oil_sales', value: 1 },
            { indicator: yearly.key, value: 1 },
            { indicator: 'no_such_indicator', value: 1 },
            { indicator: split.key, category: 'ransom', value: 1 },
            { indicator: split.key, category: 'ransom', value: 2 },
          ],
        },
        ifMatch(0),
      );
      expect(res.statusCode).toBe(400);
      expect(parseProblem(res.body).errors?.map((e) => [e.path, e.code])).toEqual([
        ['values.0.category', 'category_required'],
        ['values.1.category', 'unknown_category'],
        ['values.2.category', 'no_categories'],
        ['values.3.indicator', 'period_type_mismatch'],
        ['values.4.indicator', 'unknown_indicator'],
        ['values.6', 'value_twice'],
      ]);
    });

    it('go submitted → returned with a reason → corrected → approved, counting in the rollups once approved', async () => {
      const period = await buildPeriod(ctx);
      const strikes = await buildIndicator(ctx);
      const revenue = await buildIndicator(ctx, {
        categories: [
          { key: 'oil_sales', names: { en: 'Oil' } },
          { key: 'ransom', names: { en: 'Ransom' } },
        ],
      });
      const url = `/reports/${period.period}/${member}`;
      let report = (
        await call(
          focalPoint,
          'PUT',
          url,
          {
            values: [
              { indicator: strikes.key, value: 40 },
              { indicator: revenue.key, category: 'oil_sales', value: 100 },
              { indicator: revenue.key, category: 'ransom', value: 5.5 },
            ],
          },
          ifMatch(0),
        )
      ).json();
      // Nothing submitted yet: nothing to approve.
      const early = await call(secretariat, 'POST', `${url}/approve`, {}, ifMatch(report.version));
      expect(parseProblem(early.body).reason).toBe('report_not_submitted');

      report = (await call(focalPoint, 'POST', `${url}/submit`, undefined, ifMatch(report.version))).json();
      expect(report.status).toBe('submitted');
      const busy = await call(focalPoint, 'PUT', url, { values: [] }, ifMatch(report.version));
      expect(busy.statusCode).toBe(409);
      expect(parseProblem(busy.body).reason).toBe('report_under_review');
      expect((await call(focalPoint, 'POST', `${url}/approve`, {}, ifMatch(report.version))).statusCode).toBe(403);

      const returned = await call(
        secretariat,
        'POST',
        `${url}/return`,
        { reason: 'Ransom looks low', values: [{ indicator: revenue.key, category: 'ransom' }] },
        ifMatch(report.version),
      );
      expect(returned.statusCode).toBe(200);
      report = returned.json();
      expect(report.status).toBe('returned');
      expect(report.returnReason).toBe('Ransom looks low');
      // The member sees it back with its reason.
      const mine = (await call(focalPoint, 'GET', url)).json();
      const ransom = mine.values.find((v: { category: string }) => v.category === 'ransom');
      expect(ransom).toMatchObject({ status: 'returned', returnReason: 'Ransom looks low', value: 5.5 });

      report = (
        await call(
          focalPoint,
          'PUT',
          url,
          {
            values: [
              { indicator: strikes.key, value: 40 },
              { indicator: revenue.key, category: 'oil_sales', value: 100 },
              { indicator: revenue.key, category: 'ransom', value: 55 },
            ],
          },
          ifMatch(report.version),
        )
      ).json();
      expect(report.values.filter((v: { status: string }) => v.status === 'draft')).toHaveLength(1);
      report = (await call(focalPoint, 'POST', `${url}/submit`, undefined, ifMatch(report.version))).json();
      expect(await rollupOf(revenue.id, period.period)).toEqual([]);
      const approved = await call(secretariat, 'POST', `${url}/approve`, {}, ifMatch(report.version));
      expect(approved.statusCode, approved.body).toBe(200);
      report = approved.json();
      expect(report.status).toBe('approved');
      expect(report.values.every((v: { approvedValue: number; value: number }) => v.approvedValue === v.value)).toBe(
        true,
      );
      expect(await rollupOf(revenue.id, period.period)).toEqual([
        { category: '', sum: 155, members: 1 },
        { category: 'oil_sales', sum: 100, members: 1 },
        { category: 'ransom', sum: 55, members: 1 },
      ]);
      expect((await trailOf(revenue.id)).map((e) => e.action)).toEqual(['indicator.created']);
    });

    it('keep counting an approved figure while the member revises it, until the revision is approved', async () => {
      const period = await buildPeriod(ctx);
      const strikes = await buildIndicator(ctx);
      let report = await buildReport(ctx, {
        period: period.period,
        member,
        values: [{ indicator: strikes.key, value: 10 }],
        state: 'approved',
      });
      expect(await rollupOf(strikes.id, period.period)).toEqual([{ category: '', sum: 10, members: 1 }]);
      const url = `/reports/${period.period}/${member}`;
      report = (
        await call(focalPoint, 'PUT', url, { values: [{ indicator: strikes.key, value: 12 }] }, ifMatch(report.version))
      ).json();
      expect(report.status).toBe('draft');
      expect(report.values[0]).toMatchObject({ value: 12, approvedValue: 10, status: 'draft' });
      expect(await rollupOf(strikes.id, period.period)).toEqual([{ category: '', sum: 10, members: 1 }]);
      report = (await call(focalPoint, 'POST', `${url}/submit`, undefined, ifMatch(report.version))).json();
      report = (await call(secretariat, 'POST', `${url}/approve`, {}, ifMatch(report.version))).json();
      expect(report.values[0]).toMatchObject({ value: 12, approvedValue: 12, status: 'approved' });
      expect(await rollupOf(strikes.id, period.period)).toEqual([{ category: '', sum: 12, members: 1 }]);
    });

    it('refuse a member’s changes after the period closes (409), not the secretariat’s', async () => {
      const period = await buildPeriod(ctx, { period: '2029-12', closesOn: '2030-03-11' });
      const strikes = await buildIndicator(ctx);
      const url = `/reports/${period.period}/${member}`;
      const payload = { values: [{ indicator: strikes.key, value: 3 }] };
      const refused = await call(focalPoint, 'PUT', url, payload, ifMatch(0));
      expect(refused.statusCode).toBe(409);
      expect(parseProblem(refused.body)).toMatchObject({
        reason: 'period_locked',
        params: { period: period.period, closesOn: '2030-03-11' },
      });
      expect((await call(focalPoint, 'GET', url)).json()).toMatchObject({ locked: true, status: 'not_started' });
      const bySecretariat = await call(secretariat, 'PUT', url, payload, ifMatch(0));
      expect(bySecretariat.statusCode).toBe(200);
      const submit = await call(focalPoint, 'POST', `${url}/submit`, undefined, ifMatch(1));
      expect(parseProblem(submit.body).reason).toBe('period_locked');
    });

    it('are queued for the secretariat by period and status; a focal point sees their own member only', async () => {
      const period = await buildPeriod(ctx);
      const strikes = await buildIndicator(ctx);
      const other = (await buildMember(ctx)).code;
      await buildReport(ctx, {
        period: period.period,
        member: other,
        values: [{ indicator: strikes.key, value: 1 }],
        state: 'submitted',
      });
      const queue = (await call(secretariat, 'GET', `/reports?period=${period.period}`)).json().items;
      expect(queue.find((r: { member: { code: string } }) => r.member.code === other)).toMatchObject({
        status: 'submitted',
        values: 1,
      });
      expect(queue.find((r: { member: { code: string } }) => r.member.code === member)).toMatchObject({
        status: 'not_started',
        version: 0,
      });
      const submitted = (await call(secretariat, 'GET', `/reports?period=${period.period}&status=submitted`)).json()
        .items;
      expect(submitted.map((r: { member: { code: string } }) => r.member.code)).toEqual([other]);
      const mine = (await call(focalPoint, 'GET', `/reports?period=${period.period}`)).json().items;
      expect(mine.map((r: { member: { code: string } }) => r.member.code)).toEqual([member]);
      expect((await call(observer, 'GET', '/reports')).statusCode).toBe(403);
      expect((await call(null, 'GET', '/reports')).statusCode).toBe(401);
    });

    it('audits every step', async () => {
      const period = await buildPeriod(ctx);
      const strikes = await buildIndicator(ctx);
      const values = [{ indicator: strikes.key, value: 1 }];
      await buildReport(ctx, { period: period.period, member, values, state: 'returned' });
      const res = await call(secretariat, 'GET', '/audit?entityType=report&limit=200');
      const actions = (res.json().items as { action: string }[]).map((e) => e.action);
      for (const action of ['report.saved', 'report.submitted', 'report.returned', 'report.approved']) {
        expect(actions).toContain(action);
      }
    });
  });
});
