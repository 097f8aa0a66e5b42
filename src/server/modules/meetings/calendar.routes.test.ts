import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarTokens } from '../../db/schema/auth.js';
import { fixedClock, type SettableClock } from '../../lib/clock.js';
import { buildDelegation, buildMeeting, buildMember, buildUser } from '../../test/factories.js';
import { createTestApp, engines, signedInUser, type TestContext, type TestUser } from '../../test/harness.js';

const CREATED = '2030-01-10T08:00:00Z';
const CHANGED = '2030-01-20T17:45:00Z';

const events = (body: string) =>
  new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const uids = (body: string) => events(body).map((e) => e.uid);

describe.each(engines)('calendar routes on %s', (engine) => {
  let ctx: TestContext;
  let clock: SettableClock;
  let secretariat: TestUser;

  beforeAll(async () => {
    clock = fixedClock(CREATED);
    ctx = await createTestApp(engine, { clock, seed: false });
    secretariat = await signedInUser(ctx, 'secretariat');
  });
  afterAll(() => ctx?.close());

  it('stamps an event with the time its record last changed, SEQUENCE from its version, and describes it', async () => {
    clock.set(CREATED);
    const meeting = await buildMeeting(ctx, {
      title: 'Ministérial de Bruxelles',
      startDate: '2030-12-03',
      endDate: '2030-12-03',
      summary: 'The first meeting of the ministers.',
      agenda: [{ title: 'Opening' }, { title: 'Foreign terrorist fighters' }],
    });
    const first = await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}/calendar.ics` });
    expect(first.statusCode).toBe(200);
    const [created] = events(first.body);
    expect(created.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2030-01-10T08:00:00Z');
    expect(created.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2030-01-10T08:00:00Z');
    expect(created.sequence).toBe(0);
    const url = created.component.getFirstPropertyValue('url');
    expect(url).toMatch(new RegExp(`^http://localhost(:80)?/meetings/${meeting.id}$`));
    expect(created.description).toBe(
      `The first meeting of the ministers.\n\n1. Opening\n2. Foreign terrorist fighters\n\n${url}`,
    );
    // Named after the meeting: its date and title in ASCII.
    expect(first.headers['content-disposition']).toBe('attachment; filename="2030-12-03-ministerial-de-bruxelles.ics"');
    // The same record downloaded again is the same event: nothing in it is "now".
    expect((await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}/calendar.ics` })).body).toBe(first.body);

    clock.set(CHANGED);
    // Ten days on, the first session is long idle: a new one.
    secretariat = await signedInUser(ctx, 'secretariat');
    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${meeting.id}`,
      headers: { cookie: secretariat.cookie, 'if-match': `"${meeting.version}"` },
      payload: { venue: 'NATO Headquarters' },
    });
    expect(changed.statusCode).toBe(200);
    const [event] = events((await ctx.app.inject({ url: '/api/v1/calendar.ics' })).body).filter(
      (e) => e.uid === `${meeting.id}@entente`,
    );
    expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2030-01-20T17:45:00Z');
    expect(event.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2030-01-20T17:45:00Z');
    expect(event.sequence).toBe(1);
  });

  it('names the file by the id when the title has no Latin letter, and describes a meeting with neither summary nor agenda by its link', async () => {
    const meeting = await buildMeeting(ctx, { title: 'اجتماع', workingLanguage: 'ar', startDate: '2030-05-02' });
    const res = await ctx.app.inject({ url: `/api/v1/meetings/${meeting.id}/calendar.ics` });
    expect(res.headers['content-disposition']).toBe(`attachment; filename="2030-05-02-${meeting.id}.ics"`);
    const [event] = events(res.body);
    expect(event.description).toBe(event.component.getFirstPropertyValue('url'));
  });

  describe('the private link', () => {
    const makeLink = (user: TestUser) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/auth/me/calendar-link', headers: { cookie: user.cookie } });

    it("shows a focal point their member's meetings, without a session; a new link ends the old one; both audited", async () => {
      const member = await buildMember(ctx);
      const invited = await buildDelegation(ctx, { member: member.code });
      const other = await buildMeeting(ctx);
      const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });

      const made = await makeLink(focal);
      expect(made.statusCode).toBe(201);
      const { path } = made.json();
      expect(path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

      const calendar = await ctx.app.inject({ url: path });
      expect(calendar.statusCode).toBe(200);
      expect(calendar.headers['content-type']).toContain('text/calendar');
      expect(calendar.headers['cache-control']).toBe('private, no-store');
      expect(uids(calendar.body)).toEqual([`${invited.meetingId}@entente`]);
      expect(uids(calendar.body)).not.toContain(`${other.id}@entente`);

      // Only the hash is kept: the token appears nowhere in the database.
      const token = path.slice('/api/v1/calendar/'.length, -'.ics'.length);
      const stored = await ctx.database.db.select({ hash: calendarTokens.tokenHash }).from(calendarTokens);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.map((r) => r.hash)).not.toContain(token);

      const rotated = (await makeLink(focal)).json().path;
      expect(rotated).not.toBe(path);
      expect((await ctx.app.inject({ url: path })).statusCode).toBe(404);
      expect((await ctx.app.inject({ url: rotated })).statusCode).toBe(200);

      const audit = await ctx.app.inject({
        url: `/api/v1/audit?entityType=user&entityId=${focal.id}`,
        headers: { cookie: secretariat.cookie },
      });
      const actions = audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .filter((a: string) => a.startsWith('calendar_token.'));
      expect(actions).toEqual(['calendar_token.rotated', 'calendar_token.created']);
      expect(audit.body).not.toContain(token);
    });

    it('shows the secretariat every meeting, restricted ones included, and an observer only what they may see', async () => {
      const member = await buildMember(ctx);
      const restricted = await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [member.code] });
      const open = await buildMeeting(ctx);
      const observer = await signedInUser(ctx, 'observer');
      const secretariatCalendar = (await ctx.app.inject({ url: (await makeLink(secretariat)).json().path })).body;
      expect(uids(secretariatCalendar)).toEqual(
        expect.arrayContaining([`${restricted.id}@entente`, `${open.id}@entente`]),
      );
      const observerCalendar = (await ctx.app.inject({ url: (await makeLink(observer)).json().path })).body;
      expect(uids(observerCalendar)).toContain(`${open.id}@entente`);
      expect(uids(observerCalendar)).not.toContain(`${restricted.id}@entente`);
    });

    it('answers 404 for a token nobody has, 401 to make a link signed out', async () => {
      for (const token of ['A'.repeat(43), 'nope', 'x'.repeat(90)]) {
        const res = await ctx.app.inject({ url: `/api/v1/calendar/${token}.ics` });
        expect(res.statusCode, token).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/me/calendar-link' })).statusCode).toBe(401);
    });
  });
});
