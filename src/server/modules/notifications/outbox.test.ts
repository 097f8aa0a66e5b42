import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema/notifications.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMeeting, buildMember, buildUser } from '../../test/factories.js';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { retryDelaySeconds } from './outbox.js';

describe('retryDelaySeconds', () => {
  it.each([
    [1, 60],
    [2, 120],
    [3, 240],
    [8, 7680],
    [9, 15360],
    [12, 21600],
  ])('after attempt %i: %i s', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });
});

describe('without SMTP_URL: mail is logged, never its body', () => {
  let ctx: TestContext;
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    ctx = await createTestApp('pglite', { seed: false, logger: { level: 'info', stream } });
  });
  afterAll(() => ctx?.close());

  it('logs the recipient and subject at info, and marks the row sent', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code, signedIn: false });
    await buildMeeting(ctx, { title: 'Logged meeting', invite: [member.code] });
    expect(await ctx.app.outbox.drainOnce()).toEqual({ sent: 1, failed: 0 });
    const logged = lines.filter((l) => l.to === focal.email);
    expect(logged).toEqual([
      expect.objectContaining({ level: 30, subject: 'Invitation: Logged meeting', to: focal.email }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('Please name your delegation');
    const [row] = await ctx.database.db.select().from(outbox).where(eq(outbox.recipient, focal.email));
    expect(row.sentAt).not.toBeNull();
  });
});

describe('a mail the SMTP server keeps refusing', () => {
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  const clock = fixedClock('2031-02-10T08:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestApp('pglite', {
      seed: false,
      clock,
      mail: { smtpUrl: smtp.url, outbox: { maxAttempts: 3 } },
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('is tried the set number of times, then given up and never sent', async () => {
    const member = await buildMember(ctx);
    const focal = await buildUser(ctx, { role: 'focal_point', member: member.code, signedIn: false });
    await buildMeeting(ctx, { invite: [member.code] });
    smtp.refuseNext(100);
    for (const wait of [0, 60, 120]) {
      clock.advance(wait * 1000);
      expect(await ctx.app.outbox.drainOnce()).toEqual({ sent: 0, failed: 1 });
    }
    const [row] = await ctx.database.db.select().from(outbox).where(eq(outbox.recipient, focal.email));
    expect(row).toMatchObject({ attempts: 3, sentAt: null });
    expect(row.failedAt?.toISOString()).toBe(clock.now().toISOString());
    smtp.refuseNext(0);
    clock.advance(24 * 3600 * 1000);
    expect(await ctx.app.outbox.drainOnce()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages).toEqual([]);
  });
});
