import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './test/harness.js';

// Needs the built web app (npm test builds it first).
describe.skipIf(!existsSync('dist/web/index.html'))('serving the web app', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp('pglite', { webDist: 'dist/web', seed: false });
  });
  afterAll(() => ctx?.close());

  it.each(['/', '/members', '/meetings', '/desk'])('answers the page %s with index.html, never cached', async (url) => {
    const res = await ctx.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    // The app's element: empty, or holding a public page's preview (portal/head.ts), which the app replaces.
    expect(res.body).toMatch(/<div id="root">(<\/div>|<div class="page-preview">)/);
  });

  it("writes the home's head even though the build precompressed index.html", async () => {
    const res = await ctx.app.inject({ url: '/?lang=ar', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(res.rawPayload).toString();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('<meta property="og:site_name" content="Entente" />');
  });

  it('answers a page of a record that is not there with the app and 404 (signed out)', async () => {
    const res = await ctx.app.inject({ url: '/members/USA' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<div id="root"><div class="page-preview">');
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

  it('sends scripts and styles precompressed (brotli, else gzip) to a browser that takes them', async () => {
    const assets = readdirSync('dist/web/assets');
    const script = assets.find((f) => /^index-.*\.js$/.test(f));
    // The app's own styles: a page's few hundred bytes of CSS are under the size worth compressing.
    const style = assets.find((f) => /^index-.*\.css$/.test(f));
    for (const asset of [script, style]) {
      const url = `/assets/${asset}`;
      const original = readFileSync(`dist/web/assets/${asset}`);
      const br = await ctx.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
      const gz = await ctx.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);
      const plain = await ctx.app.inject({ url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.equals(original)).toBe(true);
      expect(br.rawPayload.length).toBeLessThan(original.length / 2);
    }
  });

  it('ships no source maps', async () => {
    const files = readdirSync('dist/web', { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = files.find((f) => /assets\/index-.*\.js$/.test(f));
    expect((await ctx.app.inject({ url: `/${script}.map` })).statusCode).toBe(404);
  });
});
