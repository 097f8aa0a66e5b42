import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.js';
import { outbox } from '../../db/schema/notifications.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMeeting, buildMember, buildUser, type TestUser } from '../../test/factories.js';
import { createTestApp, engines, parseProblem, signedInUser, type TestContext } from '../../test/harness.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { claimDue } from './notifications.repo.js';

const NOW = '2031-02-10T08:00:00Z';

describe.each(engines)('notifications and their mail on %s', (engine) => {
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  let secretariat: TestUser;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestApp(engine, {
      clock,
      seed: false,
      mail: { smtpUrl: smtp.url, from: 'Entente <desk@example.org>' },
    });
    secretariat = await signedInUser(ctx, 'secretariat');
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  const invite = (meetingId: string, memberCodes: string[]) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/invitations`,
      headers: { cookie: secretariat.cookie },
      payload: { memberCodes },
    });
  const listOf = async (user: { cookie: string }) => {
    const res = await ctx.app.inject({ url: '/api/v1/notifications', headers: { cookie: user.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const chooseLanguage = async (user: TestUser, language: string) => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/language',
      headers: { cookie: user.cookie },
      payload: { language },
    });
    expect(res.statusCode).toBe(204);
  };
  /** Drains until nothing is due, with the messages it sent. */
  const drained = async () => {
    const before = smtp.messages.length;
    await ctx.app.outbox.drainOnce();
    return smtp.messages.slice(before);
  };

  it("tells each focal point of an invited member, and nobody else, in the invitation's transaction", async () => {
    const member = await buildMember(ctx);
    const other = await buildMember(ctx);
    const first = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const second = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const elsewhere = await buildUser(ctx, { role: 'focal_point', member: other.code });
    const meeting = await buildMeeting(ctx, {
      title: 'Counter-financing working group',
      titleTranslations: { fr: 'Groupe de travail sur le financement' },
      startDate: '2031-03-04',
      endDate: '2031-03-05',
    });

    const res = await invite(meeting.id, [member.code]);
    expect(res.statusCode).toBe(200);

    for (const user of [first, second]) {
      const list = await listOf(user);
      expect(list.unread).toBe(1);
      expect(list.items).toEqual([
        {
          id: expect.any(String),
          kind: 'delegation_invited',
          params: {
            meetingId: meeting.id,
            meetingTitle: 'Counter-financing working group',
            titleTranslations: { fr: 'Groupe de travail sur le financement' },
            workingLanguage: 'en',
            memberCode: member.code,
            startDate: '2031-03-04',
            endDate: '2031-03-05',
            deadline: null,
          },
          createdAt: '2031-02-10T08:00:00.000Z',
          readAt: null,
        },
      ]);
    }
    expect((await listOf(elsewhere)).items).toEqual([]);
    expect((await listOf(secretariat)).items).toEqual([]);

    // Invited again: nothing new, and nobody is told twice.
    await invite(meeting.id, [member.code]);
    expect((await listOf(first)).items).toHaveLength(1);
    await drained();
  });

  it('tells nobody when the invitation is refused, and nothing is queued', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const meeting = await buildMeeting(ctx);
    const res = await invite(meeting.id, [member.code, 'NOPE-NOT-A-MEMBER']);
    expect(res.statusCode).toBe(400);
    expect((await listOf(focal)).items).toEqual([]);
    expect(await drained()).toEqual([]);
  });

  it("does not tell a member's focal points of a restricted meeting they may not see", async () => {
    const shown = await buildMember(ctx);
    const hidden = await buildMember(ctx);
    const seeing = await buildUser(ctx, { role: 'focal_point', member: shown.code });
    const blind = await buildUser(ctx, { role: 'focal_point', member: hidden.code });
    const meeting = await buildMeeting(ctx, { visibility: 'restricted', restrictedTo: [shown.code] });
    expect((await invite(meeting.id, [shown.code, hidden.code])).statusCode).toBe(200);
    expect((await listOf(seeing)).items).toHaveLength(1);
    expect((await listOf(blind)).items).toEqual([]);
    await drained();
  });

  it('lists newest first', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const earlier = await buildMeeting(ctx, { title: 'Earlier' });
    const later = await buildMeeting(ctx, { title: 'Later' });
    await invite(earlier.id, [member.code]);
    clock.advance(60_000);
    await invite(later.id, [member.code]);
    const titles = (await listOf(focal)).items.map((n: { params: { meetingTitle: string } }) => n.params.meetingTitle);
    expect(titles).toEqual(['Later', 'Earlier']);
    await drained();
  });

  it('marks one read for its recipient only: 404 for anyone else, with the audit event', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const colleague = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const meeting = await buildMeeting(ctx);
    await invite(meeting.id, [member.code]);
    const [mine] = (await listOf(focal)).items;
    const url = `/api/v1/notifications/${mine.id}/read`;

    expect((await ctx.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    for (const stranger of [colleague, secretariat, await signedInUser(ctx, 'admin')]) {
      const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: stranger.cookie } });
      expect(res.statusCode).toBe(404);
      expect(parseProblem(res.body).code).toBe('not_found');
    }
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/not-an-id/read',
      headers: { cookie: focal.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(parseProblem(bad.body).errors?.[0]).toMatchObject({ path: 'id', code: 'invalid_format' });
    expect((await listOf(focal)).items[0].readAt).toBeNull();

    const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: focal.cookie } });
    expect(res.statusCode).toBe(204);
    const after = await listOf(focal);
    expect(after.items[0].readAt).toBe(new Date(clock.now()).toISOString());
    expect(after.unread).toBe(0);
    // The colleague's own copy is theirs, still unread.
    expect((await listOf(colleague)).unread).toBe(1);
    const trail = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, mine.id));
    expect(trail.map((e) => e.action)).toEqual(['notification.read']);
    // Read again: 204, and no second event.
    expect((await ctx.app.inject({ method: 'POST', url, headers: { cookie: focal.cookie } })).statusCode).toBe(204);
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, mine.id))).toHaveLength(1);
    await drained();
  });

  it('marks all of mine read, and nobody else’s', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const colleague = await buildUser(ctx, { role: 'focal_point', member: member.code });
    for (let i = 0; i < 3; i += 1) await invite((await buildMeeting(ctx)).id, [member.code]);
    expect((await listOf(focal)).unread).toBe(3);
    const url = '/api/v1/notifications/read-all';
    expect((await ctx.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: focal.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 3 });
    expect((await listOf(focal)).unread).toBe(0);
    expect((await listOf(colleague)).unread).toBe(3);
    const again = await ctx.app.inject({ method: 'POST', url, headers: { cookie: focal.cookie } });
    expect(again.json()).toEqual({ marked: 0 });
    await drained();
  });

  it('mails each focal point once, in their own language (English when they chose none)', async () => {
    const member = await buildMember(ctx);
    const english = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const french = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const arabic = await buildUser(ctx, { role: 'focal_point', member: member.code });
    await chooseLanguage(french, 'fr');
    await chooseLanguage(arabic, 'ar');
    const meeting = await buildMeeting(ctx, {
      title: 'Stabilisation working group',
      titleTranslations: { fr: 'Groupe de travail sur la stabilisation', ar: 'الفريق العامل المعني بتحقيق الاستقرار' },
      startDate: '2031-03-04',
      endDate: '2031-03-04',
    });
    await invite(meeting.id, [member.code]);

    const sent = await drained();
    expect(sent).toHaveLength(3);
    const to = (user: TestUser) => {
      const found = sent.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === user.email);
      expect(found).toHaveLength(1);
      return found[0];
    };
    expect(to(english).subject).toBe('Invitation: Stabilisation working group');
    expect(to(english).text).toContain(`${member.code} is invited to "Stabilisation working group" (4 March 2031).`);
    expect(to(english).from?.value[0]).toMatchObject({ name: 'Entente', address: 'desk@example.org' });
    expect(to(french).subject).toBe('Invitation : Groupe de travail sur la stabilisation');
    expect(to(french).text).toContain('(4 mars 2031)');
    expect(to(arabic).subject).toBe('دعوة: الفريق العامل المعني بتحقيق الاستقرار');
    expect(to(arabic).text).toContain('يرجى تسمية وفدكم');
    // Latin digits in Arabic (docs/adr/0006).
    expect(to(arabic).text).toContain('2031');

    // Drained again: nothing more.
    expect(await drained()).toEqual([]);
  });

  it('retries a refused send later, with backoff, and sends it once', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    const meeting = await buildMeeting(ctx);
    smtp.refuseNext(1);
    await invite(meeting.id, [member.code]);

    expect(await ctx.app.outbox.drainOnce()).toEqual({ sent: 0, failed: 1 });
    const [row] = await ctx.database.db.select().from(outbox).where(eq(outbox.recipient, focal.email));
    expect(row).toMatchObject({ attempts: 1, sentAt: null, claimedBy: null, failedAt: null });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.toISOString()).toBe(new Date(clock.now().getTime() + 60_000).toISOString());

    // Not yet due: nothing is tried.
    clock.advance(59_000);
    expect(await ctx.app.outbox.drainOnce()).toEqual({ sent: 0, failed: 0 });
    clock.advance(1_000);
    const sent = await drained();
    expect(sent.map((m) => m.subject)).toEqual([`Invitation: ${meeting.title}`]);
    const [done] = await ctx.database.db.select().from(outbox).where(eq(outbox.recipient, focal.email));
    expect(done).toMatchObject({ attempts: 2, lastError: null, claimedBy: null });
    expect(done.sentAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('takes over a row whose sender died mid-send once its lease has run out', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code });
    await invite((await buildMeeting(ctx)).id, [member.code]);
    // Another process claims it, then is never heard of again.
    const claimed = await claimDue(ctx.database.db, clock.sql(), 'a-process-that-died', 100, 300);
    expect(claimed.map((c) => c.recipient)).toEqual([focal.email]);

    expect(await drained()).toEqual([]);
    clock.advance(299_000);
    expect(await drained()).toEqual([]);
    clock.advance(2_000);
    const sent = await drained();
    expect(sent).toHaveLength(1);
    expect(await drained()).toEqual([]);
  });
});
