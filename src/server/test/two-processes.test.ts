import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { LISTENER_NAME } from '../db/client.js';
import { members } from '../db/schema/members.js';
import { buildMeeting, buildMember, signedInUser, type TestUser } from './factories.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { type ServerProcess, startServerProcess } from './server-process.js';

const url = process.env.TEST_DATABASE_URL;

/** What either server answers: A through `inject`, B over HTTP. */
interface Answer {
  status: number;
  body: string;
  etag: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the JSON it was sent
  json(): any;
}
interface Request {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
}
type Server = (request: Request) => Promise<Answer>;

const inProcess =
  (app: FastifyInstance): Server =>
  async ({ method = 'GET', url, headers, payload }) => {
    const res = await app.inject({ method: method as 'GET', url, headers, payload: payload as object });
    return {
      status: res.statusCode,
      body: res.body,
      etag: res.headers.etag as string | undefined,
      json: () => res.json(),
    };
  };

const overHttp =
  (base: string): Server =>
  async ({ method = 'GET', url, headers = {}, payload }) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const body = await res.text();
    return { status: res.status, body, etag: res.headers.get('etag') ?? undefined, json: () => JSON.parse(body) };
  };

/**
 * Two app servers on one PostgreSQL database, as two processes behind a load balancer have them:
 * each its own pool and its own LISTEN connection for the read cache. A is built in this process
 * (so that the factories can write through it); B is a real server process (`src/server/main.ts`)
 * reached over HTTP, with an event loop of its own. A write through either is
 * seen by a read through the other, even when both had cached the old answer; while a process's
 * listener is down it reads past its cache, and once the listener is back it caches again.
 *
 * "Seen" means once the notification has arrived (adr/0002): the other process drops its entry
 * when PostgreSQL's notification reaches it, a moment after the writer's answer, not before. A
 * read through B in the very same instant can still get the old answer, so these tests poll
 * (bounded) for it instead of asserting it on the first read.
 */
