import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../test/factories.js';
import { createTestApp, engines, parseProblem, type TestContext } from '../test/harness.js';

const TOKEN = 'a-scraper-token-of-32-characters';

/** The value of one sample of the exposition text (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe.each(engines)('metrics on %s', (engine) => {
  let ctx: TestContext;
  let off: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { metricsToken: TOKEN });
    off = await createTestApp(engine, { seed: false });
  });
  afterAll(async () => {
    await ctx?.close();
    await off?.close();
  });

  const scrape = (authorization?: string) =>
    ctx.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });

  it('are off without a token: 404, nothing said', async () => {
    const res = await off.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(404);
    expect(parseProblem(res.body).code).toBe('not_found');
  });

  it("ask for the token, not a session: the secretariat's cookie alone is a 401", async () => {
    const admin = await signedInUser(ctx, 'secretariat');
    const res = await ctx.app.inject({ url: '/metrics', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('ask for the token: none or a wrong one is a 401 with a Bearer challenge', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN]) {
      const res = await scrape(authorization);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(parseProblem(res.body).code).toBe('unauthenticated');
      expect(res.body).not.toContain('entente_');
    }
  });

  it('count requests by route pattern and status, cache hits and misses, the audit trail and the process', async () => {
    await ctx.app.inject({ url: '/api/v1/members/FRA' });
    await ctx.app.inject({ url: '/api/v1/members/FRA' });
    await ctx.app.inject({ url: '/api/v1/members/ZZZ' });
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.body;
    // One series per route pattern, never per address (an id per series would grow without end).
    expect(
      sample(
        text,
        'entente_http_request_duration_seconds_count',
        'method="GET",route="/api/v1/members/:code",status_code="200"',
      ),
    ).toBe(2);
    expect(
      sample(
        text,
        'entente_http_request_duration_seconds_count',
        'method="GET",route="/api/v1/members/:code",status_code="404"',
      ),
    ).toBe(1);
    expect(text).not.toContain('route="/api/v1/members/FRA"');
    // PGlite is one process: no listener is needed, so its cache is on; PostgreSQL's listens first.
    const hits = sample(text, 'entente_cache_lookups_total', 'result="hit"') ?? 0;
    const misses = sample(text, 'entente_cache_lookups_total', 'result="miss"') ?? 0;
    const bypassed = sample(text, 'entente_cache_lookups_total', 'result="bypassed"') ?? 0;
    expect(hits + misses + bypassed).toBeGreaterThanOrEqual(3);
    expect(hits).toBeGreaterThanOrEqual(1);
    // The demo's seed wrote audit events.
    expect(sample(text, 'entente_audit_last_seq')).toBeGreaterThan(0);
    expect(sample(text, 'entente_process_resident_memory_bytes')).toBeGreaterThan(0);
    if (engine === 'postgresql')
      expect(sample(text, 'entente_db_pool_connections', 'state="total"')).toBeGreaterThan(0);
    else expect(text).not.toContain('entente_db_pool_connections{');
  });

  it("report a background task's last run once it ran", async () => {
    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.body).not.toContain('entente_background_last_run_timestamp_seconds{task="procedure_sweep"');
    await ctx.app.procedureSweeper.sweepOnce();
    const after = (await scrape(`Bearer ${TOKEN}`)).body;
    const at = sample(after, 'entente_background_last_run_timestamp_seconds', 'task="procedure_sweep",outcome="ok"');
    expect(at).toBeGreaterThan(0);
  });
});
