import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOfEffort } from '../../db/schema/progress.js';
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
import { buildFxRates, buildPledge, buildPledgeEvent } from '../../test/pledge-factories.js';
import { buildLineOfEffort } from '../../test/progress-factories.js';
import { usdTotalsByLineOfEffort } from './pledges.totals.js';

describe.each(engines)('pledges routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let focal: TestUser & { memberCode: string | null };
  let line: string;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock('2027-03-01T09:00:00Z') });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    focal = await buildUser(ctx, { role: 'focal_point' });
    line = (await buildLineOfEffort(ctx)).key;
  });
  afterAll(() => ctx?.close());

  const as = (user: TestUser | null) => (user ? { cookie: user.cookie } : {});
  const post = (user: TestUser | null, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, headers: { ...as(user), ...headers }, payload: payload as object });
  const event = (user: TestUser | null, id: string, version: number, payload: unknown) =>
    post(user, `/api/v1/pledges/${id}/events`, payload, { 'if-match': `"${version}"` });
  const fieldErrors = (body: string) => parseProblem(body).errors?.map((e) => [e.path, e.code]) ?? [];

  describe('POST /pledges', () => {
    it('records a financial pledge for a member, audited, with its minor digits', async () => {
      const member = (await buildMember(ctx)).code;
      const res = await post(secretariat, '/api/v1/pledges', {
        memberCode: member,
        lineOfEffort: line,
        kind: 'financial',
        amountMinor: 5_000_000,
        currency: 'KWD',
        valueDate: '2015-04-01',
        note: 'Kuwait conference',
      });
      expect(res.statusCode).toBe(201);
      const pledge = res.json();
      expect(pledge).toMatchObject({
        member: { code: member },
        lineOfEffort: line,
        status: 'pledged',
        amountMinor: 5_000_000,
        currency: 'KWD',
        minorDigits: 3,
        committedMinor: null,
        disbursedMinor: 0,
        usd: { usd: null, rate: null, rateDate: '2015-04-01' },
        events: [],
        version: 1,
      });
      expect(res.headers.location).toBe(`/api/v1/pledges/${pledge.id}`);
      const audit = await ctx.app.inject({
        url: `/api/v1/audit?entityType=pledge&entityId=${pledge.id}`,
        headers: as(secretariat),
      });
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['pledge.created']);
    });

    it('records an in-kind pledge', async () => {
      const pledge = await buildPledge(ctx, { kind: 'in_kind', lineOfEffort: line });
      expect(pledge).toMatchObject({ kind: 'in_kind', quantity: 10, unit: 'trucks', usd: null, committedMinor: null });
    });

    it('names each field a kind lacks or must not have, an unknown currency, member and line (400)', async () => {
      const base = { memberCode: (await buildMember(ctx)).code, lineOfEffort: line };
      const financial = await post(secretariat, '/api/v1/pledges', {
        ...base,
        kind: 'financial',
        amountMinor: 10,
        quantity: 3,
      });
      expect(financial.statusCode).toBe(400);
      expect(fieldErrors(financial.body)).toEqual([
        ['currency', 'financial_fields'],
        ['valueDate', 'financial_fields'],
        ['quantity', 'financial_fields'],
      ]);
      const inKind = await post(secretariat, '/api/v1/pledges', {
        ...base,
        kind: 'in_kind',
        amountMinor: 10,
        unit: 'x',
      });
      expect(fieldErrors(inKind.body)).toEqual([
        ['description', 'in_kind_fields'],
        ['quantity', 'in_kind_fields'],
        ['amountMinor', 'in_kind_fields'],
      ]);
      const unknown = await post(secretariat, '/api/v1/pledges', {
        memberCode: 'ZZZ9',
        lineOfEffort: 'LOE99-none',
        kind: 'financial',
        amountMinor: 10,
        currency: 'XYZ',
        valueDate: '2015-01-01',
      });
      expect(fieldErrors(unknown.body)).toEqual([
        ['currency', 'unknown_currency'],
        ['memberCode', 'unknown_member'],
        ['lineOfEffort', 'unknown_line_of_effort'],
      ]);
      const shape = await post(secretariat, '/api/v1/pledges', { ...base, kind: 'financial', currency: 'eur' });
      expect(fieldErrors(shape.body)).toContainEqual(['currency', 'invalid_format']);
    });

    it('lets a focal point record their own member’s pledges only; observers and the public none', async () => {
      const own = await post(focal, '/api/v1/pledges', {
        memberCode: focal.memberCode,
        lineOfEffort: line,
        kind: 'in_kind',
        description: 'Tents',
        quantity: 500,
        unit: 'tents',
      });
      expect(own.statusCode).toBe(201);
      const body = {
        memberCode: (await buildMember(ctx)).code,
        lineOfEffort: line,
        kind: 'in_kind',
        description: 'x',
        quantity: 1,
        unit: 'u',
      };
      expect((await post(focal, '/api/v1/pledges', body)).statusCode).toBe(403);
      expect((await post(observer, '/api/v1/pledges', body)).statusCode).toBe(403);
      expect((await post(null, '/api/v1/pledges', body)).statusCode).toBe(401);
    });
  });

  describe('GET /pledges and /pledges/:id', () => {
    it('shows pledges to everyone, filtered', async () => {
      const member = (await buildMember(ctx)).code;
      const financial = await buildPledge(ctx, { memberCode: member, lineOfEffort: line });
      const inKind = await buildPledge(ctx, { memberCode: member, lineOfEffort: line, kind: 'in_kind' });
      const all = await ctx.app.inject({ url: `/api/v1/pledges?member=${member}` });
      expect(all.statusCode).toBe(200);
      expect(
        all
          .json()
          .items.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual([financial.id, inKind.id].sort());
      const kinds = await ctx.app.inject({ url: `/api/v1/pledges?member=${member}&kind=in_kind` });
      expect(kinds.json().items.map((p: { id: string }) => p.id)).toEqual([inKind.id]);
      const one = await ctx.app.inject({ url: `/api/v1/pledges/${financial.id}` });
      expect(one.json()).toMatchObject({ id: financial.id, member: { code: member } });
      expect(one.headers.etag).toBe('"1"');
      expect((await ctx.app.inject({ url: '/api/v1/pledges/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
        404,
      );
      expect((await ctx.app.inject({ url: '/api/v1/pledges/nope' })).statusCode).toBe(400);
      expect((await ctx.app.inject({ url: '/api/v1/pledges?status=lost' })).statusCode).toBe(400);
    });
  });

  describe('POST /pledges/:id/events', () => {
    it('commits, disburses in parts that add up, then refuses past the committed amount', async () => {
      let pledge = await buildPledge(ctx, { lineOfEffort: line, amountMinor: 1_000_00 });
      const early = await event(secretariat, pledge.id, 1, { status: 'disbursed', on: '2015-04-01', amountMinor: 10 });
      expect(early.statusCode).toBe(409);
      expect(parseProblem(early.body)).toMatchObject({ reason: 'pledge_status', params: { status: 'pledged' } });
      const over = await event(secretariat, pledge.id, 1, {
        status: 'committed',
        on: '2015-04-01',
        amountMinor: 1_000_01,
      });
      expect(fieldErrors(over.body)).toEqual([['amountMinor', 'too_big']]);
      const committed = await event(secretariat, pledge.id, 1, {
        status: 'committed',
        on: '2015-04-01',
        amountMinor: 800_00,
      });
      expect(committed.statusCode).toBe(200);
      pledge = committed.json();
      expect(pledge).toMatchObject({ status: 'committed', committedMinor: 800_00, disbursedMinor: 0, version: 2 });
      const stale = await event(secretariat, pledge.id, 1, { status: 'disbursed', on: '2015-05-01', amountMinor: 10 });
      expect(stale.statusCode).toBe(409);
      const noAmount = await event(secretariat, pledge.id, 2, { status: 'disbursed', on: '2015-05-01' });
      expect(fieldErrors(noAmount.body)).toEqual([['amountMinor', 'required']]);
      const backwards = await event(secretariat, pledge.id, 2, {
        status: 'disbursed',
        on: '2015-03-01',
        amountMinor: 1,
      });
      expect(fieldErrors(backwards.body)).toEqual([['on', 'before_start']]);
      pledge = (
        await event(secretariat, pledge.id, 2, { status: 'disbursed', on: '2015-05-01', amountMinor: 500_00 })
      ).json();
      expect(pledge).toMatchObject({ status: 'disbursed', disbursedMinor: 500_00 });
      const tooMuch = await event(secretariat, pledge.id, 3, {
        status: 'disbursed',
        on: '2015-06-01',
        amountMinor: 300_01,
      });
      expect(tooMuch.statusCode).toBe(400);
      expect(parseProblem(tooMuch.body).errors?.[0]).toMatchObject({
        path: 'amountMinor',
        code: 'over_committed',
        params: { remainingMinor: 300_00 },
      });
      pledge = (
        await event(secretariat, pledge.id, 3, { status: 'disbursed', on: '2015-06-01', amountMinor: 300_00 })
      ).json();
      expect(pledge).toMatchObject({ status: 'disbursed', disbursedMinor: 800_00, version: 4 });
      expect(pledge.events.map((e) => [e.status, e.amountMinor])).toEqual([
        ['committed', 800_00],
        ['disbursed', 500_00],
        ['disbursed', 300_00],
      ]);
      // Fully paid: nothing left to withdraw.
      const withdraw = await event(secretariat, pledge.id, 4, { status: 'withdrawn', on: '2015-07-01' });
      expect(withdraw.statusCode).toBe(409);
      const audit = await ctx.app.inject({
        url: `/api/v1/audit?entityType=pledge&entityId=${pledge.id}`,
        headers: as(secretariat),
      });
      expect(
        audit
          .json()
          .items.map((e: { action: string }) => e.action)
          .sort(),
      ).toEqual(['pledge.created', 'pledge.committed', 'pledge.disbursed', 'pledge.disbursed'].sort());
    });

    it('commits the pledged amount by default; withdraws a partly disbursed pledge; nothing follows a withdrawal', async () => {
      const pledge = await buildPledge(ctx, { lineOfEffort: line, amountMinor: 900 });
      expect(await buildPledgeEvent(ctx, pledge, { status: 'committed', on: '2015-04-01' })).toMatchObject({
        committedMinor: 900,
      });
      await buildPledgeEvent(ctx, pledge, { status: 'disbursed', on: '2015-04-02', amountMinor: 100 });
      const withdrawn = await buildPledgeEvent(ctx, pledge, {
        status: 'withdrawn',
        on: '2015-04-03',
        note: 'Budget cut',
      });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', disbursedMinor: 100 });
      const after = await event(secretariat, pledge.id, withdrawn.version, { status: 'committed', on: '2015-05-01' });
      expect(after.statusCode).toBe(409);
      expect(parseProblem(after.body)).toMatchObject({ reason: 'pledge_status', params: { status: 'withdrawn' } });
      const twice = await buildPledge(ctx, { lineOfEffort: line });
      await buildPledgeEvent(ctx, twice, { status: 'committed', on: '2015-04-01' });
      expect((await event(secretariat, twice.id, 2, { status: 'committed', on: '2015-04-02' })).statusCode).toBe(409);
    });

    it('answers 404 to a focal point writing to another member’s pledge, 403 to an observer, 401 signed out', async () => {
      const theirs = await buildPledge(ctx, { lineOfEffort: line });
      const body = { status: 'committed', on: '2015-04-01' };
      expect((await event(focal, theirs.id, 1, body)).statusCode).toBe(404);
      expect((await event(observer, theirs.id, 1, body)).statusCode).toBe(403);
      expect((await event(null, theirs.id, 1, body)).statusCode).toBe(401);
      const mine = await buildPledge(ctx, { lineOfEffort: line, memberCode: focal.memberCode as string });
      expect((await event(focal, mine.id, 1, body)).statusCode).toBe(200);
      const noIfMatch = await post(secretariat, `/api/v1/pledges/${theirs.id}/events`, body);
      expect(noIfMatch.statusCode).toBe(428);
    });
  });

  describe('PATCH /pledges/:id', () => {
    it('corrects a pledge while it is only pledged', async () => {
      const pledge = await buildPledge(ctx, { lineOfEffort: line });
      const patch = (version: number, payload: unknown, user: TestUser = secretariat) =>
        ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/pledges/${pledge.id}`,
          headers: { ...as(user), 'if-match': `"${version}"` },
          payload: payload as object,
        });
      const fixed = await patch(1, { amountMinor: 123_45, currency: 'USD' });
      expect(fixed.json()).toMatchObject({
        amountMinor: 123_45,
        currency: 'USD',
        usd: { usd: 123.45, rate: 1 },
        version: 2,
      });
      expect(fieldErrors((await patch(2, { quantity: 3 })).body)).toEqual([['quantity', 'financial_fields']]);
      expect((await patch(2, { note: 'x' }, focal)).statusCode).toBe(404);
      await buildPledgeEvent(ctx, pledge, { status: 'committed', on: '2015-04-01' });
      const late = await patch(3, { amountMinor: 1 });
      expect(parseProblem(late.body)).toMatchObject({ status: 409, reason: 'pledge_status' });
    });
  });

  describe('FX rates', () => {
    const importCsv = (user: TestUser | null, csv: string) =>
      post(user, '/api/v1/fx-rates/import', csv, { 'content-type': 'text/csv' });

    it('imports a CSV, then replaces a day’s rate on a second import; lists the table', async () => {
      const first = await importCsv(
        secretariat,
        'date,currency,usd_per_unit\n2016-01-04,EUR,1.0898\n2016-01-04,JPY,0.008343\n',
      );
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ imported: 2, replaced: 0 });
      const second = await importCsv(
        secretariat,
        'date,currency,usd_per_unit\r\n2016-01-04,EUR,1.09\r\n2016-01-05,EUR,1.0746\r\n',
      );
      expect(second.json()).toEqual({ imported: 1, replaced: 1 });
      const list = await ctx.app.inject({ url: '/api/v1/fx-rates?currency=EUR&from=2016-01-01&to=2016-01-31' });
      expect(list.json().items).toEqual([
        { date: '2016-01-04', currency: 'EUR', usdPerUnit: 1.09 },
        { date: '2016-01-05', currency: 'EUR', usdPerUnit: 1.0746 },
      ]);
      const audit = await ctx.app.inject({ url: '/api/v1/audit?entityType=fx_rates', headers: as(secretariat) });
      expect(audit.json().items.map((e: { after: unknown }) => e.after)).toContainEqual(
        expect.objectContaining({ imported: 1, replaced: 1, rows: 2, currencies: ['EUR'] }),
      );
    });

    it('reports every bad line with its line and column before writing anything', async () => {
      const csv = [
        'date,currency,usd_per_unit',
        '2016-02-01,EUR,1.1',
        '2016-02-30,EUR,1.1',
        '2016-02-02,XYZ,1',
        '',
        '2016-02-03,GBP,abc',
        '2016-02-04,GBP,0',
        '2016-02-01,EUR,1.2',
        '2016-02-05,GBP',
      ].join('\n');
      const res = await importCsv(secretariat, csv);
      expect(res.statusCode).toBe(400);
      expect(fieldErrors(res.body)).toEqual([
        ['line.3.date', 'invalid_format'],
        ['line.4.currency', 'unknown_currency'],
        ['line.6.usd_per_unit', 'not_a_number'],
        ['line.7.usd_per_unit', 'too_small'],
        ['line.8.date', 'rate_twice'],
        ['line.9', 'invalid_format'],
      ]);
      const list = await ctx.app.inject({ url: '/api/v1/fx-rates?from=2016-02-01&to=2016-02-28' });
      expect(list.json().items).toEqual([]);
      const header = await importCsv(secretariat, 'day,currency,rate\n2016-02-01,EUR,1');
      expect(fieldErrors(header.body)).toEqual([['line.1', 'invalid_format']]);
    });

    it('is the secretariat’s to import; a JSON body is refused', async () => {
      const csv = 'date,currency,usd_per_unit\n2016-03-01,EUR,1.1';
      expect((await importCsv(observer, csv)).statusCode).toBe(403);
      expect((await importCsv(focal, csv)).statusCode).toBe(403);
      expect((await importCsv(null, csv)).statusCode).toBe(401);
      const json = await post(secretariat, '/api/v1/fx-rates/import', { date: '2016-03-01' });
      expect(json.statusCode).toBe(400);
    });
  });

  describe('GET /pledges/totals', () => {
    it('sums pledged, committed and disbursed in USD at each value date’s exact rate; says missing rates', async () => {
      const member = (await buildMember(ctx)).code;
      const ownLine = (await buildLineOfEffort(ctx)).key;
      await buildFxRates(ctx, [
        ['2017-01-02', 'EUR', '1.0455'],
        ['2017-01-02', 'JPY', '0.008553'],
        ['2017-01-03', 'GBP', '1.2291'],
      ]);
      const pledge = (fields: Record<string, unknown>) =>
        buildPledge(ctx, { memberCode: member, lineOfEffort: ownLine, ...fields });
      // 1,000,000.00 EUR committed, 250,000.01 EUR disbursed.
      const eur = await pledge({ amountMinor: 100_000_000, currency: 'EUR', valueDate: '2017-01-02' });
      await buildPledgeEvent(ctx, eur, { status: 'committed', on: '2017-02-01' });
      await buildPledgeEvent(ctx, eur, { status: 'disbursed', on: '2017-03-01', amountMinor: 25_000_001 });
      // 3 JPY, only pledged: counts as pledged, not as funding.
      await pledge({ amountMinor: 3, currency: 'JPY', valueDate: '2017-01-02' });
      // GBP on a day with no rate (the 3rd has one; the 4th does not): left out and said.
      await pledge({ amountMinor: 500, currency: 'GBP', valueDate: '2017-01-04' });
      // Withdrawn before any payment: counts for nothing.
      const gone = await pledge({ amountMinor: 999_999, currency: 'EUR', valueDate: '2017-01-02' });
      await buildPledgeEvent(ctx, gone, { status: 'withdrawn', on: '2017-02-01' });
      await pledge({ kind: 'in_kind' });

      const res = await ctx.app.inject({ url: '/api/v1/pledges/totals?by=member' });
      expect(res.statusCode).toBe(200);
      const totals = res.json();
      const item = totals.items.find((i: { member: { code: string } }) => i.member.code === member);
      // 1,000,000.00 × 1.0455 = 1,045,500.00; 3 × 0.008553 = 0.025659 → pledged 1,045,500.03 (rounded once, at the end).
      expect(item).toEqual({
        member: expect.objectContaining({ code: member }),
        lineOfEffort: null,
        pledgedUsd: 1_045_500.03,
        committedUsd: 1_045_500,
        // 250,000.01 × 1.0455 = 261,375.010455
        disbursedUsd: 261_375.01,
        unconverted: 1,
        inKind: 1,
      });
      expect(totals.missingRates).toContainEqual({ currency: 'GBP', date: '2017-01-04' });
      expect(totals.rates).toEqual(
        expect.arrayContaining([
          { currency: 'EUR', date: '2017-01-02', usdPerUnit: 1.0455 },
          { currency: 'JPY', date: '2017-01-02', usdPerUnit: 0.008553 },
        ]),
      );
      expect(totals.rates).not.toContainEqual(expect.objectContaining({ currency: 'GBP', date: '2017-01-03' }));
      const byLine = (await ctx.app.inject({ url: '/api/v1/pledges/totals?by=lineOfEffort' })).json();
      expect(byLine.items.find((i: { lineOfEffort: string }) => i.lineOfEffort === ownLine)).toMatchObject({
        member: null,
        pledgedUsd: 1_045_500.03,
        committedUsd: 1_045_500,
        disbursedUsd: 261_375.01,
      });
      // What the line-of-effort page reads, by the line's id: the same sums.
      const lineId = (
        await ctx.database.db.select({ id: linesOfEffort.id }).from(linesOfEffort).where(eq(linesOfEffort.key, ownLine))
      )[0]?.id;
      expect((await usdTotalsByLineOfEffort(ctx.database.db)).get(lineId as string)).toEqual({
        pledgedUsd: 1_045_500.03,
        committedUsd: 1_045_500,
        disbursedUsd: 261_375.01,
      });
      // The rate arrives: the next read counts the pledge.
      await buildFxRates(ctx, [['2017-01-04', 'GBP', '1.2264']]);
      const later = (await ctx.app.inject({ url: '/api/v1/pledges/totals?by=member' })).json();
      expect(later.items.find((i: { member: { code: string } }) => i.member.code === member)).toMatchObject({
        pledgedUsd: 1_045_506.16,
        unconverted: 0,
      });
      expect((await ctx.app.inject({ url: '/api/v1/pledges/totals?by=year' })).statusCode).toBe(400);
    });
  });
});
