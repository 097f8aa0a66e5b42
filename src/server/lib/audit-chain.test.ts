import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedInUser, uniqueMemberCode } from '../test/factories.js';
import { createTestApp, engines, type TestContext } from '../test/harness.js';
import { type ServerProcess, startServerProcess } from '../test/server-process.js';
import { chainHash, chainUnchainedEvents, GENESIS_HASH, verifyAuditChain } from './audit-chain.js';

const rows = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

describe.each(engines)('the audit chain on %s', (engine) => {
  let ctx: TestContext;
  let secretariatCookie: string;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    secretariatCookie = (await signedInUser(ctx, 'secretariat')).cookie;
  });
  afterAll(() => ctx?.close());

  const addMember = (code = uniqueMemberCode()) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: secretariatCookie },
      payload: { code, kind: 'organization', names: { en: `Org ${code}`, fr: `Org ${code}`, ar: `منظمة ${code}` } },
    });

  /** Runs `tamper` on the trail, then restores it exactly (the events are the test's, not ours to keep broken). */
  async function tampered<T>(tamper: string | string[], run: () => Promise<T>): Promise<T> {
    const db = ctx.database.db;
    // A plain table, not a temporary one: PostgreSQL's pool may run each statement on another connection.
    await db.execute(sql`create table audit_backup as select * from audit_events`);
    try {
      for (const statement of [tamper].flat()) await db.execute(sql.raw(statement));
      return await run();
    } finally {
      await db.execute(sql`delete from audit_events`);
      await db.execute(sql`insert into audit_events overriding system value select * from audit_backup`);
      await db.execute(sql`drop table audit_backup`);
    }
  }

  it('chains every event the demo and the app wrote, and the public head is its last hash', async () => {
    for (let i = 0; i < 3; i++) expect((await addMember()).statusCode).toBe(201);
    const verdict = await verifyAuditChain(ctx.database.db);
    expect(verdict.intact).toBe(true);
    if (!verdict.intact) return;
    const [count] = rows<{ n: number }>(
      await ctx.database.db.execute(sql`select count(*)::int as n from audit_events`),
    );
    expect(verdict.events).toBe(count.n);
    const head = await ctx.app.inject({ url: '/api/v1/audit/head' });
    expect(head.statusCode).toBe(200);
    expect(head.json()).toMatchObject({ seq: verdict.head?.seq, hash: verdict.head?.hash });
    expect(head.json().hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stays one chain when many transactions append at once', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, () => addMember()));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    expect(await verifyAuditChain(ctx.database.db)).toMatchObject({ intact: true });
  });

  describe('finds what was done to it', () => {
    let target: { seq: number; id: string };
    let next: { seq: number; id: string };
    beforeEach(async () => {
      // Two events of this test's own: the first is tampered with, the second follows it.
      expect((await addMember()).statusCode).toBe(201);
      expect((await addMember()).statusCode).toBe(201);
      const last = rows<{ seq: string; id: string }>(
        await ctx.database.db.execute(sql`select seq, id from audit_events order by seq desc limit 2`),
      ).map((r) => ({ seq: Number(r.seq), id: r.id }));
      [next, target] = last;
    });

    it('names a changed event', async () => {
      const verdict = await tampered(
        `update audit_events set after = jsonb_set(after, '{code}', '"XXX"') where seq = ${target.seq}`,
        () => verifyAuditChain(ctx.database.db),
      );
      expect(verdict).toMatchObject({ intact: false, seq: target.seq, id: target.id, problem: 'changed' });
    });

    it('names a changed time or actor, not only a changed payload', async () => {
      const verdict = await tampered(
        `update audit_events set at = at - interval '1 day', actor_email = 'someone@else.example' where seq = ${target.seq}`,
        () => verifyAuditChain(ctx.database.db),
      );
      expect(verdict).toMatchObject({ intact: false, seq: target.seq, problem: 'changed' });
    });

    it('finds a removed event at the one after it', async () => {
      const verdict = await tampered(`delete from audit_events where seq = ${target.seq}`, () =>
        verifyAuditChain(ctx.database.db),
      );
      expect(verdict).toMatchObject({
        intact: false,
        seq: next.seq,
        id: next.id,
        after: target.seq - 1 > 0 ? expect.any(Number) : null,
        problem: 'removed_or_inserted',
      });
    });

    it('finds an inserted event, even one whose own hash was computed to fit', async () => {
      const [before] = rows<{ seq: string; hash: string }>(
        await ctx.database.db.execute(
          sql`select seq, hash from audit_events where seq < ${next.seq} order by seq desc limit 1`,
        ),
      );
      // A forger who knows the scheme makes room (renumbering what follows) and chains their event
      // onto the one before: it verifies on its own, and the event after it no longer follows.
      const forged = {
        seq: next.seq,
        id: '00000000-0000-4000-8000-000000000001',
        at: '2014-12-03T12:00:00.000000Z',
        actorId: null,
        actorEmail: null,
        action: 'member.delete',
        entityType: 'member',
        entityId: 'USA',
        before: null,
        after: null,
        requestId: 'forged',
      };
      const hash = chainHash(before.hash, forged);
      const verdict = await tampered(
        [
          // seq is an identity column: the events from the gap on are taken out and put back one further.
          `create table audit_tail as select * from audit_events where seq >= ${next.seq}`,
          `delete from audit_events where seq >= ${next.seq}`,
          'update audit_tail set seq = seq + 1',
          'insert into audit_events overriding system value select * from audit_tail',
          'drop table audit_tail',
          `insert into audit_events (seq, id, at, action, entity_type, entity_id, request_id, prev_hash, hash)
           overriding system value values (${forged.seq}, '${forged.id}', '${forged.at}', '${forged.action}',
           '${forged.entityType}', '${forged.entityId}', '${forged.requestId}', '${before.hash}', '${hash}')`,
        ],
        () => verifyAuditChain(ctx.database.db),
      );
      expect(verdict).toMatchObject({
        intact: false,
        seq: next.seq + 1,
        id: next.id,
        after: forged.seq,
        problem: 'removed_or_inserted',
      });
    });

    it('lets an outsider who noted the head tell a rewritten history, even one chained again to verify', async () => {
      const noted = (await ctx.app.inject({ url: '/api/v1/audit/head' })).json();
      expect(noted.seq).toBeGreaterThanOrEqual(next.seq);
      expect((await addMember()).statusCode).toBe(201);
      // Later: the chain at the noted event still has the noted hash.
      const later = await ctx.app.inject({ url: `/api/v1/audit/chain/${noted.seq}` });
      expect(later.statusCode).toBe(200);
      expect(later.json()).toEqual(noted);
      // An operator with the database rewrites an event before it and computes the chain again from
      // there: verify finds nothing, but the hash at the noted event is no longer the one noted.
      const rewritten = await tampered(
        [
          `update audit_events set after = jsonb_set(after, '{code}', '"XXX"') where seq = ${target.seq}`,
          `update audit_events set prev_hash = null, hash = null where seq >= ${target.seq}`,
        ],
        async () => {
          await chainUnchainedEvents(ctx.database.db);
          expect(await verifyAuditChain(ctx.database.db)).toMatchObject({ intact: true });
          return (await ctx.app.inject({ url: `/api/v1/audit/chain/${noted.seq}` })).json();
        },
      );
      expect(rewritten.seq).toBe(noted.seq);
      expect(rewritten.hash).not.toBe(noted.hash);
    });

    it('answers 404 for an event the trail does not have, and 400 for a bad number', async () => {
      const head = (await ctx.app.inject({ url: '/api/v1/audit/head' })).json();
      const missing = await ctx.app.inject({ url: `/api/v1/audit/chain/${head.seq + 1000}` });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      const bad = await ctx.app.inject({ url: '/api/v1/audit/chain/first' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ in: 'params', path: 'seq' });
    });

    it('chains a trail written before the chain existed, once, in order', async () => {
      const verdict = await tampered(`update audit_events set prev_hash = null, hash = null`, async () => {
        const unchained = await verifyAuditChain(ctx.database.db);
        expect(unchained).toMatchObject({ intact: false, problem: 'unchained' });
        const chained = await chainUnchainedEvents(ctx.database.db, 7);
        expect(chained).toBeGreaterThan(0);
        expect(await chainUnchainedEvents(ctx.database.db)).toBe(0);
        // New events chain onto the migrated trail.
        expect((await addMember()).statusCode).toBe(201);
        return verifyAuditChain(ctx.database.db);
      });
      expect(verdict).toMatchObject({ intact: true });
    });
  });

  it('starts from 64 zeros on an empty trail', async () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const empty = await createTestApp(engine, { seed: false });
    try {
      expect((await empty.app.inject({ url: '/api/v1/audit/head' })).json()).toEqual({
        seq: 0,
        hash: GENESIS_HASH,
        at: null,
      });
      expect(await verifyAuditChain(empty.database.db)).toEqual({ intact: true, events: 0, head: null });
    } finally {
      await empty.close();
    }
  });
});

