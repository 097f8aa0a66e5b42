import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/sources.js';
import { auditEvents } from '../../db/schema/audit.js';
import { buildAdoptedStatement, buildMeeting, buildMember, buildPerson, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';
import { buildIndicator } from '../../test/progress-factories.js';
import { buildSource } from '../../test/source-factories.js';

describe.each(engines)('sources routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp(engine);
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
  });
  afterAll(() => ctx?.close());

  const get = (url: string, user?: TestUser | null) =>
    ctx.app.inject({ url, headers: user ? { cookie: user.cookie } : {} });
  const titles = (res: { json(): { items: Source[] } }) => res.json().items.map((s) => s.title);
  const trailOf = (id: string) =>
    ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.entityType, 'source')));

  it("lists the demo's 92 sources, newest first, with their links", async () => {
    const res = await get('/api/v1/sources?limit=500');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Source[]; total: number };
    const demo = items.filter((s) => s.ref !== null);
    expect(demo).toHaveLength(92);
    expect(total).toBeGreaterThanOrEqual(92);
    const dates = items.map((s) => s.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    const s01 = items.find((s) => s.ref === 'S01') as Source;
    expect(s01).toMatchObject({ kind: 'source', language: 'en', visibility: 'public' });
    expect(s01.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'statement' }),
        expect.objectContaining({ subject: 'meeting' }),
      ]),
    );
    const s28 = items.find((s) => s.ref === 'S28') as Source;
    expect(s28).toMatchObject({ kind: 'press', publisher: 'Reuters' });
  });

  it('filters by member code, meeting, kind and any subject with its key; pages with limit and offset', async () => {
    const member = await buildMember(ctx);
    const meeting = await buildMeeting(ctx);
    const indicator = await buildIndicator(ctx);
    const a = await buildSource(ctx, { links: [{ subject: 'member', key: member.code }] });
    const b = await buildSource(ctx, {
      kind: 'source',
      links: [
        { subject: 'meeting', key: meeting.id },
        { subject: 'indicator', key: indicator.key },
      ],
    });
    expect(titles(await get(`/api/v1/sources?member=${member.code.toLowerCase()}`))).toEqual([a.title]);
    expect(titles(await get(`/api/v1/sources?meeting=${meeting.id}`))).toEqual([b.title]);
    expect(titles(await get(`/api/v1/sources?subject=indicator&key=${indicator.key}`))).toEqual([b.title]);
    const press = (await get('/api/v1/sources?kind=press&limit=500')).json().items as Source[];
    expect(press.every((s) => s.kind === 'press')).toBe(true);
    const page = (await get('/api/v1/sources?limit=2&offset=1')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const bad = await get('/api/v1/sources?meeting=nope&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(
      parseProblem(bad.body)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['limit', 'meeting']);
  });

  it('gives every caller, filtered by a record, what its whole register filtered gives (looked up apart)', async () => {
    // A list filtered by a record looks up only the entries linked to it; it must answer what
    // filtering the caller's whole register answers, in the same order.
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const meeting = await buildMeeting(ctx);
    const hiddenMeeting = await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [] });
    const indicator = await buildIndicator(ctx);
    const day = (d: number) => `2016-03-${String(d).padStart(2, '0')}`;
    await buildSource(ctx, { date: day(1), links: [{ subject: 'member', key: member.code }] });
    await buildSource(ctx, {
      date: day(3),
      kind: 'press',
      visibility: 'restricted',
      links: [
        { subject: 'member', key: member.code },
        { subject: 'meeting', key: meeting.id },
      ],
    });
    await buildSource(ctx, {
      date: day(2),
      visibility: 'coalition',
      links: [
        { subject: 'meeting', key: meeting.id },
        { subject: 'meeting', key: hiddenMeeting.id },
        { subject: 'indicator', key: indicator.key },
      ],
    });
    await buildSource(ctx, { date: null, links: [{ subject: 'member', key: member.code }] });
    const linkedTo = (s: Source, subject: string, key: string) =>
      s.links.some((l) => l.subject === subject && (l.key === key || l.id === key));
    const queries: [string, (s: Source) => boolean][] = [
      [`member=${member.code}`, (s) => linkedTo(s, 'member', member.code)],
      [
        `member=${member.code.toLowerCase()}&kind=press`,
        (s) => linkedTo(s, 'member', member.code) && s.kind === 'press',
      ],
      [`meeting=${meeting.id}`, (s) => linkedTo(s, 'meeting', meeting.id)],
      [`meeting=${hiddenMeeting.id}`, (s) => linkedTo(s, 'meeting', hiddenMeeting.id)],
      [`subject=indicator&key=${indicator.key}`, (s) => linkedTo(s, 'indicator', indicator.key)],
      [`subject=member&key=${member.id}`, (s) => linkedTo(s, 'member', member.id)],
      [
        `member=${member.code}&meeting=${meeting.id}`,
        (s) => linkedTo(s, 'member', member.code) && linkedTo(s, 'meeting', meeting.id),
      ],
      ['member=ZZZ', () => false],
      [`meeting=${randomUUID()}`, () => false],
    ];
    for (const user of [null, observer, focal, secretariat]) {
      const role = user?.role ?? 'signed out';
      const all = (await get('/api/v1/sources?limit=500', user)).json().items as Source[];
      for (const [query, wanted] of queries) {
        const res = await get(`/api/v1/sources?${query}&limit=500`, user);
        expect(res.statusCode).toBe(200);
        const expected = all.filter(wanted);
        expect({ query, role, items: res.json().items }).toEqual({ query, role, items: expected });
        expect(res.json().total).toBe(expected.length);
      }
      // The one entry read apart is the entry the list shows.
      for (const source of all.filter((s) => linkedTo(s, 'member', member.code))) {
        expect((await get(`/api/v1/sources/${source.id}`, user)).json()).toEqual(source);
      }
    }
    // The focal point sees its member's restricted entry; the observer does not; neither sees the hidden meeting.
    const count = async (user: TestUser, query: string) => (await get(`/api/v1/sources?${query}`, user)).json().total;
    expect(await count(focal, `member=${member.code}`)).toBe(3);
    expect(await count(observer, `member=${member.code}`)).toBe(2);
    expect(await count(secretariat, `member=${member.code}`)).toBe(3);
    expect(await count(observer, `meeting=${hiddenMeeting.id}`)).toBe(0);
    expect(await count(secretariat, `meeting=${hiddenMeeting.id}`)).toBe(1);
  });

  it('shows coalition entries only to signed-in users and restricted ones to the secretariat and the linked members', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const otherFocal = await buildUser(ctx, { role: 'focal_point' });
    const coalition = await buildSource(ctx, { title: `Leak-${randomUUID()}`, visibility: 'coalition' });
    const restricted = await buildSource(ctx, {
      title: `Leak-${randomUUID()}`,
      visibility: 'restricted',
      links: [{ subject: 'member', key: member.code }],
    });
    const seen = async (user: TestUser | null) => {
      const list = await get('/api/v1/sources?limit=500', user);
      return list.body;
    };
    const anonymous = await seen(null);
    expect(anonymous).not.toContain(coalition.title);
    expect(anonymous).not.toContain(restricted.title);
    expect((await get(`/api/v1/sources/${coalition.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/sources/${restricted.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/sources?member=${member.code}`)).json().items).toEqual([]);
    const observed = await seen(observer);
    expect(observed).toContain(coalition.title);
    expect(observed).not.toContain(restricted.title);
    expect((await get(`/api/v1/sources/${restricted.id}`, observer)).statusCode).toBe(404);
    expect(await seen(otherFocal)).not.toContain(restricted.title);
    expect(await seen(focal)).toContain(restricted.title);
    expect((await get(`/api/v1/sources/${restricted.id}`, focal)).statusCode).toBe(200);
    expect((await get(`/api/v1/sources/${restricted.id}`, secretariat)).statusCode).toBe(200);
  });

  it('leaves out of `links` what the caller may not see: a restricted meeting, a coalition indicator, an unadopted statement', async () => {
    const hiddenMeeting = await buildMeeting(ctx, {
      title: `Leak-${randomUUID()}`,
      visibility: 'restricted',
      restrictedTo: [],
    });
    const coalitionIndicator = await buildIndicator(ctx, { visibility: 'coalition' });
    const publicMeeting = await buildMeeting(ctx);
    const adopted = await buildAdoptedStatement(ctx, { meetingId: publicMeeting.id, visibility: 'public' });
    const source = await buildSource(ctx, {
      links: [
        { subject: 'meeting', key: hiddenMeeting.id },
        { subject: 'meeting', key: publicMeeting.id },
        { subject: 'indicator', key: coalitionIndicator.key },
        { subject: 'statement', key: adopted.id },
      ],
    });
    const subjectsOf = (s: Source) => s.links.map((l) => `${l.subject}:${l.key}`).sort();
    const pub = (await get(`/api/v1/sources/${source.id}`)).json() as Source;
    expect(subjectsOf(pub)).toEqual([`meeting:${publicMeeting.id}`, `statement:${adopted.id}`].sort());
    const listed = (await get(`/api/v1/sources?meeting=${publicMeeting.id}`)).body;
    expect(listed).not.toContain(hiddenMeeting.title);
    expect(listed).not.toContain(hiddenMeeting.id);
    // Filtering by the hidden meeting finds nothing for the public.
    expect((await get(`/api/v1/sources?meeting=${hiddenMeeting.id}`)).json().items).toEqual([]);
    const obs = (await get(`/api/v1/sources/${source.id}`, observer)).json() as Source;
    expect(subjectsOf(obs)).toContain(`indicator:${coalitionIndicator.key}`);
    expect(subjectsOf(obs)).not.toContain(`meeting:${hiddenMeeting.id}`);
    const sec = (await get(`/api/v1/sources/${source.id}`, secretariat)).json() as Source;
    expect(sec.links).toHaveLength(4);
    expect(sec.links.find((l) => l.id === hiddenMeeting.id)?.label).toBe(hiddenMeeting.title);
  });

  it('adds an entry (secretariat): 401, 400 field by field, 403, 201 with its audit event', async () => {
    const payload = { kind: 'press', title: 'An article', publisher: 'The Paper' };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/sources', payload })).statusCode).toBe(401);
    const forbidden = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      payload,
      headers: { cookie: observer.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: secretariat.cookie },
      payload: { kind: 'rumour', title: '', publisher: 'X', url: 'ftp://x', language: 'English', date: '2015-13-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      parseProblem(bad.body)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['date', 'kind', 'language', 'title', 'url']);
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: secretariat.cookie },
      payload: {
        ...payload,
        links: [
          { subject: 'member', key: 'IRQ' },
          { subject: 'member', key: 'NOPE' },
          { subject: 'indicator', key: 'no_such_indicator' },
          { subject: 'meeting', key: randomUUID() },
          { subject: 'statement', key: 'not-an-id' },
          { subject: 'decision', key: randomUUID() },
          { subject: 'person', key: randomUUID() },
        ],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(parseProblem(unknown.body).errors?.map((e) => [e.path, e.code])).toEqual([
      ['links.1.key', 'unknown_member'],
      ['links.2.key', 'unknown_indicator'],
      ['links.3.key', 'unknown_meeting'],
      ['links.4.key', 'unknown_statement'],
      ['links.5.key', 'unknown_decision'],
      ['links.6.key', 'unknown_person'],
    ]);
    const person = await buildPerson(ctx);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: secretariat.cookie },
      payload: {
        ...payload,
        date: '2015-01-22',
        language: 'fr',
        excerpt: 'Our words.',
        links: [
          { subject: 'member', key: 'irq' },
          { subject: 'member', key: 'IRQ' },
          { subject: 'person', key: person.id },
          { subject: 'indicator', key: 'air_strikes' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const source = created.json() as Source;
    expect(created.headers.location).toBe(`/api/v1/sources/${source.id}`);
    expect(source).toMatchObject({ ref: null, version: 1, language: 'fr', date: '2015-01-22', visibility: 'public' });
    expect(source.links.map((l) => `${l.subject}:${l.key}`).sort()).toEqual(
      ['indicator:air_strikes', 'member:IRQ', `person:${person.id}`].sort(),
    );
    expect(source.links.find((l) => l.subject === 'member')?.label).toBe('Iraq');
    const trail = await trailOf(source.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'source.created', actorId: secretariat.id });
    // A read right after the write sees it (the cache was dropped).
    expect(titles(await get('/api/v1/sources?member=IRQ&limit=500'))).toContain('An article');
  });

  it('changes an entry with If-Match (secretariat): 401, 403, 404, 428, 409, 400, 200; links replace them all', async () => {
    const source = await buildSource(ctx, { links: [{ subject: 'member', key: 'FRA' }] });
    const patch = (headers: Record<string, string>, payload: Record<string, unknown>, id = source.id) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/v1/sources/${id}`, headers, payload });
    expect((await patch({ 'if-match': '1' }, { title: 'x' })).statusCode).toBe(401);
    expect((await patch({ cookie: observer.cookie, 'if-match': '1' }, { title: 'x' })).statusCode).toBe(403);
    expect(
      (await patch({ cookie: secretariat.cookie, 'if-match': '1' }, { title: 'x' }, randomUUID())).statusCode,
    ).toBe(404);
    expect((await patch({ cookie: secretariat.cookie }, { title: 'x' })).statusCode).toBe(428);
    const bad = await patch(
      { cookie: secretariat.cookie, 'if-match': '1' },
      { links: [{ subject: 'member', key: 'ZZZ' }] },
    );
    expect(bad.statusCode).toBe(400);
    expect(parseProblem(bad.body).errors?.[0]).toMatchObject({ path: 'links.0.key', code: 'unknown_member' });
    const ok = await patch(
      { cookie: secretariat.cookie, 'if-match': '1' },
      { title: 'Changed', excerpt: null, links: [{ subject: 'member', key: 'DEU' }] },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Changed', version: 2, excerpt: null, publisher: 'The Test Gazette' });
    expect(ok.json().links.map((l: { key: string }) => l.key)).toEqual(['DEU']);
    const stale = await patch({ cookie: secretariat.cookie, 'if-match': '1' }, { title: 'Again' });
    expect(stale.statusCode).toBe(409);
    const trail = await trailOf(source.id);
    const updated = trail.find((e) => e.action === 'source.updated');
    expect(updated?.before).toMatchObject({ title: source.title });
    expect(updated?.after).toMatchObject({ title: 'Changed', version: 2 });
    expect(titles(await get('/api/v1/sources?member=FRA&limit=500'))).not.toContain('Changed');
    expect(titles(await get('/api/v1/sources?member=DEU&limit=500'))).toContain('Changed');
    // A change that leaves the links alone answers them as they are.
    const titleOnly = await patch({ cookie: secretariat.cookie, 'if-match': '2' }, { title: 'Changed again' });
    expect(titleOnly.statusCode).toBe(200);
    expect(titleOnly.json().links.map((l: { key: string }) => l.key)).toEqual(['DEU']);
  });

  it('removes an entry with If-Match (secretariat): 401, 403, 428, 409, 204 and gone, audited', async () => {
    const source = await buildSource(ctx);
    const del = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'DELETE', url: `/api/v1/sources/${source.id}`, headers });
    expect((await del({ 'if-match': '1' })).statusCode).toBe(401);
    expect((await del({ cookie: observer.cookie, 'if-match': '1' })).statusCode).toBe(403);
    expect((await del({ cookie: secretariat.cookie })).statusCode).toBe(428);
    expect((await del({ cookie: secretariat.cookie, 'if-match': '7' })).statusCode).toBe(409);
    expect((await del({ cookie: secretariat.cookie, 'if-match': '1' })).statusCode).toBe(204);
    expect((await get(`/api/v1/sources/${source.id}`, secretariat)).statusCode).toBe(404);
    expect((await del({ cookie: secretariat.cookie, 'if-match': '1' })).statusCode).toBe(404);
    const trail = await trailOf(source.id);
    expect(trail.map((e) => e.action).sort()).toEqual(['source.created', 'source.deleted']);
  });

  it('answers 304 to a client that already has an entry', async () => {
    const source = await buildSource(ctx);
    const first = await get(`/api/v1/sources/${source.id}`);
    const again = await ctx.app.inject({
      url: `/api/v1/sources/${source.id}`,
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect((await get('/api/v1/sources/not-a-uuid')).statusCode).toBe(400);
  });
});
