import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/auth.js';
import { createTestApp, engines, signedInUser, signIn, type TestContext } from '../../test/harness.js';

describe.each(engines)('auth routes on %s', (engine) => {
  let ctx: TestContext;
  const logLines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    ctx = await createTestApp(engine, {
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
    const fp = await signedInUser(ctx, 'focal_point', { member: 'IRQ' });
    expect((await me(fp.cookie)).json()).toMatchObject({ role: 'focal_point', memberCode: 'IRQ' });
  });

  it('rejects a wrong password with one message whether or not the account exists', async () => {
    const user = await signedInUser(ctx, 'observer');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: 'not the password' },
    });
    const nobody = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nobody@example.org', password: 'whatever' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(nobody.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(nobody.json().detail);
    const invalid = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'x' } });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'password']);
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

  it('ends a session that sat idle too long, and one past its absolute expiry', async () => {
    const idle = await signedInUser(ctx, 'observer');
    const expired = await signedInUser(ctx, 'observer');
    await ctx.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '13 hours'` as unknown as Date })
      .where(sql`${sessions.userId} = ${idle.id}`);
    await ctx.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` as unknown as Date })
      .where(sql`${sessions.userId} = ${expired.id}`);
    expect((await me(idle.cookie)).statusCode).toBe(401);
    expect((await me(expired.cookie)).statusCode).toBe(401);
  });

  it('throttles sign-in per account: even the right password waits', async () => {
    const user = await signedInUser(ctx, 'observer');
    for (let i = 0; i < 3; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: user.email, password: `wrong ${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: user.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect(blocked.json().code).toBe('too_many_requests');
  });

  it('throttles sign-in per address across accounts', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 8; i++) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: from,
        payload: { email: `guess${i}@example.org`, password: 'x' },
      });
    }
    const user = await signedInUser(ctx, 'observer');
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: from,
      payload: { email: user.email, password: user.password },
    });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'x-forwarded-for': '198.51.100.7' },
      payload: { email: user.email, password: user.password },
    });
    expect(elsewhere.statusCode).toBe(204);
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
});
