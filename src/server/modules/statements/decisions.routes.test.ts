import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { buildMeeting, buildStatement, buildUser } from '../../test/factories.js';
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

describe.each(engines)('decisions routes on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;
  let observer: TestUser;
  let focalPoint: TestUser & { memberCode: string | null };

  beforeAll(async () => {
    ctx = await createTestApp(engine, { clock: fixedClock('2027-03-01T09:00:00Z') });
    secretariat = await signedInUser(ctx, 'secretariat');
    observer = await signedInUser(ctx, 'observer');
    focalPoint = await buildUser(ctx, { role: 'focal_point' });
  });
  afterAll(() => ctx?.close());

  /** A statement adopted at a meeting on `day`; returns its decision's id and number. */
  async function decide(overrides: Parameters<typeof buildStatement>[1] = {}, day = '2030-03-12') {
    const meeting = await buildMeeting(ctx, { startDate: day, endDate: day });
    const draft = await buildStatement(ctx, { meetingId: meeting.id, text: 'Agreed.', ...overrides });
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/statements/${draft.id}/adopt`,
      headers: as(secretariat, { 'if-match': `"${draft.version}"` }),
      payload: { textVersion: 1 },
    });
    expect(res.statusCode).toBe(200);
    return {
      id: res.json().adoption.decisionId as string,
      number: res.json().decisionNumber as string,
      statement: draft,
    };
  }

  const trailOf = async (id: string) =>
    (await ctx.app.inject({ url: `/api/v1/audit?entityId=${id}`, headers: as(secretariat) })).json().items;

  it('lists the decisions a caller may see, newest first, with the seed’s Brussels decision 2014/1', async () => {
    const older = await decide({ visibility: 'public' }, '2029-05-01');
    const newer = await decide({ visibility: 'public', translations: { fr: { title: 'Décision' } } }, '2029-06-01');
    const coalition = await decide({ visibility: 'coalition' });
    const publicIds = (await ctx.app.inject({ url: '/api/v1/decisions' }))
      .json()
      .items.map((d: { id: string }) => d.id);
    expect(publicIds.indexOf(newer.id)).toBeLessThan(publicIds.indexOf(older.id));
    expect(publicIds).not.toContain(coalition.id);
    const signedIn = (await ctx.app.inject({ url: '/api/v1/decisions', headers: as(observer) })).json().items;
    expect(signedIn.map((d: { id: string }) => d.id)).toContain(coalition.id);
    expect(signedIn.find((d: { id: string }) => d.id === newer.id)).toMatchObject({
      number: newer.number,
      method: 'meeting_consensus',
      statementId: newer.statement.id,
      textVersion: 1,
      adoptedOn: '2029-06-01',
      translations: { fr: { title: 'Décision' } },
      followUps: [],
    });
    const brussels = signedIn.find((d: { number: string }) => d.number === '2014/1');
    expect(brussels).toMatchObject({ method: 'meeting_consensus', adoptedOn: '2014-12-03' });
    expect(brussels.followUps).toHaveLength(2);
    const of2029 = (await ctx.app.inject({ url: '/api/v1/decisions?year=2029' })).json().items;
    expect(of2029.map((d: { adoptedOn: string }) => d.adoptedOn.slice(0, 4))).toEqual(['2029', '2029']);
    expect((await ctx.app.inject({ url: '/api/v1/decisions?year=soon' })).statusCode).toBe(400);
  });

  it('GET /decisions/{id}: 404 for a decision whose statement the caller cannot see', async () => {
    const listed = await buildUser(ctx, { role: 'focal_point' });
    const restricted = await decide({ visibility: 'restricted', restrictedTo: [listed.memberCode as string] });
    const url = `/api/v1/decisions/${restricted.id}`;
    expect((await ctx.app.inject({ url, headers: as(listed) })).statusCode).toBe(200);
    for (const user of [null, observer, focalPoint]) {
      expect((await ctx.app.inject({ url, headers: as(user) })).statusCode).toBe(404);
    }
    expect((await ctx.app.inject({ url: '/api/v1/decisions/nope' })).statusCode).toBe(400);
  });

  it('POST /decisions/{id}/follow-ups: secretariat, one owner, audited', async () => {
    const decision = await decide({ visibility: 'coalition' });
    const url = `/api/v1/decisions/${decision.id}/follow-ups`;
    const body = { text: 'Report on progress', ownerWorkingGroup: 'Counter-financing', dueOn: '2030-06-30' };
    expect((await ctx.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url, headers: as(observer), payload: body })).statusCode).toBe(403);
    for (const owners of [{}, { ownerWorkingGroup: 'A group', ownerMemberCode: 'USA' }]) {
      const bad = await ctx.app.inject({
        method: 'POST',
        url,
        headers: as(secretariat),
        payload: { text: 'Two owners or none', ...owners },
      });
      expect(bad.statusCode).toBe(400);
      expect(parseProblem(bad.body).errors).toEqual([
        expect.objectContaining({ path: 'ownerMemberCode', code: 'one_owner' }),
      ]);
    }
    const unknown = await ctx.app.inject({
      method: 'POST',
      url,
      headers: as(secretariat),
      payload: { text: 'Nobody', ownerMemberCode: 'NOPE9' },
    });
    expect(parseProblem(unknown.body).errors).toEqual([
      expect.objectContaining({ path: 'ownerMemberCode', code: 'unknown_member' }),
    ]);
    const res = await ctx.app.inject({ method: 'POST', url, headers: as(secretariat), payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/follow-ups/${res.json().id}`);
    expect(res.json()).toMatchObject({
      text: body.text,
      owner: { kind: 'working_group', name: 'Counter-financing' },
      dueOn: '2030-06-30',
      status: 'open',
      version: 1,
    });
    expect(await trailOf(res.json().id)).toEqual([
      expect.objectContaining({
        action: 'follow_up.created',
        actorEmail: secretariat.email,
        after: expect.objectContaining({ decisionId: decision.id, ownerWorkingGroup: 'Counter-financing' }),
      }),
    ]);
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/decisions/00000000-0000-4000-8000-000000000000/follow-ups',
      headers: as(secretariat),
      payload: body,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('PATCH /follow-ups/{id}: If-Match, a new owner replaces the old, audited; 409 when stale', async () => {
    const decision = await decide({ visibility: 'coalition' });
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/decisions/${decision.id}/follow-ups`,
      headers: as(secretariat),
      payload: { text: 'Host a meeting', ownerWorkingGroup: 'Stabilization' },
    });
    const url = `/api/v1/follow-ups/${created.json().id}`;
    const patch = (headers: Record<string, string>, payload: object) =>
      ctx.app.inject({ method: 'PATCH', url, headers, payload });
    expect((await patch({}, { status: 'done' })).statusCode).toBe(401);
    expect((await patch(as(secretariat), { status: 'done' })).statusCode).toBe(428);
    expect((await patch(as(observer, { 'if-match': '"1"' }), { status: 'done' })).statusCode).toBe(403);
    const ok = await patch(as(secretariat, { 'if-match': '"1"' }), { ownerMemberCode: 'USA', status: 'in_progress' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      owner: { kind: 'member', member: { code: 'USA', names: { en: 'United States' } } },
      status: 'in_progress',
      version: 2,
    });
    expect(ok.headers.etag).toBe('"2"');
    expect((await patch(as(secretariat, { 'if-match': '"1"' }), { status: 'done' })).statusCode).toBe(409);
    const both = await patch(as(secretariat, { 'if-match': '"2"' }), {
      ownerWorkingGroup: 'X',
      ownerMemberCode: 'USA',
    });
    expect(both.statusCode).toBe(400);
    const trail = await trailOf(created.json().id);
    expect(trail[0]).toMatchObject({
      action: 'follow_up.updated',
      before: expect.objectContaining({ ownerWorkingGroup: 'Stabilization', ownerMemberCode: null, status: 'open' }),
      after: expect.objectContaining({ ownerWorkingGroup: null, ownerMemberCode: 'USA', status: 'in_progress' }),
    });
    const missing = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/v1/follow-ups/00000000-0000-4000-8000-000000000000',
      headers: as(secretariat, { 'if-match': '"1"' }),
      payload: { status: 'done' },
    });
    expect(missing.statusCode).toBe(404);
  });
});
