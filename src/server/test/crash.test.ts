import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, type DbKind, openDatabase } from '../db/client.js';
import { LOCK_FILE, lockDataDir, parseLock } from '../db/lock.js';
import { seedDemo } from '../db/seed/demo.js';
import { verifyAuditChain } from '../lib/audit-chain.js';
import { systemAuth } from '../lib/auth-context.js';
import { createUsersService } from '../modules/users/users.service.js';
import { createTestDatabase, engines, type TestDatabase } from './harness.js';
import { ServerExitedError, type ServerProcess, spawnServer, stopServer } from './server-process.js';

/**
 * No acknowledged write is lost, and none is half-written, when the server is killed (SIGKILL)
 * in the middle of concurrent writes: on each engine the real server (its build) takes writes
 * from several clients at once, is killed at a random moment, and is started again; then every
 * write that got a 2xx is there, whole, and whatever else is there is whole too (adr/0012).
 *
 * Each write is a source with several links and its audit event: three tables, one
 * transaction. A write that got no answer (killed in flight) may be there or not, but whole; a
 * write that got an error answer is not there.
 *
 * The moments are random, from a seed printed at the start: `CRASH_SEED=<seed>` replays a run.
 */
const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : randomInt(2 ** 31);
process.stdout.write(`crash test seed ${seed} (replay with CRASH_SEED=${seed})\n`);

const KILLS = 3;
const WRITERS = 8;
const SECRETARIAT = { email: 'crash-secretariat@example.org', password: 'a long enough password' };

/** mulberry32: a small seeded generator, so that a failing run's moments can be replayed. */
function generator(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where one engine's server keeps its data, and how the test reads it. */
interface Target {
  /** The server's settings naming the database. */
  env: Record<string, string>;
  /**
   * Runs `fn` on the database with no server writing. PGlite has one process at a time on its
   * folder: the server is stopped first (gracefully: it was started after the crash and its
   * recovery is what is checked) and started again after.
   */
  inspect<T>(
    server: ServerProcess,
    fn: (database: Database) => Promise<T>,
  ): Promise<{ result: T; server: ServerProcess }>;
  close(): Promise<void>;
}

/** A secretariat user and the demo coalition (the writes link its members). */
async function prepare(database: Database): Promise<void> {
  await seedDemo(database.db);
  await createUsersService({ db: database.db }).createUser(systemAuth('crash test'), {
    ...SECRETARIAT,
    name: 'Crash test secretariat',
    role: 'secretariat',
  });
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entente-crash-'));
  // The migrated database the other tests start from, written into the folder (no initdb).
  const openFolder = async (loadDataDir?: Blob) => {
    const release = lockDataDir(dataDir);
    const database = await openDatabase({ dataDir, loadDataDir });
    return { database, close: () => database.close().finally(release) };
  };
  const first = await openFolder(new Blob([readFileSync(inject('pgliteSnapshot'))]));
  await prepare(first.database);
  await first.close();
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  return {
    env,
    inspect: async (server, fn) => {
      expect(await stopServer(server)).toBe(0);
      const opened = await openFolder();
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(opened.database);
      } finally {
        await opened.close();
      }
      return { result, server: await spawnServer(env) };
    },
    close: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const testDb: TestDatabase = await createTestDatabase('postgresql');
  await prepare(testDb.database);
  return {
    env: { DATABASE_URL: testDb.url as string, DATABASE_POOL_SIZE: '4' },
    inspect: async (server, fn) => ({ result: await fn(testDb.database), server }),
    close: () => testDb.drop(),
  };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SECRETARIAT),
  });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('entente_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] as string;
}

/** What the test sent, and what it was told. */
interface Ledger {
  /** Every write sent: its marker (the title) and how many links it carries. */
  sent: Map<string, number>;
  /** Writes answered 2xx: committed, so they must be there. The id, when the body arrived too. */
  acknowledged: Map<string, string | null>;
  /** Writes answered with an error: rolled back, so they must not be there. */
  refused: Map<string, number>;
}

/**
 * `WRITERS` clients each adding sources one after another until the server stops answering.
 * Resolves once every one has stopped; `firstAck` resolves at the first 2xx.
 */
