import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/audit.js';
import { sessions, users } from '../db/schema/auth.js';
import { actors, members, people } from '../db/schema/members.js';
import { createTestApp, engines, signedInUser, type TestContext, type TestUser } from './harness.js';

/**
 * Hostile input at the write routes: whatever arrives, the answer is never a 5xx, and a
 * refused request changes nothing at all.
 */
describe.each(engines)('hostile input on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { rateLimitPerMinute: 1_000_000 });
    secretariat = await signedInUser(ctx, 'secretariat');
  });
  afterAll(() => ctx?.close());

  /** Everything a request could have changed, as one comparable value. */
  async function snapshot() {
    const db = ctx.database.db;
    const [m, u, s, p, a, e] = await Promise.all([
      db.select().from(members),
      db.select().from(users),
      db.select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions),
      db.select().from(people),
      db.select().from(actors),
      db.select({ id: auditEvents.id }).from(auditEvents),
    ]);
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    return JSON.stringify([m.sort(byId), u.sort(byId), s.sort(byId), p.sort(byId), a.sort(byId), e.length]);
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

  const request = fc.oneof(
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
        const res = await ctx.app.inject({
          method: req.method as 'POST',
          url: req.url,
          headers,
          ...(req.method === 'GET' ? {} : { payload: payload ?? '' }),
        });
        expect(res.statusCode, `${req.method} ${req.url} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});