const url = process.env.TEST_DATABASE_URL;

/** Two app processes on one PostgreSQL database append at once: still one chain. */
describe.runIf(url)('the audit chain with two app processes on PostgreSQL', () => {
  let ctx: TestContext;
  let other: ServerProcess | undefined;
  beforeAll(async () => {
    ctx = await createTestApp('postgresql');
    other = await startServerProcess(ctx.testDb.url as string, { DATABASE_POOL_SIZE: '4' });
  }, 60_000);
  afterAll(async () => {
    if (other) {
      const exited = new Promise((resolve) => other?.child.once('exit', resolve));
      other.child.kill('SIGTERM');
      await exited;
    }
    await ctx?.close();
  });

  it('keeps one chain when both write at the same time', async () => {
    const user = await signedInUser(ctx, 'secretariat');
    const signIn = await fetch(`${other?.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    const cookieB = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const body = (code: string) =>
      JSON.stringify({
        code,
        kind: 'organization',
        names: { en: `Org ${code}`, fr: `Org ${code}`, ar: `منظمة ${code}` },
      });
    const viaA = Array.from({ length: 15 }, () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { cookie: user.cookie, 'content-type': 'application/json' },
        payload: body(uniqueMemberCode()),
      }),
    );
    const viaB = Array.from({ length: 15 }, () =>
      fetch(`${other?.base}/api/v1/members`, {
        method: 'POST',
        headers: { cookie: cookieB, 'content-type': 'application/json', origin: other?.base ?? '' },
        body: body(uniqueMemberCode()),
      }),
    );
    const [a, b] = await Promise.all([Promise.all(viaA), Promise.all(viaB)]);
    expect(a.map((r) => r.statusCode)).toEqual(a.map(() => 201));
    expect(b.map((r) => r.status)).toEqual(b.map(() => 201));
    expect(await verifyAuditChain(ctx.database.db)).toMatchObject({ intact: true });
  });
});
