import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMembers, readSeedFile } from '../../db/seed/demo.js';
import { buildMember, buildUser } from '../../test/factories.js';
import { createTestApp, engines, signedInUser, type TestContext, type TestUser } from '../../test/harness.js';

describe.each(engines)('members routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp(engine);
    secretariat = await signedInUser(ctx, 'secretariat');
  });
  afterAll(() => ctx?.close());

  it('lists all 66 partners of the demo, states by ISO code', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/members' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    // Other tests add members of their own: the demo's 66 are all there, whatever else is.
    const demoCodes = demoMembers(readSeedFile()).map((m) => m.code);
    expect(demoCodes).toHaveLength(66);
    expect(items.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(demoCodes));
    const usa = items.find((m: { code: string }) => m.code === 'USA');
    // The common short name for display and sorting; the official long form beside it.
    expect(usa.names).toEqual({ en: 'United States', fr: 'États-Unis', ar: 'الولايات المتحدة' });
    expect(usa.officialNames).toEqual({
      en: 'United States of America',
      fr: "États-Unis d'Amérique",
      ar: 'الولايات المتحدة الأمريكية',
    });
    const macedonia = items.find((m: { code: string }) => m.code === 'MKD');
    expect(macedonia).toMatchObject({
      name: 'North Macedonia',
      names: { en: 'North Macedonia', fr: 'Macédoine du Nord', ar: 'مقدونيا الشمالية' },
      officialNames: { en: 'Republic of North Macedonia' },
    });
    expect(items.find((m: { code: string }) => m.code === 'IRQ').officialNames).toBeNull();
    // Sorted by the short name: North Macedonia among the Ns, not under T.
    const names = items.map((m: { name: string }) => m.name);
    expect(names.indexOf('North Macedonia')).toBeGreaterThan(names.indexOf('New Zealand'));
    expect(names.indexOf('North Macedonia')).toBeLessThan(names.indexOf('Norway'));
    expect(items.find((m: { code: string }) => m.code === 'XKX').name).toBe('Kosovo');
    expect(
      items
        .filter((m: { kind: string; code: string }) => m.kind === 'organization' && demoCodes.includes(m.code))
        .map((m: { code: string }) => m.code)
        .sort(),
    ).toEqual(['EU', 'LAS']);
  });

  it('filters by kind and by a search that ignores case and accents', async () => {
    const org = await buildMember(ctx, { kind: 'organization' });
    const orgs = (await ctx.app.inject({ url: '/api/v1/members?kind=organization' })).json().items;
    expect(orgs.every((m: { kind: string }) => m.kind === 'organization')).toBe(true);
    expect(orgs.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['EU', 'LAS', org.code]));
    expect(orgs.map((m: { code: string }) => m.code)).not.toContain('USA');
    const found = await ctx.app.inject({ url: '/api/v1/members?q=etats-unis' });
    expect(found.json().items.map((m: { code: string }) => m.code)).toEqual(['USA']);
    const bad = await ctx.app.inject({ url: '/api/v1/members?kind=planet' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0]).toMatchObject({
      in: 'query',
      path: 'kind',
      code: 'invalid_value',
      params: { options: 'state,organization' },
    });
  });

  it('answers 304 to a client that already has the list', async () => {
    const first = await ctx.app.inject({ url: '/api/v1/members' });
    const again = await ctx.app.inject({
      url: '/api/v1/members',
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('reads a member exactly as the write that made it answered (the hot reads have SQL of their own)', async () => {
    const written = await buildMember(ctx, {
      joinedOn: '2014-09-15',
      joinedNote: 'Joined at the Paris conference',
      leftOn: '2016-01-31',
      note: "Côte d'Ivoire «quoted» — عربي",
    });
    const one = await ctx.app.inject({ url: `/api/v1/members/${written.code}` });
    expect(one.json()).toEqual(written);
    const listed = (await ctx.app.inject({ url: `/api/v1/members?q=${written.code}` })).json().items;
    expect(listed).toEqual([written]);
    expect(written.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('gets one member by code, any case, and 404s an unknown one as a problem', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/members/irq' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'IRQ', joinedOn: '2014-09-11' });
    expect(res.headers.etag).toBe('"1"');
    const missing = await ctx.app.inject({ url: '/api/v1/members/ZZZ' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(missing.json().requestId).toEqual(expect.any(String));
  });

  it('creates a member: 401 signed out, 400 invalid, 403 for a focal point, 201 for the secretariat', async () => {
    const body = { code: 'PER', kind: 'state' };
    const signedOut = await ctx.app.inject({ method: 'POST', url: '/api/v1/members', payload: { code: '' } });
    expect(signedOut.statusCode).toBe(401);

    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: secretariat.cookie },
      payload: { code: 'ZZZ', kind: 'state' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      expect.objectContaining({ in: 'body', path: 'code', code: 'not_a_country_code' }),
    ]);

    const focalPoint = await buildUser(ctx, { role: 'focal_point' });
    const forbidden = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: focalPoint.cookie },
      payload: body,
    });
    expect(forbidden.statusCode).toBe(403);

    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: secretariat.cookie },
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'PER', name: 'Peru', names: { fr: 'Pérou' }, version: 1 });
    const trail = await ctx.app.inject({
      url: `/api/v1/audit?entityType=member&entityId=${created.json().id}`,
      headers: { cookie: secretariat.cookie },
    });
    expect(trail.json().items).toEqual([
      expect.objectContaining({ action: 'member.created', actorEmail: secretariat.email, after: created.json() }),
    ]);

    const listed = await ctx.app.inject({ url: '/api/v1/members?q=peru' });
    expect(listed.json().items.map((m: { code: string }) => m.code)).toEqual(['PER']);

    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: secretariat.cookie },
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', reason: 'member_code_taken', params: { code: 'PER' } });
  });

  it('needs names for an organisation, and refuses a country code for one', async () => {
    const noNames = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: secretariat.cookie },
      payload: { code: 'NATO', kind: 'organization', names: { en: 'NATO' } },
    });
    expect(noNames.statusCode).toBe(400);
    expect(noNames.json().errors).toEqual([
      expect.objectContaining({ path: 'names.fr', code: 'required' }),
      expect.objectContaining({ path: 'names.ar', code: 'required' }),
    ]);
    const countryCode = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: secretariat.cookie },
      payload: { code: 'FRA', kind: 'organization', names: { en: 'x', fr: 'x', ar: 'x' } },
    });
    expect(countryCode.statusCode).toBe(400);
    expect(countryCode.json().errors).toEqual([
      expect.objectContaining({ path: 'code', code: 'country_code_for_organization' }),
    ]);
  });

  it('updates with If-Match: 428 without it, 409 when stale, 200 and a new version when current', async () => {
    const url = `/api/v1/members/${(await buildMember(ctx, { joinedOn: '2014-09-20' })).code}`;
    const headers = { cookie: secretariat.cookie };
    const missing = await ctx.app.inject({ method: 'PATCH', url, headers, payload: { note: 'x' } });
    expect(missing.statusCode).toBe(428);

    const ok = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: { ...headers, 'if-match': '"1"' },
      payload: { joinedOn: '2014-09-15', note: 'Humanitarian line only.' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, joinedOn: '2014-09-15', note: 'Humanitarian line only.' });
    expect(ok.headers.etag).toBe('"2"');

    const stale = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: { ...headers, 'if-match': '"1"' },
      payload: { note: 'Overwrite?' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_mismatch');
    const now = await ctx.app.inject({ url });
    expect(now.json().note).toBe('Humanitarian line only.');

    const badDates = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: { ...headers, 'if-match': '2' },
      payload: { leftOn: '2001-01-01' },
    });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().errors).toEqual([
      { in: 'body', path: 'leftOn', code: 'before_start', message: 'must not be before the joining date' },
    ]);

    const unknownField = await ctx.app.inject({
      method: 'PATCH',
      url,
      headers: { ...headers, 'if-match': '2' },
      payload: { code: 'XXX' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors).toEqual([
      { in: 'body', path: 'code', code: 'unknown_field', message: 'is not a known field' },
    ]);
  });
});
