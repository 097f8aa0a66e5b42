import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildMember } from '../../test/factories.js';
import {
  createTestApp,
  databaseSnapshot,
  engines,
  signedInUser,
  type TestContext,
  type TestUser,
} from '../../test/harness.js';

describe.each(engines)('audit route on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp(engine);
    secretariat = await signedInUser(ctx, 'secretariat');
  });
  afterAll(() => ctx?.close());

  const get = (query: string, cookie = secretariat.cookie) =>
    ctx.app.inject({ url: `/api/v1/audit${query}`, headers: { cookie, 'x-request-id': 'test-req-1' } });

  it('records a change with actor, before and after, and the request id', async () => {
    const member = await buildMember(ctx);
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.code}`,
      headers: { cookie: secretariat.cookie, 'if-match': '"1"', 'x-request-id': 'edit-member-42' },
      payload: { note: 'Core coalition, Wales 2014.' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.headers['x-request-id']).toBe('edit-member-42');
    const res = await get(`?entityType=member&entityId=${member.id}`);
    expect(res.statusCode).toBe(200);
    const [latest, created] = res.json().items;
    expect(latest).toMatchObject({
      action: 'member.updated',
      actorId: secretariat.id,
      actorEmail: secretariat.email,
      requestId: 'edit-member-42',
      before: { note: null, version: 1 },
      after: { note: 'Core coalition, Wales 2014.', version: 2 },
    });
    expect(created).toMatchObject({ action: 'member.created', after: { code: member.code, version: 1 } });
  });

  it('has the demo coalition recorded by the seed, with no actor', async () => {
    const canada = (await ctx.app.inject({ url: '/api/v1/members/CAN' })).json();
    const items = (await get(`?entityType=member&entityId=${canada.id}`)).json().items;
    expect(items.at(-1)).toMatchObject({ action: 'member.created', actorId: null, requestId: 'seed' });
  });

  it('writes no event, and changes nothing, when a change is refused', async () => {
    const member = await buildMember(ctx);
    const before = await databaseSnapshot(ctx.database);
    const stale = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.code}`,
      headers: { cookie: secretariat.cookie, 'if-match': '"2"' },
      payload: { note: 'stale' },
    });
    expect(stale.statusCode).toBe(409);
    expect(await databaseSnapshot(ctx.database)).toEqual(before);
  });

  it('pages newest first with nextBefore, and validates its query', async () => {
    const first = (await get('?limit=5')).json();
    expect(first.items).toHaveLength(5);
    const seqs = first.items.map((e: { seq: number }) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const second = (await get(`?limit=5&before=${first.nextBefore}`)).json();
    expect(second.items[0].seq).toBeLessThan(seqs[4]);
    const bad = await get('?limit=5000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: 'query', path: 'limit' });
  });

  it("leaves out the system's events and sign-ins when asked: the desk's recent changes, from every module", async () => {
    const member = await buildMember(ctx);
    const meeting = await buildMeeting(ctx, { invite: [member.code] });
    const items = (await get('?limit=200&excludeSystem=true&excludeSessions=true')).json().items as {
      action: string;
      actorId: string | null;
      entityId: string | null;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.actorId !== null && !e.action.startsWith('session.'))).toBe(true);
    // Meetings and delegations appear beside members.
    expect(items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['meeting.created', 'delegation.invited', 'member.created']),
    );
    expect(items.find((e) => e.action === 'meeting.created')?.entityId).toBe(meeting.id);
    // Without the filter, the seed's rows are there.
    const seeded = (await get('?entityType=member&limit=200')).json().items as { requestId: string | null }[];
    expect(seeded.some((e) => e.requestId === 'seed')).toBe(true);
    const filtered = (await get('?entityType=member&limit=200&excludeSystem=true')).json().items;
    expect(filtered.some((e: { requestId: string | null }) => e.requestId === 'seed')).toBe(false);
    const bad = await get('?excludeSystem=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: 'query', path: 'excludeSystem' });
  });
});
