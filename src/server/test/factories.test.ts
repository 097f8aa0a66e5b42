import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDelegation, buildMeeting, buildMember, buildPerson, buildUser } from './factories.js';
import { createTestApp, engines, type TestContext } from './harness.js';

/** The factories work on an empty database (no demo seed) and make a new, valid record each call. */
describe.each(engines)('factories on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false });
  });
  afterAll(() => ctx?.close());

  it('builds members, each with its own code, readable through the API', async () => {
    const [a, b] = [await buildMember(ctx), await buildMember(ctx)];
    expect(a.code).not.toBe(b.code);
    expect(a).toMatchObject({ kind: 'organization', status: 'active', version: 1 });
    const state = await buildMember(ctx, { code: 'PER', kind: 'state' });
    expect(state.name).toBe('Peru');
    const listed = (await ctx.app.inject({ url: '/api/v1/members' })).json().items.map((m: { code: string }) => m.code);
    expect(listed).toEqual(expect.arrayContaining([a.code, b.code, 'PER']));
  });

  it('builds people of a new member, or of the member named', async () => {
    const person = await buildPerson(ctx, { title: 'Envoy' });
    const other = await buildPerson(ctx, { member: person.memberCode });
    expect(other.memberCode).toBe(person.memberCode);
    expect(other.id).not.toBe(person.id);
    const listed = (await ctx.app.inject({ url: `/api/v1/people?member=${person.memberCode}` })).json().items;
    expect(listed.map((p: { name: string }) => p.name).sort()).toEqual([person.name, other.name].sort());
    expect(listed.find((p: { id: string }) => p.id === person.id).title).toBe('Envoy');
  });

  it('builds users signed in or not, a focal point bound to a new member by default', async () => {
    const fp = await buildUser(ctx, { role: 'focal_point' });
    const me = await ctx.app.inject({ url: '/api/v1/auth/me', headers: { cookie: fp.cookie } });
    expect(me.json()).toMatchObject({ role: 'focal_point', memberCode: fp.memberCode });
    const out = await buildUser(ctx, { signedIn: false });
    expect(out.cookie).toBeNull();
    expect(out.email).not.toBe(fp.email);
  });

  it('builds meetings with invitations, and delegations named or not', async () => {
    const member = await buildMember(ctx);
    const meeting = await buildMeeting(ctx, { invite: [member.code] });
    expect(meeting).toMatchObject({ status: 'planned', visibility: 'public', hostCode: null });
    expect(meeting.delegations.map((d) => d.memberCode)).toEqual([member.code]);
    expect((await buildMeeting(ctx)).title).not.toBe(meeting.title);

    const empty = await buildDelegation(ctx);
    expect(empty.delegation).toMatchObject({ head: null, delegates: [], version: 1 });
    const head = await buildPerson(ctx);
    const named = await buildDelegation(ctx, {
      meeting: meeting.id,
      member: head.memberCode,
      named: { level: 'minister', head: { personId: head.id }, alternates: [{ name: 'New Alternate' }] },
    });
    expect(named.delegation).toMatchObject({ level: 'minister', head: { id: head.id }, version: 2 });
    const page = (await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}` })).json();
    expect(page.delegations.map((d: { memberCode: string }) => d.memberCode).sort()).toEqual(
      [member.code, head.memberCode].sort(),
    );
  });
});
