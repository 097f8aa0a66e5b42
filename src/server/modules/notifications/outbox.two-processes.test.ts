import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/client.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMeeting, buildMember, buildUser } from '../../test/factories.js';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';

const url = process.env.TEST_DATABASE_URL;

/**
 * Two app processes on one PostgreSQL database, both draining the outbox at once, against one
 * real SMTP server: every mail arrives exactly once. (PGlite is one process by construction.)
 */
describe.runIf(url)('the outbox with two app processes on PostgreSQL', () => {
  let a: TestContext;
  let b: Awaited<ReturnType<typeof buildApp>>;
  let closeB: () => Promise<void>;
  let smtp: TestSmtpServer;
  const clock = fixedClock('2031-02-10T08:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Small batches, so that the two processes' claims interleave over many rounds.
    const mail = { smtpUrl: smtp.url, outbox: { batchSize: 2 } };
    a = await createTestApp('postgresql', { seed: false, clock, mail });
    const database = await openDatabase({ url: a.testDb.url as string, poolSize: 5 });
    b = await buildApp({ database, clock, mail, rateLimitPerMinute: 1_000_000 });
    await b.ready();
    closeB = async () => {
      await b.close();
      await database.close();
    };
  });
  afterAll(async () => {
    await closeB?.();
    await a?.close();
    await smtp?.close();
  });

  it('sends one invitation as exactly one message, whichever process drains first', async () => {
    const member = await buildMember(a);
    const focal = await buildUser(a, { role: 'focal_point', member: member.code, signedIn: false });
    await buildMeeting(a, { invite: [member.code] });
    const before = smtp.messages.length;
    // Each process drains twice, the four drains overlapping (a drain asked for while one runs in
    // the same process waits for that one).
    const [fromA, fromB] = await Promise.all([a.app.outbox.drainOnce(), b.outbox.drainOnce()]);
    const again = await Promise.all([a.app.outbox.drainOnce(), b.outbox.drainOnce()]);
    expect(fromA.sent + fromB.sent + again[0].sent + again[1].sent).toBe(1);
    expect(smtp.messages.length - before).toBe(1);
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(focal.email))).toHaveLength(1);
  });

  it('sends many invitations, both processes draining at once, each exactly once', async () => {
    const before = smtp.messages.length;
    const members = await Promise.all(Array.from({ length: 12 }, () => buildMember(a)));
    const focals = [];
    for (const m of members) focals.push(await buildUser(a, { role: 'focal_point', member: m.code, signedIn: false }));
    await buildMeeting(a, { invite: members.map((m) => m.code) });

    const [fromA, fromB] = await Promise.all([a.app.outbox.drainOnce(), b.outbox.drainOnce()]);
    // Whatever one left (a row claimed by the other while it was looking) the next round finds.
    const rest = await Promise.all([a.app.outbox.drainOnce(), b.outbox.drainOnce()]);
    const sent = fromA.sent + fromB.sent + rest[0].sent + rest[1].sent;
    expect(sent).toBe(12);
    const recipients = smtp.messages.slice(before).map((m) => (Array.isArray(m.to) ? '' : m.to?.value[0].address));
    expect(recipients.sort()).toEqual(focals.map((f) => f.email).sort());
  });
});
