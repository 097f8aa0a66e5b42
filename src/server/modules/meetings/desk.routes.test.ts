import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { buildDelegation, buildMeeting, buildMember, buildUser, type TestUser } from '../../test/factories.js';
import { createTestApp, engines, parseProblem, signedInUser, type TestContext } from '../../test/harness.js';

/** 10 February 2031: the secretariat's desk looks six weeks ahead, to 24 March. */
const NOW = '2031-02-10T08:00:00Z';

describe.each(engines)('the desks on %s', (engine) => {
  let ctx: TestContext;
  let secretariat: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false, clock: fixedClock(NOW) });
    secretariat = await signedInUser(ctx, 'secretariat');
  });
  afterAll(() => ctx?.close());

  const get = (url: string, user: { cookie: string } | null) =>
    ctx.app.inject({ url, headers: user ? { cookie: user.cookie } : {} });

  describe('GET /desk/invitations', () => {
    it("lists the planned meetings the focal point's member is invited to, soonest first, named or not", async () => {
      const member = await buildMember(ctx);
      const other = await buildMember(ctx);
      const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
      const later = await buildMeeting(ctx, { title: 'Later', startDate: '2031-04-01', endDate: '2031-04-01' });
      const sooner = await buildMeeting(ctx, { title: 'Sooner', startDate: '2031-03-01', endDate: '2031-03-02' });
      await buildDelegation(ctx, { meeting: later.id, member: member.code });
      await buildDelegation(ctx, {
        meeting: sooner.id,
        member: member.code,
        named: { level: 'minister', head: { name: 'Head of delegation' } },
      });
      // Not theirs: held, cancelled, another member's, and restricted to another member.
      await buildMeeting(ctx, { title: 'Held', status: 'held', invite: [member.code] });
      await buildMeeting(ctx, { title: 'Cancelled', status: 'cancelled', invite: [member.code] });
      await buildMeeting(ctx, { title: 'Other', invite: [other.code] });
      await buildMeeting(ctx, {
        title: 'Restricted elsewhere',
        visibility: 'restricted',
        restrictedTo: [other.code],
        invite: [member.code],
      });
      const shown = await buildMeeting(ctx, {
        title: 'Restricted to them',
        startDate: '2031-05-01',
        endDate: '2031-05-01',
        visibility: 'restricted',
        restrictedTo: [member.code],
        invite: [member.code],
      });

      const res = await get('/api/v1/desk/invitations', focal);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.memberCode).toBe(member.code);
      expect(body.items.map((i: { title: string }) => i.title)).toEqual(['Sooner', 'Later', 'Restricted to them']);
      expect(body.items[0]).toMatchObject({
        meetingId: sooner.id,
        startDate: '2031-03-01',
        endDate: '2031-03-02',
        named: true,
        level: 'minister',
        seats: 1,
      });
      expect(body.items[1]).toMatchObject({ meetingId: later.id, named: false, level: null, seats: 0 });
      expect(body.items[2].meetingId).toBe(shown.id);
    });

    it('is for focal points only: 401 signed out, 403 for every other role', async () => {
      expect((await get('/api/v1/desk/invitations', null)).statusCode).toBe(401);
      for (const role of ['observer', 'secretariat', 'admin'] as const) {
        const res = await get('/api/v1/desk/invitations', await signedInUser(ctx, role));
        expect(res.statusCode).toBe(403);
        expect(parseProblem(res.body).code).toBe('forbidden');
      }
    });
  });

  describe('GET /desk/secretariat', () => {
    it('counts the delegations still to name in the coming six weeks, and lists planned meetings past their end', async () => {
      const [a, b, c] = [await buildMember(ctx), await buildMember(ctx), await buildMember(ctx)];
      const soon = await buildMeeting(ctx, {
        title: 'Soon',
        startDate: '2031-02-20',
        endDate: '2031-02-20',
        invite: [a.code, b.code, c.code],
      });
      await buildDelegation(ctx, { meeting: soon.id, member: a.code, named: { level: 'official' } });
      const beyond = await buildMeeting(ctx, { title: 'Beyond', startDate: '2031-03-25', endDate: '2031-03-25' });
      const lastDay = await buildMeeting(ctx, { title: 'Last day', startDate: '2031-03-24', endDate: '2031-03-24' });
      const stale = await buildMeeting(ctx, {
        title: 'Stale',
        startDate: '2031-01-05',
        endDate: '2031-01-06',
        invite: [a.code],
      });
      const running = await buildMeeting(ctx, { title: 'Running', startDate: '2031-02-09', endDate: '2031-02-10' });
      const held = await buildMeeting(ctx, {
        title: 'Held',
        startDate: '2031-01-05',
        endDate: '2031-01-05',
        status: 'held',
        invite: [b.code],
      });

      const res = await get('/api/v1/desk/secretariat', secretariat);
      expect(res.statusCode).toBe(200);
      const desk = res.json();
      expect(desk).toMatchObject({ today: '2031-02-10', horizonDays: 42 });
      const ids = (list: { meetingId: string }[]) => list.map((m) => m.meetingId);
      expect(ids(desk.upcoming)).toContain(soon.id);
      expect(ids(desk.upcoming)).toContain(lastDay.id);
      expect(ids(desk.upcoming)).not.toContain(beyond.id);
      expect(ids(desk.upcoming)).not.toContain(running.id);
      expect(desk.upcoming.find((m: { meetingId: string }) => m.meetingId === soon.id)).toMatchObject({
        title: 'Soon',
        invited: 3,
        unnamed: 2,
      });
      expect(ids(desk.overdue)).toContain(stale.id);
      expect(ids(desk.overdue)).not.toContain(held.id);
      expect(ids(desk.overdue)).not.toContain(running.id);
      expect(desk.overdue.find((m: { meetingId: string }) => m.meetingId === stale.id)).toMatchObject({
        invited: 1,
        unnamed: 1,
      });
    });

    it('is for the secretariat only', async () => {
      expect((await get('/api/v1/desk/secretariat', null)).statusCode).toBe(401);
      for (const role of ['observer', 'focal_point'] as const) {
        expect((await get('/api/v1/desk/secretariat', await signedInUser(ctx, role))).statusCode).toBe(403);
      }
      expect((await get('/api/v1/desk/secretariat', await signedInUser(ctx, 'admin'))).statusCode).toBe(200);
    });
  });
});