function writeUntilKilled(
  base: string,
  cookie: string,
  prefix: string,
  memberCodes: readonly string[],
  random: () => number,
  ledger: Ledger,
): { firstAck: Promise<void>; done: Promise<void> } {
  let acked!: () => void;
  const firstAck = new Promise<void>((resolve) => {
    acked = resolve;
  });
  const writer = async (w: number) => {
    for (let n = 0; ; n++) {
      const title = `${prefix}-w${w}-${n}`;
      // 2 to 6 distinct members, drawn without replacement.
      const pool = [...memberCodes];
      const codes = Array.from(
        { length: 2 + Math.floor(random() * 5) },
        () => pool.splice(Math.floor(random() * pool.length), 1)[0] as string,
      );
      ledger.sent.set(title, codes.length);
      let res: Response;
      try {
        res = await fetch(`${base}/api/v1/sources`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            kind: 'press',
            title,
            publisher: 'The Crash Test Gazette',
            links: codes.map((key) => ({ subject: 'member', key })),
          }),
        });
      } catch {
        return; // No answer: the server is gone.
      }
      if (res.status >= 200 && res.status < 300) {
        // The status line alone says it committed (the answer is sent after the commit).
        ledger.acknowledged.set(title, null);
        acked();
        const body = await res.json().catch(() => null);
        if (body) ledger.acknowledged.set(title, body.id);
      } else {
        ledger.refused.set(title, res.status);
        await res.body?.cancel().catch(() => {});
      }
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))).then(() => {});
  return { firstAck, done };
}

interface Found {
  /** Problems found, in words; empty when all is well. */
  problems: string[];
  /** How many of the writes that got no answer are there. */
  unansweredPresent: number;
  unanswered: number;
}

/** Everything the ledger says must be so, checked in the database. */
async function check(database: Database, prefix: string, ledger: Ledger): Promise<Found> {
  const rows = (
    (await database.db.execute(sql`
      select s.id, s.title, (select count(*) from source_links l where l.source_id = s.id)::int as links
      from sources s where s.title like ${`${prefix}%`}`)) as unknown as {
      rows: { id: string; title: string; links: number }[];
    }
  ).rows;
  const events = (
    (await database.db.execute(sql`
      select entity_id, after->>'title' as title, jsonb_array_length(after->'links')::int as links
      from audit_events
      where entity_type = 'source' and action = 'source.created' and after->>'title' like ${`${prefix}%`}`)) as unknown as {
      rows: { entity_id: string; title: string; links: number }[];
    }
  ).rows;
  const problems: string[] = [];
  const byTitle = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row]);
  const eventsOf = new Map<string, (typeof events)[number][]>();
  for (const event of events) eventsOf.set(event.entity_id, [...(eventsOf.get(event.entity_id) ?? []), event]);

  for (const [title, id] of ledger.acknowledged) {
    const found = byTitle.get(title) ?? [];
    if (found.length === 0) problems.push(`acknowledged ${title} is missing`);
    else if (id !== null && found[0]?.id !== id) problems.push(`acknowledged ${title} has another id`);
  }
  for (const [title, status] of ledger.refused) {
    if (byTitle.has(title)) problems.push(`${title} was refused (${status}) but is there`);
  }
  for (const [title, found] of byTitle) {
    const links = ledger.sent.get(title);
    if (links === undefined) problems.push(`${title} is there but was never sent`);
    if (found.length > 1) problems.push(`${title} is there ${found.length} times`);
    for (const row of found) {
      if (row.links !== links) problems.push(`${title} has ${row.links} of its ${links} links`);
      const audit = eventsOf.get(row.id) ?? [];
      if (audit.length !== 1) problems.push(`${title} has ${audit.length} audit events`);
      else if (audit[0]?.links !== links) problems.push(`${title}'s audit event records ${audit[0]?.links} links`);
    }
  }
  const ids = new Set(rows.map((r) => r.id));
  for (const event of events) {
    if (!ids.has(event.entity_id)) problems.push(`an audit event records ${event.title}, which is not there`);
  }
  const chain = await verifyAuditChain(database.db);
  if (!chain.intact) problems.push(`the audit chain is broken at event ${chain.seq} (${chain.problem})`);

  const unanswered = [...ledger.sent.keys()].filter((t) => !ledger.acknowledged.has(t) && !ledger.refused.has(t));
  return {
    problems,
    unanswered: unanswered.length,
    unansweredPresent: unanswered.filter((t) => byTitle.has(t)).length,
  };
}

