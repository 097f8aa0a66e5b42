import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './test/harness.js';

// Needs the built web app (npm test builds it first).
describe.skipIf(!existsSync('dist/web/index.html'))('serving the web app', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp('pglite', { webDist: 'dist/web', seed: false });
  });
  afterAll(() => ctx?.close());

  it.each(['/', '/members/USA', '/meetings'])('answers the page %s with index.html, never cached', async (url) => {
    const res = await ctx.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves hashed assets for good, and 404s a missing one instead of sending a page', async () => {
    const asset = readdirSync('dist/web/assets').find((f) => f.endsWith('.js'));
    const res = await ctx.app.inject({ url: `/assets/${asset}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    const missing = await ctx.app.inject({ url: '/assets/index-0ld0ld.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await ctx.app.inject({ url: '/favicon-missing.png' })).statusCode).toBe(404);
  });
});
