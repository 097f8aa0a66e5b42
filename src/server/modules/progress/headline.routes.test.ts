import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/members.js';
import type { HeadlineFigures, MemberContributions } from '../../../shared/progress.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMember } from '../../test/factories.js';
import { approveValues, buildFiguresIndicator } from '../../test/figures-factories.js';
import { createTestApp, engines, parseProblem, signedInUser, type TestContext } from '../../test/harness.js';

describe.each(engines)('headline figures and members contributions on %s', (engine) => {
  let ctx: TestContext;
  let alpha: Member;
  let beta: Member;
  let quiet: Member;
  let cookie: string;
  const leak = `Leak-${randomUUID()}`;
  const keys = { flow: '', stock: '', coalition: '', empty: '' };

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock('2027-03-01T09:00:00Z') });
    [alpha, beta, quiet] = [await buildMember(ctx), await buildMember(ctx), await buildMember(ctx)];
    cookie = (await signedInUser(ctx, 'observer')).cookie;
    const flow = await buildFiguresIndicator(ctx, { timeAggregation: 'flow', unit: 'strikes' });
    const stock = await buildFiguresIndicator(ctx, { timeAggregation: 'stock', unit: 'people' });
    const coalition = await buildFiguresIndicator(ctx, {
      visibility: 'coalition',
      names: { en: leak, fr: leak, ar: leak },
      unit: leak,
    });
    const empty = await buildFiguresIndicator(ctx, { names: { en: `Empty ${leak}` } });
    Object.assign(keys, { flow: flow.key, stock: stock.key, coalition: coalition.key, empty: empty.key });
    await approveValues(ctx, flow.id, [
      { memberId: alpha.id, period: '2015-01', value: 10 },
      { memberId: alpha.id, period: '2015-02', value: 5 },
      { memberId: beta.id, period: '2015-02', value: 7 },
    ]);
    // Not approved: counts nowhere, not even as a member's latest period.
    await approveValues(ctx, flow.id, [{ memberId: alpha.id, period: '2015-03', value: 1000, approved: false }]);
    await approveValues(ctx, stock.id, [
      { memberId: alpha.id, period: '2015-01', value: 300 },
      { memberId: alpha.id, period: '2015-02', value: 250 },
      { memberId: beta.id, period: '2015-02', value: 40 },
    ]);
    await approveValues(ctx, coalition.id, [{ memberId: alpha.id, period: '2015-01', value: 99 }]);
    await approveValues(ctx, empty.id, [{ memberId: alpha.id, period: '2015-01', value: 5, approved: false }]);
    // Many writes through the API: on a busy machine, more than the default minute.
  }, 180_000);
  afterAll(() => ctx?.close());

  const get = (url: string, withCookie?: string) =>
    ctx.app.inject({ url, headers: withCookie ? { cookie: withCookie } : {} });

  it('GET /figures/headline: each public indicator with approved values, its total and latest period; nothing else', async () => {
    const res = await get('/api/v1/figures/headline');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(leak);
    const items = (res.json() as HeadlineFigures).items;
    const flow = items.find((i) => i.indicator === keys.flow);
    expect(flow).toMatchObject({ unit: 'strikes', total: 22, latest: { period: '2015-02', value: 12, members: 2 } });
    const stock = items.find((i) => i.indicator === keys.stock);
    expect(stock).toMatchObject({ unit: 'people', total: 290, latest: { period: '2015-02', value: 290 } });
    expect(items.map((i) => i.indicator)).not.toContain(keys.coalition);
    expect(items.map((i) => i.indicator)).not.toContain(keys.empty);
  });

  it('GET /figures/headline signed in: coalition indicators too', async () => {
    const res = await get('/api/v1/figures/headline', cookie);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as HeadlineFigures).items;
    expect(items.find((i) => i.indicator === keys.coalition)).toMatchObject({ total: 99 });
  });

  it('GET /members/:code/contributions: 400 for a malformed code, 404 for one nobody has', async () => {
    const bad = await get('/api/v1/members/not%20a%20code/contributions');
    expect(bad.statusCode).toBe(400);
    expect(parseProblem(bad.body).status).toBe(400);
    const missing = await get('/api/v1/members/ZZ9/contributions');
    expect(missing.statusCode).toBe(404);
    expect(parseProblem(missing.body).status).toBe(404);
  });

  it("GET /members/:code/contributions: the member's approved values of public indicators, a flow summed, a stock's latest", async () => {
    const res = await get(`/api/v1/members/${alpha.code}/contributions`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(leak);
    const body = res.json() as MemberContributions;
    expect(body.member).toBe(alpha.code);
    expect(body.items.find((i) => i.indicator === keys.flow)).toMatchObject({ value: 15, through: '2015-02' });
    expect(body.items.find((i) => i.indicator === keys.stock)).toMatchObject({ value: 250, through: '2015-02' });
    expect(body.items.map((i) => i.indicator)).not.toContain(keys.coalition);
    expect(body.items.map((i) => i.indicator)).not.toContain(keys.empty);

    const none = (await get(`/api/v1/members/${quiet.code}/contributions`)).json() as MemberContributions;
    expect(none.items).toEqual([]);
  });

  it('GET /members/:code/contributions signed in: coalition indicators too', async () => {
    const body = (await get(`/api/v1/members/${alpha.code}/contributions`, cookie)).json() as MemberContributions;
    expect(body.items.find((i) => i.indicator === keys.coalition)).toMatchObject({ value: 99 });
  });
});
