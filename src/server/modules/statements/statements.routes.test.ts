import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { buildMeeting, buildMember, buildStatement, buildTextVersion, buildUser } from '../../test/factories.js';
import {
  createTestApp,
  engines,
  parseProblem,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';

const as = (user: { cookie: string } | null, extra: Record<string, string> = {}) => ({
  ...(user ? { cookie: user.cookie } : {}),
  ...extra,
});

describe.each(engines)('statements routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let focalPoint: TestUser & { memberCode: string | null };

  const trailOf = async (id: string) =>
    (await ctx.app.inject({ url: `/api/v1/audit?entityId=${id}`, headers: as(secretariat) })).json().items as {
      action: string;
      actorEmail: string | null;
      before: unknown;
      after: unknown;
    }[];

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock('2027-03-01T09:00:00Z') });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    focalPoint = await buildUser(ctx, { role: 'focal_point' });
  });
  afterAll(() => ctx?.close());

  describe('POST /statements', () => {
    const valid = { kind: 'joint_statement', title: 'On the road ahead', language: 'en', visibility: 'coalition' };

    it('401 signed out, 403 for an observer or a focal point', async () => {
      expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/statements', payload: valid })).statusCode).toBe(
        401,
      );
      for (const user of [observer, focalPoint]) {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/statements',
          headers: as(user),
          payload: valid,
        });
        expect(res.statusCode).toBe(403);
      }
    });

    it('drafts a statement: 201 with Location, audited', async () => {
      const meeting = await buildMeeting(ctx);
      const member = await buildMember(ctx);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/statements',
        headers: as(secretariat),
        payload: {
          ...valid,
          visibility: 'restricted',
          restrictedTo: [member.code],
          meetingId: meeting.id,
          translations: { fr: { title: 'Sur la route' }, ar: { title: 'على الطريق' } },
        },
      });
      expect(res.statusCode).toBe(201);
      const statement = res.json();
      expect(res.headers.location).toBe(`/api/v1/statements/${statement.id}`);
      expect(statement).toMatchObject({
        status: 'draft',
        visibility: 'restricted',
        restrictedTo: [member.code],
        meetingId: meeting.id,
        translations: { fr: { title: 'Sur la route' }, ar: { title: 'على الطريق' } },
        versions: [],
        procedures: [],
        adoption: null,
        positions: [],
        version: 1,
      });
      expect(await trailOf(statement.id)).toEqual([
        expect.objectContaining({
          action: 'statement.created',
          actorEmail: secretariat.email,
          after: expect.objectContaining({ title: valid.title, restrictedTo: [member.code], status: 'draft' }),
        }),
      ]);
    });

    it('400 with field errors for what the records refuse, changing nothing', async () => {
      const before = (await ctx.app.inject({ url: '/api/v1/statements', headers: as(secretariat) })).json().items
        .length;
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/statements',
        headers: as(secretariat),
        payload: {
          ...valid,
          restrictedTo: ['NOPE1'],
          meetingId: '00000000-0000-4000-8000-000000000000',
          translations: { en: { title: 'Itself' } },
        },
      });
      expect(res.statusCode).toBe(400);
      const problem = parseProblem(res.body);
      expect(problem.errors?.map((e) => [e.path, e.code]).sort()).toEqual(
        [
          ['meetingId', 'unknown_meeting'],
          ['restrictedTo', 'only_when_restricted'],
          ['restrictedTo.0', 'unknown_member'],
          ['translations.en', 'translation_of_original'],
        ].sort(),
      );
      const after = (await ctx.app.inject({ url: '/api/v1/statements', headers: as(secretariat) })).json().items.length;
      expect(after).toBe(before);
    });

    it('400 for a body the schema refuses', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/statements',
        headers: as(secretariat),
        payload: { ...valid, kind: 'manifesto', title: '', extra: 1 },
      });
      expect(res.statusCode).toBe(400);
      const paths = parseProblem(res.body).errors?.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['kind', 'title']));
    });
  });

  describe('GET /statements and /statements/{id}', () => {
    it('hides a draft from the public, observers and focal points not circulated (404), and lists it for the secretariat', async () => {
      const draft = await buildStatement(ctx, { text: 'One paragraph.' });
      for (const user of [null, observer, focalPoint]) {
        const res = await ctx.app.inject({ url: `/api/v1/statements/${draft.id}`, headers: as(user) });
        expect(res.statusCode).toBe(404);
        const list = (await ctx.app.inject({ url: '/api/v1/statements', headers: as(user) })).json().items;
        expect(list.map((s: { id: string }) => s.id)).not.toContain(draft.id);
      }
      const mine = await ctx.app.inject({ url: `/api/v1/statements/${draft.id}`, headers: as(secretariat) });
      expect(mine.statusCode).toBe(200);
      expect(mine.json().versions).toEqual([
        expect.objectContaining({ number: 1, circulated: false, authorName: 'Factory administrator' }),
      ]);
      const listed = await ctx.app.inject({ url: '/api/v1/statements?status=draft', headers: as(secretariat) });
      expect(listed.json().items.map((s: { id: string }) => s.id)).toContain(draft.id);
      const filtered = await ctx.app.inject({ url: '/api/v1/statements?status=adopted', headers: as(secretariat) });
      expect(filtered.json().items.map((s: { id: string }) => s.id)).not.toContain(draft.id);
    });

    it('400 for a malformed id or filter', async () => {
      expect((await ctx.app.inject({ url: '/api/v1/statements/not-an-id' })).statusCode).toBe(400);
      const res = await ctx.app.inject({ url: '/api/v1/statements?status=sleeping' });
      expect(res.statusCode).toBe(400);
      expect(parseProblem(res.body).errors?.[0]).toMatchObject({ in: 'query', path: 'status' });
    });
  });

  describe('PATCH /statements/{id}', () => {
    it('changes a draft with If-Match: 428 without, 409 when stale, 200 and audited', async () => {
      const draft = await buildStatement(ctx);
      const url = `/api/v1/statements/${draft.id}`;
      const patch = (headers: Record<string, string>, payload: object) =>
        ctx.app.inject({ method: 'PATCH', url, headers, payload });
      expect((await patch({}, { title: 'New' })).statusCode).toBe(401);
      expect((await patch(as(secretariat), { title: 'New' })).statusCode).toBe(428);
      expect((await patch(as(observer, { 'if-match': '"1"' }), { title: 'New' })).statusCode).toBe(404);
      const ok = await patch(as(secretariat, { 'if-match': '"1"' }), {
        title: 'A better title',
        translations: { fr: { title: 'Un meilleur titre' } },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ title: 'A better title', version: 2 });
      const stale = await patch(as(secretariat, { 'if-match': '"1"' }), { title: 'Lost' });
      expect(stale.statusCode).toBe(409);
      const trail = await trailOf(draft.id);
      expect(trail[0]).toMatchObject({
        action: 'statement.updated',
        before: expect.objectContaining({ title: draft.title }),
        after: expect.objectContaining({
          title: 'A better title',
          translations: { fr: { title: 'Un meilleur titre' } },
        }),
      });
    });

    it('refuses a language whose translation exists (on the language), and withdraws a draft once', async () => {
      const draft = await buildStatement(ctx, { translations: { fr: { title: 'Le titre' } } });
      const url = `/api/v1/statements/${draft.id}`;
      const bad = await ctx.app.inject({
        method: 'PATCH',
        url,
        headers: as(secretariat, { 'if-match': '"1"' }),
        payload: { language: 'fr' },
      });
      expect(bad.statusCode).toBe(400);
      expect(parseProblem(bad.body).errors?.map((e) => [e.path, e.code])).toEqual([
        ['language', 'translation_of_original'],
      ]);
      const withdrawn = await ctx.app.inject({
        method: 'PATCH',
        url,
        headers: as(secretariat, { 'if-match': '"1"' }),
        payload: { status: 'withdrawn' },
      });
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json().status).toBe('withdrawn');
      expect((await trailOf(draft.id))[0]).toMatchObject({
        action: 'statement.withdrawn',
        after: expect.objectContaining({ status: 'withdrawn' }),
      });
      const again = await ctx.app.inject({
        method: 'PATCH',
        url,
        headers: as(secretariat, { 'if-match': '"2"' }),
        payload: { title: 'Too late' },
      });
      expect(again.statusCode).toBe(409);
      expect(parseProblem(again.body)).toMatchObject({
        reason: 'statement_not_draft',
        params: { status: 'withdrawn' },
      });
    });
  });

  describe('POST /statements/{id}/versions', () => {
    it('numbers versions from 1, each renders paragraphs, audited; 403 and 404 for others', async () => {
      const draft = await buildStatement(ctx, { visibility: 'coalition' });
      const url = `/api/v1/statements/${draft.id}/versions`;
      expect((await ctx.app.inject({ method: 'POST', url, payload: { text: 'x' } })).statusCode).toBe(401);
      expect(
        (await ctx.app.inject({ method: 'POST', url, headers: as(observer), payload: { text: 'x' } })).statusCode,
      ).toBe(404);
      const res = await ctx.app.inject({
        method: 'POST',
        url,
        headers: as(secretariat),
        payload: { text: 'First.\n\nSecond <script>alert(1)</script>.', note: 'From the sherpas' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe(`${url}/1`);
      expect(res.json()).toMatchObject({
        number: 1,
        note: 'From the sherpas',
        circulated: false,
        paragraphs: [
          { number: 1, html: '<p>First.</p>' },
          { number: 2, html: '<p>Second &lt;script&gt;alert(1)&lt;/script&gt;.</p>' },
        ],
      });
      const second = await buildTextVersion(ctx, draft.id, 'First, amended.');
      expect(second.number).toBe(2);
      expect((await trailOf(draft.id)).map((e) => e.action)).toEqual([
        'statement.version_added',
        'statement.version_added',
        'statement.created',
      ]);
      const bad = await ctx.app.inject({ method: 'POST', url, headers: as(secretariat), payload: { text: '  ' } });
      expect(bad.statusCode).toBe(400);
      expect(parseProblem(bad.body).errors?.[0]).toMatchObject({ path: 'text', code: 'required' });
    });

    it('gives concurrent additions distinct numbers', async () => {
      const draft = await buildStatement(ctx);
      const numbers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => buildTextVersion(ctx, draft.id, `Text ${i}`).then((v) => v.number)),
      );
      expect(numbers.sort()).toEqual([1, 2, 3, 4, 5]);
    });
  });
});
