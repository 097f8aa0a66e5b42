import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/audit.js';
import { sessions, users } from '../db/schema/auth.js';
import { delegates, delegations, meetings } from '../db/schema/meetings.js';
import { actors, members, people } from '../db/schema/members.js';
import { createTestApp, engines, signedInUser, type TestContext, type TestUser } from './harness.js';

/**
 * Hostile input at the write routes: whatever arrives, the answer is never a 5xx, and a
 * refused request changes nothing at all.
 */
describe.each(engines)('hostile input on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let brusselsId: string;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { rateLimitPerMinute: 1_000_000 });
    secretariat = await signedInUser(ctx, 'secretariat');
    const list = (await ctx.app.inject({ url: '/api/v1/meetings' })).json().items;
    brusselsId = list.find((m: { startDate: string }) => m.startDate === '2014-12-03').id;
  });
  afterAll(() => ctx?.close());

  /** Everything a request could have changed, as one comparable value. */
  async function snapshot() {
    const db = ctx.database.db;
    const [m, u, s, p, a, e, mt, dl, dg] = await Promise.all([
      db.select().from(members),
      db.select().from(users),
      db.select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions),
      db.select().from(people),
      db.select().from(actors),
      db.select({ id: auditEvents.id }).from(auditEvents),
      db.select().from(meetings),
      db.select().from(delegations),
      db.select().from(delegates),
    ]);
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    const bySeat = (x: { personId: string }, y: { personId: string }) => x.personId.localeCompare(y.personId);
    return JSON.stringify([
      m.sort(byId),
      u.sort(byId),
      s.sort(byId),
      p.sort(byId),
      a.sort(byId),
      e.length,
      mt.sort(byId),
      dl.sort(byId),
      dg.sort(bySeat),
    ]);
  }

  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '💥',
      'USA',
      'usa',
      'XKX',
      'EU',
      "'; drop table members; --",
      '%00',
      '../../etc',
    ),
  );
  const jsonish = fc.oneof(fc.jsonValue(), fc.dictionary(text, fc.jsonValue()));
  const memberBody = fc.record(
    {
      code: fc.oneof(text, fc.integer(), fc.constant(null)),
      kind: fc.oneof(fc.constantFrom('state', 'organization', 'STATE', ''), text),
      names: fc.oneof(fc.record({ en: text, fr: text, ar: text }, { requiredKeys: [] }), jsonish),
      status: fc.oneof(fc.constantFrom('active', 'former'), text),
      joinedOn: fc.oneof(
        fc.constantFrom('2014-02-30', '2014-13-01', '0000-00-00', '2014-09-11'),
        text,
        fc.constant(null),
      ),
      leftOn: fc.oneof(fc.constantFrom('1900-01-01', '9999-12-31'), text),
      note: fc.oneof(text, fc.string({ minLength: 2001, maxLength: 2100 })),
      extra: jsonish,
    },
    { requiredKeys: [] },
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
  );
  const ifMatch = fc.oneof(fc.constantFrom('"1"', 'W/"1"', '*', '"999999999999"', '-1', '"a"', ''), text);
  const code = fc.oneof(
    fc.constantFrom('USA', 'usa', 'ZZZ', 'EU', '%E2%82', '..', 'A'.repeat(300)),
    text.map(encodeURIComponent),
  );

  const meetingBody = fc.record(
    {
      kind: fc.oneof(fc.constantFrom('ministerial', 'small_group', 'other'), text),
      title: fc.oneof(text, fc.string({ minLength: 301, maxLength: 320 })),
      timeZone: fc.oneof(fc.constantFrom('Europe/Brussels', 'Mars/Olympus', 'UTC', 'EST', '+01:00'), text),
      startDate: fc.oneof(fc.constantFrom('2027-02-30', '2027-01-01', '99999-01-01'), text),
      endDate: fc.oneof(fc.constantFrom('2026-12-31', '2027-01-02'), text),
      startTime: fc.oneof(fc.constantFrom('24:00', '10:00', '9:00', '10:00:00'), text, fc.constant(null)),
      hostCode: fc.oneof(fc.constantFrom('USA', 'ZZZ', 'EU'), text),
      chairIds: fc.oneof(fc.array(fc.uuid()), jsonish),
      restrictedTo: fc.oneof(fc.array(fc.constantFrom('IRQ', 'ZZZ', '')), jsonish),
      seatQuota: fc.oneof(fc.constantFrom('1+3', '2+1', '1+999', '1+-1'), text),
      agenda: fc.oneof(fc.array(fc.record({ title: text }), { maxLength: 3 }), jsonish),
      extra: jsonish,
    },
    { requiredKeys: [] },
  );
  const delegateInput = fc.oneof(fc.record({ personId: fc.uuid() }), fc.record({ name: text, title: text }), jsonish);
  const delegationBody = fc.record(
    {
      level: fc.oneof(fc.constantFrom('minister', 'king', null), text),
      head: fc.oneof(delegateInput, fc.constant(null)),
      alternates: fc.oneof(fc.array(delegateInput, { maxLength: 6 }), jsonish),
      advisers: fc.oneof(fc.array(delegateInput, { maxLength: 6 }), jsonish),
      attendance: fc.oneof(fc.constantFrom('present', 'absent', 'maybe'), text),
    },
    { requiredKeys: [] },
  );
  const meetingPath = fc.oneof(
    fc.constant('BRUSSELS'),
    fc.constantFrom('00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%E2%82'),
    text.map(encodeURIComponent),
  );

  const request = fc.oneof(
    fc.record({
      method: fc.constant('POST'),
      url: fc.constant('/api/v1/meetings'),
      body: meetingBody,
      raw: fc.option(text),
    }),
    fc.record({
      method: fc.constant('PATCH'),
      url: meetingPath.map((id) => `/api/v1/meetings/${id}`),
      body: meetingBody,
      raw: fc.option(text),
      ifMatch,
    }),
    fc.record({
      method: fc.constant('PUT'),
      url: fc
        .tuple(meetingPath, fc.constantFrom('delegations', 'attendance'), code)
        .map(([id, sub, c]) => `/api/v1/meetings/${id}/${sub}/${c}`),
      body: delegationBody,
      raw: fc.option(text),
      ifMatch,
    }),
    fc.record({
      method: fc.constant('POST'),
      url: fc.constant('/api/v1/members'),
      body: memberBody,
      raw: fc.option(text),
    }),
    fc.record({
      method: fc.constantFrom('PATCH', 'PUT', 'DELETE'),
      url: code.map((c) => `/api/v1/members/${c}`),
      body: memberBody,
      raw: fc.option(text),
      ifMatch,
    }),
    fc.record({
      method: fc.constant('POST'),
      url: fc.constant('/api/v1/auth/sign-in'),
      body: fc.record({ email: fc.oneof(fc.emailAddress(), text), password: text }, { requiredKeys: [] }),
      raw: fc.option(text),
    }),
    fc.record({
      method: fc.constant('GET'),
      url: fc
        .tuple(fc.constantFrom('/api/v1/members', '/api/v1/audit', '/api/v1/people'), text)
        .map(
          ([path, q]) =>
            `${path}?kind=${encodeURIComponent(q)}&q=${encodeURIComponent(q)}&limit=${encodeURIComponent(q)}&before=${encodeURIComponent(q)}&member=${encodeURIComponent(q)}`,
        ),
      body: fc.constant(undefined),
      raw: fc.constant(null),
    }),
  );

  it('never answers 5xx, and a refused request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(request, contentType, fc.boolean(), async (req, type, signed) => {
        const before = await snapshot();
        const headers: Record<string, string> = { 'content-type': type };
        if (signed) headers.cookie = secretariat.cookie;
        if ('ifMatch' in req && req.ifMatch !== undefined) headers['if-match'] = req.ifMatch;
        const payload = req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
        const url = req.url.replace('BRUSSELS', brusselsId);
        const res = await ctx.app.inject({
          method: req.method as 'POST',
          url,
          headers,
          ...(req.method === 'GET' ? {} : { payload: payload ?? '' }),
        });
        expect(res.statusCode, `${req.method} ${url} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 300_000);
});
