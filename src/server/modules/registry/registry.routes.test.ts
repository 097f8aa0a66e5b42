import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';

describe.each(engines)('registry and health routes on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx?.close());

  it('lists the partner forces, none of them a member', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/actors' });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((a: { name: string }) => a.name);
    expect(names).toEqual([
      'Iraqi army (Iraqi Security Forces)',
      'Kurdish forces (Peshmerga)',
      'Sunni tribal fighters',
    ]);
    const memberNames = (await ctx.app.inject({ url: '/api/v1/members' }))
      .json()
      .items.map((m: { name: string }) => m.name);
    for (const n of names) expect(memberNames).not.toContain(n);
  });

  it('lists people with their member, and narrows to one member', async () => {
    const all = (await ctx.app.inject({ url: '/api/v1/people' })).json().items;
    // The seed's one alternate (the US envoy at Brussels) is the coalition's to know, not the public's.
    expect(all).toHaveLength(25);
    expect(all.map((p: { name: string }) => p.name)).not.toContain('John R. Allen (Gen., USMC ret.)');
    expect(all.find((p: { name: string }) => p.name === 'Haider al-Abadi')).toMatchObject({
      title: 'Prime Minister of Iraq',
      memberCode: 'IRQ',
    });
    // NATO is not a member: its Secretary General is affiliated, not bound to a member.
    expect(all.find((p: { name: string }) => p.name === 'Jens Stoltenberg')).toMatchObject({
      memberCode: null,
      affiliation: 'NATO',
    });
    expect(all.find((p: { name: string }) => p.name === 'Nabil Elaraby').memberCode).toBe('LAS');
    const iraq = (await ctx.app.inject({ url: '/api/v1/people?member=irq' })).json().items;
    expect(iraq.map((p: { name: string }) => p.name)).toEqual(['Fuad Masum', 'Haider al-Abadi']);
  });

  it('reports health from the database, and which engine it is', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/health' });
    expect(res.json()).toEqual({ status: 'ok', database: engine });
  });

  it('answers unknown API routes and methods with a problem, and serves the OpenAPI document', async () => {
    const unknown = await ctx.app.inject({ url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const wrongMethod = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/members/USA' });
    expect(wrongMethod.statusCode).toBe(404);
    const doc = await ctx.app.inject({ url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/members', '/api/v1/members/{code}', '/api/v1/auth/sign-in']),
    );
    // Swagger UI: our page, swagger-ui-dist's script and styles, and the start script reading the document.
    const ui = await ctx.app.inject({ url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    const loads = [...ui.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(loads).toEqual(expect.arrayContaining(['/api/docs/static/swagger-ui-bundle.js', '/api/docs/init.js']));
    for (const url of loads) expect((await ctx.app.inject({ url })).statusCode, url).toBe(200);
    const bundle = await ctx.app.inject({ url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(bundle.headers['content-type']).toContain('javascript');
    expect(bundle.body).toContain('SwaggerUIBundle');
    expect((await ctx.app.inject({ url: '/api/docs/init.js' })).body).toContain('"/api/docs/json"');
    // Only the page's files: not swagger-ui-dist's sample page or its source maps.
    for (const url of ['/api/docs/static/index.html', '/api/docs/static/swagger-ui-bundle.js.map'])
      expect((await ctx.app.inject({ url })).statusCode, url).toBe(404);
    // Not in the document it shows.
    expect(paths.filter((path) => path.startsWith('/api/docs'))).toEqual([]);
  });

  it('sets security headers: the API answers may run nothing and be framed nowhere, pages run only our scripts', async () => {
    for (const url of ['/api/v1/health', '/api/v1/members/ZZZ', '/api/v1/nowhere']) {
      const res = await ctx.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    const docs = await ctx.app.inject({ url: '/api/docs/json' });
    const csp = docs.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  describe('with a small global rate limit', () => {
    let limited: TestContext;
    beforeAll(async () => {
      limited = await createTestApp(engine, { seed: false, rateLimitPerMinute: 3 });
    });
    afterAll(() => limited?.close());

    it('answers 429 as problem+json once an address has used its requests, and counts per address', async () => {
      const from = (remoteAddress: string, url = '/api/v1/members') => limited.app.inject({ url, remoteAddress });
      for (let i = 0; i < 3; i++) expect((await from('198.51.100.1')).statusCode).toBe(200);
      const refused = await from('198.51.100.1');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 429, code: 'too_many_requests', instance: '/api/v1/members' });
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await from('198.51.100.1', '/api/v1/meetings')).statusCode).toBe(429);
      expect((await from('198.51.100.2')).statusCode).toBe(200);
      // A load balancer's health checks are never refused.
      expect((await from('198.51.100.1', '/api/v1/health')).statusCode).toBe(200);
    });
  });
});
