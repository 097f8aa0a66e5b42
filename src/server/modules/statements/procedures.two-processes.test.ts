import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { auditEvents } from '../../db/schema/audit.js';
import { notifications } from '../../db/schema/notifications.js';
import { decisions, procedures, statements } from '../../db/schema/statements.js';
import { fixedClock } from '../../lib/clock.js';
import { buildMember, buildProcedure, buildUser, type TestUser } from '../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { type ServerProcess, startServerProcess } from '../../test/server-process.js';

const url = process.env.TEST_DATABASE_URL;

/** How many procedures come due at the same instant. */
const DUE = 40;

/**
 * Two app processes on one PostgreSQL database, as two servers behind a load balancer: A built in
 * this process (its clock set by the test), B a real server process (`dist/server/start.js`, the
 * database's clock) sweeping every 100 ms. Many silence procedures come due at the same instant;
 * both processes settle them at once, through reads and sweeps: each is adopted exactly once.
 */
describe.runIf(url)('procedures settled by two app processes on one PostgreSQL database', () => {
  let testDb: TestDatabase;
  let appA: FastifyInstance;
  let processB: ServerProcess | undefined;
  let secretariat: TestUser;
  // A's clock is far ahead of B's (the system's): nothing is due for B until the test says so.
  const clock = fixedClock('2099-01-01T09:00:00Z');

  beforeAll(async () => {
    testDb = await createTestDatabase('postgresql');
    processB = await startServerProcess(testDb.url as string, {
      DATABASE_POOL_SIZE: '4',
      PROCEDURE_SWEEP_INTERVAL_MS: '100',
    });
    appA = await buildApp({ database: testDb.database, clock, rateLimitPerMinute: 1_000_000 });
    await appA.ready();
    secretariat = await buildUser({ app: appA, database: testDb.database }, { role: 'secretariat' });
  }, 60_000);
  afterAll(async () => {
    if (processB) {
      const exited = new Promise((resolve) => processB?.child.once('exit', resolve));
      processB.child.kill('SIGTERM');
      await exited;
    }
    await appA?.close();
    await testDb?.drop();
  });

  it('adopts each of many procedures due at once exactly once: one decision each, numbers unique and gapless', async () => {
    const ctx = { app: appA, database: testDb.database };
    const members = [(await buildMember(ctx)).code, (await buildMember(ctx)).code];
    const made: string[] = [];
    for (let i = 0; i < DUE; i++) {
      made.push((await buildProcedure(ctx, { deadline: '2099-01-02T09:00:00Z', members })).id);
    }
    // Signed in through B, on B's clock.
    const signIn = await fetch(`${processB?.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secretariat.email, password: secretariat.password }),
    });
    expect(signIn.status).toBe(204);
    const cookieB = (signIn.headers.get('set-cookie') ?? '').split(';')[0];

    // One statement makes every deadline pass at the same instant, for both processes' clocks.
    await testDb.database.db
      .update(procedures)
      .set({ deadline: sql`now() - interval '1 second'` })
      .where(inArray(procedures.id, made));
    const year = (
      (await testDb.database.db.execute(
        sql`select extract(year from (now() - interval '1 second') at time zone 'UTC')::int as y`,
      )) as unknown as {
        rows: { y: number }[];
      }
    ).rows[0].y;

    // B's sweeper is running; B's reads, A's reads and A's sweeps race it.
    const readB = (id: string) =>
      fetch(`${processB?.base}/api/v1/procedures/${id}`, { headers: { cookie: cookieB } }).then(async (r) => {
        expect(r.status).toBe(200);
        return ((await r.json()) as { status: string }).status;
      });
    const readA = (id: string) =>
      appA
        .inject({ url: `/api/v1/procedures/${id}`, headers: { cookie: secretariat.cookie } })
        .then((r) => r.json().status as string);
    const seen = await Promise.all([
      ...made.map(readB),
      ...[...made].reverse().map(readA),
      appA.procedureSweeper.sweepOnce().then(() => 'adopted'),
      fetch(`${processB?.base}/api/v1/procedures`, { headers: { cookie: cookieB } }).then(() => 'adopted'),
    ]);
    // Every read, whichever process answered it, saw the adoption.
    expect(new Set(seen)).toEqual(new Set(['adopted']));

    const rows = await testDb.database.db.select().from(procedures).where(inArray(procedures.id, made));
    expect(rows.map((r) => r.status)).toEqual(made.map(() => 'adopted'));
    const adopted = await testDb.database.db
      .select()
      .from(statements)
      .where(
        inArray(
          statements.id,
          rows.map((r) => r.statementId),
        ),
      );
    expect(adopted.map((s) => s.status)).toEqual(made.map(() => 'adopted'));

    const made2 = await testDb.database.db.select().from(decisions).where(inArray(decisions.procedureId, made));
    expect(made2).toHaveLength(DUE);
    expect(new Set(made2.map((d) => d.procedureId)).size).toBe(DUE);
    expect(made2.map((d) => d.year)).toEqual(made.map(() => year));
    expect(made2.map((d) => d.sequence).sort((a, b) => a - b)).toEqual(made.map((_, i) => i + 1));

    const events = async (action: string, ids: string[]) =>
      testDb.database.db
        .select({ entityId: auditEvents.entityId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), inArray(auditEvents.entityId, ids)));
    const adoptedEvents = await events('procedure.adopted', made);
    expect(adoptedEvents.map((e) => e.entityId).sort()).toEqual([...made].sort());
    const decisionEvents = await events(
      'decision.created',
      made2.map((d) => d.id),
    );
    expect(decisionEvents).toHaveLength(DUE);

    // One notice of each adoption to each of the secretariat's staff (the factories' administrator too).
    const notices = await testDb.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, secretariat.id), eq(notifications.kind, 'procedure_adopted')));
    expect(notices.map((n) => n.params.procedureId).sort()).toEqual([...made].sort());
  }, 120_000);
});
