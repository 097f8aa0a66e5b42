import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/auth.js';
import { fixedClock } from '../../lib/clock.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, engines, signedInUser, signIn, type TestContext } from '../../test/harness.js';

const START = '2030-01-10T09:00:00.000Z';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(engines)('auth routes on %s', (engine) => {
  let ctx: TestContext;
  const logLines: string[] = [];
  // Sessions expire and failures age by this clock: tests move it, and it is put back after each.
  const clock = fixedClock(START);
  afterEach(() => clock.set(START));

  // Failed sign-ins count per address: each test that fails some does so from addresses of its
  // own, so that no test is throttled by the failures of another.
  let lastAddress = 0;
  const newAddress = () => `192.0.2.${++lastAddress}`;
  const signInAs = (payload: object, options: Partial<InjectOptions> = {}) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload, ...options });

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    ctx = await createTestApp(engine, {
      seed: false,
      clock,
      logger: { level: 'trace', stream },
      trustProxy: true,
      session: { maxFailuresPerAccount: 3, maxFailuresPerAddress: 8 },
    });
  });
  afterAll(() => ctx?.close());

  const me = (cookie?: string) => ctx.app.inject({ url: '/api/v1/auth/me', headers: cookie ? { cookie } : {} });

  it('signs in with a cookie that is HttpOnly, SameSite=Lax, and Secure only over HTTPS', async () => {
    const user = await signedInUser(ctx, 'observer');
    const plain = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(plain.statusCode).toBe(204);
    const cookie = plain.cookies.find((c) => c.name === 'entente_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.maxAge).toBeGreaterThan(0);

    const https = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: user.email, password: user.password },
    });
    expect(https.cookies.find((c) => c.name === 'entente_session')?.secure).toBe(true);

    const res = await me(user.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      email: user.email,
      name: expect.any(String),
      role: 'observer',
      memberCode: null,
      language: null,
    });
  });

  it('answers /session with the user, or null when signed out', async () => {
    const user = await signedInUser(ctx, 'observer');
    const signedOut = await ctx.app.inject({ url: '/api/v1/auth/session' });
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ user: null });
    const signedIn = await ctx.app.inject({ url: '/api/v1/auth/session', headers: { cookie: user.cookie } });
    expect(signedIn.json().user).toMatchObject({ id: user.id, role: 'observer' });
  });

  it('answers 401 to /me when signed out or with a forged cookie', async () => {
    expect((await me()).statusCode).toBe(401);
    const forged = await me('entente_session=not-a-real-token');
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('tells a focal point which member they speak for', async () => {
    const fp = await buildUser(ctx, { role: 'focal_point' });
    expect((await me(fp.cookie)).json()).toMatchObject({ role: 'focal_point', memberCode: fp.memberCode });
  });

  it('rejects a wrong password with one message whether or not the account exists', async () => {
    const user = await signedInUser(ctx, 'observer');
    const remoteAddress = newAddress();
    const wrong = await signInAs({ email: user.email, password: 'not the password' }, { remoteAddress });
    const nobody = await signInAs({ email: 'nobody@example.org', password: 'whatever' }, { remoteAddress });
    expect(wrong.statusCode).toBe(401);
    expect(nobody.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(nobody.json().detail);
    for (const refused of [wrong, nobody]) {
      expect(refused.json()).toMatchObject({ code: 'unauthenticated', reason: 'wrong_credentials' });
    }
    const invalid = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'x' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      expect.objectContaining({ path: 'email', code: 'invalid_format', params: { format: 'email' } }),
      expect.objectContaining({ path: 'password', code: 'required' }),
    ]);
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const user = await signedInUser(ctx, 'observer');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { cookie: user.cookie },
      payload: { email: user.email, password: user.password },
    });
    const fresh = `entente_session=${res.cookies.find((c) => c.name === 'entente_session')?.value}`;
    expect(fresh).not.toBe(user.cookie);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('signs out this browser, and everywhere', async () => {
    const user = await signedInUser(ctx, 'secretariat');
    const other = await signIn(ctx.app, user.email, user.password);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: user.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'entente_session')?.value).toBe('');
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);

    const third = await signIn(ctx.app, user.email, user.password);
    const all = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: { cookie: third },
    });
    expect(all.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(third)).statusCode).toBe(401);
    const signedOut = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere' });
    expect(signedOut.statusCode).toBe(401);
  });

  it('ends a session that sat idle too long, counted from its last use', async () => {
    const user = await signedInUser(ctx, 'observer');
    clock.advance(11 * HOUR);
    expect((await me(user.cookie)).statusCode).toBe(200);
    // 22 hours after sign-in, but only 11 since it was last used.
    clock.advance(11 * HOUR);
    expect((await me(user.cookie)).statusCode).toBe(200);
    clock.advance(12 * HOUR + MINUTE);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('ends a session at its absolute expiry, however busy it is', async () => {
    const user = await signedInUser(ctx, 'observer');
    const at = (ms: number) => clock.set(new Date(Date.parse(START) + ms));
    for (let hours = 11; hours < 7 * 24; hours += 11) {
      at(hours * HOUR);
      expect({ hours, status: (await me(user.cookie)).statusCode }).toEqual({ hours, status: 200 });
    }
    at(7 * 24 * HOUR - MINUTE);
    expect((await me(user.cookie)).statusCode).toBe(200);
    at(7 * 24 * HOUR + MINUTE);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('throttles sign-in per account, from wherever the guesses come: even the right password waits', async () => {
    const user = await signedInUser(ctx, 'observer');
    for (let i = 0; i < 3; i++) {
      const res = await signInAs({ email: user.email, password: `wrong ${i}` }, { remoteAddress: newAddress() });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await signInAs({ email: user.email, password: user.password }, { remoteAddress: newAddress() });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect(blocked.json()).toMatchObject({
      code: 'too_many_requests',
      reason: 'sign_in_throttled',
      params: { minutes: 15 },
    });
    // The window slides by the clock: fifteen minutes later the account may try again.
    clock.advance(15 * MINUTE + 1000);
    expect((await signInAs({ email: user.email, password: user.password })).statusCode).toBe(204);
  });

  it('throttles sign-in per address across accounts, the address taken from X-Forwarded-For behind a trusted proxy', async () => {
    const remoteAddress = newAddress(); // the proxy
    const from = { 'x-forwarded-for': newAddress() };
    for (let i = 0; i < 8; i++) {
      await signInAs({ email: `guess${i}@example.org`, password: 'x' }, { remoteAddress, headers: from });
    }
    const user = await signedInUser(ctx, 'observer');
    const blocked = await signInAs({ email: user.email, password: user.password }, { remoteAddress, headers: from });
    expect(blocked.statusCode).toBe(429);
    // The same proxy, another client behind it: not throttled.
    const elsewhere = await signInAs(
      { email: user.email, password: user.password },
      { remoteAddress, headers: { 'x-forwarded-for': newAddress() } },
    );
    expect(elsewhere.statusCode).toBe(204);
  });

  it('refuses a disabled account with the message of a wrong password, and ends its live sessions', async () => {
    const user = await signedInUser(ctx, 'secretariat');
    const other = await signIn(ctx.app, user.email, user.password);
    expect((await me(user.cookie)).statusCode).toBe(200);
    await ctx.database.db
      .update(users)
      .set({ disabledAt: new Date(START) })
      .where(eq(users.id, user.id));

    for (const cookie of [user.cookie, other]) {
      expect((await me(cookie)).statusCode).toBe(401);
      const write = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out-everywhere',
        headers: { cookie },
      });
      expect(write.statusCode).toBe(401);
    }
    const remoteAddress = newAddress();
    const disabled = await signInAs({ email: user.email, password: user.password }, { remoteAddress });
    const wrong = await signInAs({ email: user.email, password: 'not the password' }, { remoteAddress });
    expect(disabled.statusCode).toBe(401);
    expect(disabled.cookies.find((c) => c.name === 'entente_session')).toBeUndefined();
    const { requestId: _a, ...disabledProblem } = disabled.json();
    const { requestId: _b, ...wrongProblem } = wrong.json();
    expect(disabledProblem).toEqual(wrongProblem);
  });

  describe('the language a signed-in user keeps', () => {
    const setLanguage = (payload: unknown, cookie?: string) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/v1/auth/me/language',
        headers: cookie ? { cookie } : {},
        payload: payload as object,
      });
    const rowOf = async (id: string) =>
      (await ctx.database.db.select({ language: users.language }).from(users).where(eq(users.id, id)))[0];
    const trailOf = async (id: string) => {
      const admin = await signedInUser(ctx, 'admin');
      const res = await ctx.app.inject({
        url: `/api/v1/audit?entityType=user&entityId=${id}`,
        headers: { cookie: admin.cookie },
      });
      return res.json().items.filter((e: { action: string }) => e.action === 'user.language_changed');
    };

    it.each(['observer', 'focal_point', 'secretariat', 'admin'] as const)(
      'lets a signed-in %s save their own, shown by /me and /session from then on, with an audit event',
      async (role) => {
        const user = await signedInUser(ctx, role);
        expect((await me(user.cookie)).json().language).toBeNull();

        const res = await setLanguage({ language: 'ar' }, user.cookie);
        expect(res.statusCode).toBe(204);
        expect(res.body).toBe('');
        expect((await me(user.cookie)).json()).toMatchObject({ id: user.id, role, language: 'ar' });
        const session = await ctx.app.inject({ url: '/api/v1/auth/session', headers: { cookie: user.cookie } });
        expect(session.json().user.language).toBe('ar');
        expect(await trailOf(user.id)).toEqual([
          expect.objectContaining({
            actorId: user.id,
            entityId: user.id,
            before: { language: null },
            after: { language: 'ar' },
          }),
        ]);
      },
    );

    it('keeps the last choice; choosing the language again answers 204 and writes nothing', async () => {
      const user = await signedInUser(ctx, 'observer');
      expect((await setLanguage({ language: 'fr' }, user.cookie)).statusCode).toBe(204);
      expect((await setLanguage({ language: 'en' }, user.cookie)).statusCode).toBe(204);
      const again = await setLanguage({ language: 'en' }, user.cookie);
      expect(again.statusCode).toBe(204);
      expect(await rowOf(user.id)).toEqual({ language: 'en' });
      expect((await trailOf(user.id)).map((e: { after: unknown }) => e.after)).toEqual([
        { language: 'en' },
        { language: 'fr' },
      ]);
    });

    it('answers 401 to someone signed out, as problem+json', async () => {
      const res = await setLanguage({ language: 'fr' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    });

    it('refuses a language it does not have, or a field too many, and changes nothing', async () => {
      const user = await signedInUser(ctx, 'secretariat');
      await setLanguage({ language: 'fr' }, user.cookie);
      const german = await setLanguage({ language: 'de' }, user.cookie);
      expect(german.statusCode).toBe(400);
      expect(german.json().errors).toEqual([
        expect.objectContaining({
          in: 'body',
          path: 'language',
          code: 'invalid_value',
          params: { options: 'en,fr,ar' },
        }),
      ]);
      const missing = await setLanguage({}, user.cookie);
      expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'language', code: 'required' })]);
      const extra = await setLanguage({ language: 'ar', userId: user.id }, user.cookie);
      expect(extra.statusCode).toBe(400);
      expect(extra.json().errors).toEqual([expect.objectContaining({ path: 'userId', code: 'unknown_field' })]);
      expect(await rowOf(user.id)).toEqual({ language: 'fr' });
      expect(await trailOf(user.id)).toHaveLength(1);
    });
  });

  it('refuses a write that a browser says came from another site', async () => {
    const user = await signedInUser(ctx, 'secretariat');
    const crossSite = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: { cookie: user.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('cross_site_request');
    const foreignOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: user.cookie, origin: 'https://evil.example', host: 'entente.example' },
      payload: { code: 'PER', kind: 'state' },
    });
    expect(foreignOrigin.statusCode).toBe(403);
    const sameOrigin = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: user.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(sameOrigin.statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(200);
  });

  it('never lets a password, a hash or a session token into a response or a log line', async () => {
    const user = await signedInUser(ctx, 'admin');
    const token = user.cookie.split('=')[1];
    const audit = await ctx.app.inject({ url: '/api/v1/audit?limit=200', headers: { cookie: user.cookie } });
    const bodies = [audit.body, (await me(user.cookie)).body].join('\n');
    const logs = logLines.join('\n');
    for (const text of [bodies, logs]) {
      expect(text).not.toContain(user.password);
      expect(text).not.toContain(token);
      expect(text).not.toContain('$argon2');
    }
    expect(logs).toContain('"reqId"');
  });

  describe('with TRUST_PROXY off (the default)', () => {
    let direct: TestContext;
    beforeAll(async () => {
      direct = await createTestApp(engine, {
        seed: false,
        clock,
        session: { maxFailuresPerAccount: 100, maxFailuresPerAddress: 3 },
      });
    });
    afterAll(() => direct?.close());

    it("counts failures by the connection's address, whatever X-Forwarded-For claims", async () => {
      const user = await buildUser(direct);
      const remoteAddress = newAddress();
      for (let i = 0; i < 3; i++) {
        const res = await direct.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          remoteAddress,
          headers: { 'x-forwarded-for': newAddress() },
          payload: { email: `guess${i}@example.org`, password: 'x' },
        });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await direct.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress,
        headers: { 'x-forwarded-for': newAddress() },
        payload: { email: user.email, password: user.password },
      });
      expect(blocked.statusCode).toBe(429);
      const elsewhere = await direct.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: newAddress(),
        payload: { email: user.email, password: user.password },
      });
      expect(elsewhere.statusCode).toBe(204);
    });
  });
});