const targets: Record<DbKind, () => Promise<Target>> = { pglite: pgliteTarget, postgresql: postgresTarget };

describe.each(engines)('SIGKILL in the middle of writes on %s', (engine) => {
  let target: Target;
  let server: ServerProcess | undefined;
  // The demo coalition is loaded here, in this process: on a busy machine that takes a while.
  beforeAll(async () => {
    target = await targets[engine]();
  }, 120_000);
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    await target?.close();
  });

  it(`keeps every acknowledged write, whole, through ${KILLS} kills at random moments`, async () => {
    // One stream per engine: adding an engine does not change the other's moments.
    // The moments are drawn first, so that the writes (whose order varies) do not shift them.
    const random = generator(seed + (engine === 'pglite' ? 0 : 1));
    const delays = Array.from({ length: KILLS }, () => Math.floor(random() * 1500));
    const replay = `(seed ${seed}, CRASH_SEED=${seed} replays it)`;
    server = await spawnServer(target.env);
    const members = (await (await fetch(`${server.base}/api/v1/members`)).json()) as { items: { code: string }[] };
    const memberCodes = members.items.map((m) => m.code);
    expect(memberCodes.length).toBeGreaterThan(6);

    for (let round = 1; round <= KILLS; round++) {
      const prefix = `crash-${seed}-${engine}-r${round}`;
      const ledger: Ledger = { sent: new Map(), acknowledged: new Map(), refused: new Map() };
      const cookie = await signIn(server.base);
      const writing = writeUntilKilled(server.base, cookie, prefix, memberCodes, random, ledger);
      // Killed some time after the first write was acknowledged: from at once to 1.5 s later.
      await writing.firstAck;
      const delay = delays[round - 1] as number;
      await sleep(delay);
      const killed = server;
      expect(await stopServer(killed, 'SIGKILL')).toBe('SIGKILL');
      await writing.done;
      if (target.env.DATA_DIR) {
        // The killed server's lock is still there, naming it: the restart must take it over.
        const left = parseLock(readFileSync(join(target.env.DATA_DIR, LOCK_FILE), 'utf8'));
        expect(left?.pid).toBe(killed.child.pid);
      }

      // The restart recovers the database, and on PGlite takes over the lock the killed server left.
      server = await spawnServer(target.env);
      const inspected = await target.inspect(server, (database) => check(database, prefix, ledger));
      server = inspected.server;
      const found = inspected.result;
      process.stdout.write(
        `${engine} kill ${round} after ${delay} ms: ${ledger.sent.size} sent, ${ledger.acknowledged.size} acknowledged, ` +
          `${ledger.refused.size} refused, ${found.unanswered} unanswered (${found.unansweredPresent} of them there)\n`,
      );
      expect(found.problems, `kill ${round} ${replay}`).toEqual([]);
      expect(ledger.refused.size, `kill ${round} ${replay}`).toBe(0);
    }
  }, 180_000);

  // The folder's lock is PGlite's alone.
  if (engine !== 'pglite') return;

  it('refuses a second server on the same folder, naming the folder and the pid; the first keeps serving', async () => {
    // The server the kills left running, or one of its own when this test runs alone.
    server ??= await spawnServer(target.env);
    const first = server;
    const dataDir = target.env.DATA_DIR as string;
    const refused = await spawnServer(target.env).then(
      async (second) => {
        await stopServer(second);
        throw new Error('a second server started on the same folder');
      },
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ServerExitedError);
    const { code, printed } = refused as ServerExitedError;
    expect(code).not.toBe(0);
    expect(printed).toContain(
      `The data folder ${dataDir} is in use by another Entente process (pid ${first.child.pid})`,
    );
    // The first still answers, reads and writes.
    const cookie = await signIn(first.base);
    const res = await fetch(`${first.base}/api/v1/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ kind: 'press', title: 'After the refusal', publisher: 'P', links: [] }),
    });
    expect(res.status).toBe(201);
    expect((await fetch(`${first.base}/api/v1/health/ready`)).status).toBe(200);
  }, 60_000);
});