describe.skipIf(!url)(
  `two app servers on one PostgreSQL database${url ? '' : ' (skipped: set TEST_DATABASE_URL to a PostgreSQL server)'}`,
  () => {
    let testDb: TestDatabase;
    let appA: FastifyInstance;
    let a: Server;
    let b: Server;
    let processB: ServerProcess | undefined;
    let listenerB: number;
    let secretariat: TestUser;

    /** The pids of the cache listeners on this database. */
    async function listenerPids(): Promise<number[]> {
      const result = (await testDb.database.db.execute(
        sql`select pid from pg_stat_activity where application_name = ${LISTENER_NAME} and datname = current_database() order by pid`,
      )) as unknown as { rows: { pid: number }[] };
      return result.rows.map((r) => Number(r.pid));
    }

    /** Waits (at most `ms`) until `check` holds; fails with `what` otherwise. No assertion on time itself. */
    async function eventually(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`still not so after ${ms} ms: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    beforeAll(async () => {
      testDb = await createTestDatabase('postgresql');
      // B first: the one listener on the database is then B's, and its pid tells it from A's.
      processB = await startServerProcess(testDb.url as string);
      b = overHttp(processB.base);
      await eventually('B listens for notifications', async () => (await listenerPids()).length === 1);
      [listenerB] = await listenerPids();
      appA = await buildApp({ database: testDb.database, rateLimitPerMinute: 1_000_000 });
      await appA.ready();
      a = inProcess(appA);
      expect((await listenerPids()).length).toBe(2);
      secretariat = await signedInUser({ app: appA, database: testDb.database }, 'secretariat');
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

    const ctxA = () => ({ app: appA, database: testDb.database });
    const note = async (server: Server, code: string) => (await server({ url: `/api/v1/members/${code}` })).json().note;
    const listedNote = async (server: Server, code: string) =>
      (await server({ url: '/api/v1/members' })).json().items.find((m: { code: string }) => m.code === code).note;

    /** Changes the row behind every process's back (no notification): only a cache still shows the old note. */
    const silently = (code: string, value: string) =>
      testDb.database.db.update(members).set({ note: value }).where(eq(members.code, code));

    /**
     * Waits until `app` answers `code` from its cache: a change nobody announced does not show.
     * (Polled: a notification of an earlier write may still arrive and empty the cache once.)
     */
    let silentChanges = 0;
    const answersFromCache = (name: string, app: Server, code: string) =>
      eventually(`${name} answers from its cache`, async () => {
        const seen = [await note(app, code), await listedNote(app, code)];
        silentChanges += 1;
        await silently(code, `unannounced ${silentChanges}`);
        const again = [await note(app, code), await listedNote(app, code)];
        return again[0] === seen[0] && again[1] === seen[1];
      });

    async function patchNote(server: Server, code: string, value: string): Promise<void> {
      const current = await server({ url: `/api/v1/members/${code}` });
      const res = await server({
        method: 'PATCH',
        url: `/api/v1/members/${code}`,
        headers: { cookie: secretariat.cookie, 'if-match': current.etag as string },
        payload: { note: value },
      });
      expect(res.status, res.body).toBe(200);
    }

    it('shows a member changed through A in B, though B had it cached', async () => {
      const { code } = await buildMember(ctxA());
      await answersFromCache('A', a, code);
      await answersFromCache('B', b, code);

      await patchNote(a, code, 'second');
      // The writer reads its own write at once; B as soon as the notification reaches it.
      expect(await note(a, code)).toBe('second');
      expect(await listedNote(a, code)).toBe('second');
      await eventually(
        'B shows the note written through A',
        async () => (await note(b, code)) === 'second' && (await listedNote(b, code)) === 'second',
      );
    });

    it('shows attendance recorded through B on the meeting page in A, though A had the page cached', async () => {
      const { code } = await buildMember(ctxA());
      // Held: attendance is recorded whatever today's date is for server B, which runs on the system clock.
      const meeting = await buildMeeting(ctxA(), { invite: [code], status: 'held' });
      const page = `/api/v1/meetings/${meeting.id}`;
      const attendanceOn = async (server: Server) =>
        (await server({ url: page })).json().delegations.find((d: { memberCode: string }) => d.memberCode === code)
          .attendance;
      // Both have the page cached (read twice: the first read of a new page may race the
      // notification of the invitation that made it).
      for (const app of [a, b, a, b]) expect(await attendanceOn(app)).toBe('unknown');
      const res = await b({
        method: 'PUT',
        url: `${page}/attendance/${code}`,
        headers: { cookie: secretariat.cookie, 'if-match': '"1"' },
        payload: { attendance: 'present' },
      });
      expect(res.status, res.body).toBe(200);
      expect(await attendanceOn(b)).toBe('present');
      await eventually('A shows the attendance recorded through B', async () => (await attendanceOn(a)) === 'present');
    });

    it('reads past its cache while its listener is down, and caches again once it is back', async () => {
      const { code } = await buildMember(ctxA());
      await answersFromCache('B', b, code);

      // Only B's listener: A's keeps running and A's own cache stays true.
      await testDb.database.db.execute(sql`select pg_terminate_backend(${listenerB})`);
      await eventually('B notices that its listener is gone', async () =>
        (processB?.output() ?? '').includes('cache listener lost'),
      );
      expect(await listenerPids()).not.toContain(listenerB);

      // No notification can reach B now: it answers what the database holds, at once, every time.
      await patchNote(a, code, 'while down');
      expect(await note(b, code)).toBe('while down');
      await silently(code, 'unannounced while down');
      expect(await note(b, code)).toBe('unannounced while down');
      expect(await listedNote(b, code)).toBe('unannounced while down');

      // B reconnects by itself; then it caches again, and an announced change reaches it.
      await eventually('B listens again', async () => (await listenerPids()).length === 2);
      await answersFromCache('B', b, code);
      await patchNote(a, code, 'after');
      await eventually('B shows the note written through A', async () => (await note(b, code)) === 'after');
    });
  },
);
