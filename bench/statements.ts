/**
 * Statements adopted by consensus: how late after its deadline a silence procedure's adoption
 * becomes visible, with many procedures expiring in the same second; and the public page of an
 * adopted statement against the bare route. Part of `npm run bench`; alone:
 * `npx tsx bench/statements.ts` (BENCH_ENGINES as for the whole run).
 *
 * Adoption lateness: BENCH_PROCEDURES (default 1,000) silence procedures on public statements,
 * circulated to the demo's 60 members, are written with SQL into a fresh database, all due at the
 * same second, a few seconds after the server has started. From just before that second, pollers
 * (BENCH_CONNECTIONS of them) ask `GET /api/v1/procedures/{id}` signed out, round-robin over the
 * procedures not yet seen adopted: signed out, a procedure of a statement in procedure is a 404,
 * and the first read after its deadline applies it and answers 200 `adopted`. A procedure's
 * lateness is the moment that answer arrives minus its deadline. Twice per engine: with the
 * sweeper every second (PROCEDURE_SWEEP_INTERVAL_MS=1000) and the reads, and with reads alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ensureBuilt } from '../scripts/build.mjs';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import {
  addCleanup,
  CONNECTIONS,
  type Column,
  type CpuSources,
  checkQuiet,
  createPgDatabase,
  intSetting,
  type Labels,
  machine,
  measure,
  percentile,
  printTable,
  probe,
  runScript,
  type Server,
  sleep,
  startServer,
} from './lib.js';

const PROCEDURES = intSetting('BENCH_PROCEDURES', 1000, 10, 100_000);
/** How long after the data is written the deadline falls: the server's start must fit in it. */
const LEAD_MS = intSetting('BENCH_DEADLINE_LEAD_MS', 15_000, 3000, 120_000);
const HEALTH = '/api/v1/health';

export interface LatenessRow {
  engine: string;
  mode: string;
  procedures: number;
  p50: number;
  p99: number;
  max: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Writes the procedures into a migrated, seeded database: each on a public statement of its own,
 * in procedure, circulated to every active member, all with the same deadline. Returns their ids.
 */
async function writeProcedures(open: () => ReturnType<typeof openDatabase>, deadline: Date): Promise<string[]> {
  const database = await open();
  try {
    await database.migrate();
    await seedDemo(database.db);
    const result = (await database.db.execute(sql`
      with s as (
        insert into statements (kind, title, language, visibility, status)
        select 'press_release', 'Bench statement ' || g, 'en', 'public', 'in_procedure'
        from generate_series(1, ${PROCEDURES}) g
        returning id
      ), v as (
        insert into statement_versions (statement_id, number, text)
        select id, 1, 'The partners agree.' from s
        returning id, statement_id
      ), p as (
        insert into procedures (statement_id, text_version_id, kind, deadline, time_zone)
        select statement_id, id, 'silence', ${deadline.toISOString()}::timestamptz, 'UTC' from v
        returning id
      ), m as (
        insert into procedure_members (procedure_id, member_id)
        select p.id, members.id from p cross join members where members.status = 'active'
      )
      select id from p`)) as unknown as { rows: { id: string }[] };
    return result.rows.map((r) => r.id);
  } finally {
    await database.close();
  }
}

/** Polls every procedure until each answers `adopted`; returns each one's lateness after the deadline, ms. */
async function pollUntilAdopted(base: string, ids: string[], deadline: number): Promise<number[]> {
  const pending = [...ids];
  const lateness: number[] = [];
  const giveUp = deadline + 300_000;
  const poller = async () => {
    while (pending.length > 0) {
      if (now() > giveUp)
        throw new Error(`${pending.length} procedures still not adopted 5 minutes after their deadline`);
      const id = pending.shift() as string;
      const res = await fetch(`${base}/api/v1/procedures/${id}`);
      const body = (await res.json()) as { status?: string };
      const arrived = now();
      if (res.status === 200 && body.status === 'adopted') {
        lateness.push(arrived - deadline);
      } else if (res.status === 404 || (res.status === 200 && body.status === 'open')) {
        pending.push(id);
      } else {
        throw new Error(`GET /api/v1/procedures/${id} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, poller));
  return lateness.sort((a, b) => a - b);
}

async function measureLateness(
  engine: string,
  database: { env: Record<string, string>; open: () => ReturnType<typeof openDatabase> },
  sweeper: boolean,
): Promise<LatenessRow> {
  const mode = sweeper ? 'sweeper every 1 s, and reads' : 'reads alone';
  console.log(`\nadoption lateness on ${engine}, ${mode}`);
  // On a whole second, as a secretariat would set it.
  const deadline = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
  const ids = await writeProcedures(database.open, new Date(deadline));
  let server: Server | undefined;
  try {
    server = await startServer(
      `Entente on ${engine}`,
      'dist/server/start.js',
      {
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '100000000',
        WEB_DIST: '',
        SEED_DEMO: 'false',
        // Reads alone: a sweep once an hour never comes during the run.
        PROCEDURE_SWEEP_INTERVAL_MS: sweeper ? '1000' : '3600000',
        ...database.env,
      },
      HEALTH,
    );
    if (now() > deadline - 1000) {
      throw new Error(`the server took longer to start than BENCH_DEADLINE_LEAD_MS (${LEAD_MS} ms): raise it`);
    }
    await sleep(deadline - 300 - now());
    const lateness = await pollUntilAdopted(server.base, ids, deadline);
    const row = {
      engine,
      mode,
      procedures: lateness.length,
      p50: percentile(lateness, 50),
      p99: percentile(lateness, 99),
      max: lateness.at(-1) ?? Number.NaN,
    };
    console.log(
      `  ${row.procedures} adopted: p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, max ${row.max.toFixed(0)} ms`,
    );
    return row;
  } finally {
    await server?.stop();
  }
}

/** Adoption lateness on each engine asked for, with the sweeper and with reads alone. */
export async function measureAdoptionLateness(engines: Set<string>): Promise<LatenessRow[]> {
  const rows: LatenessRow[] = [];
  for (const sweeper of [true, false]) {
    if (engines.has('pglite')) {
      const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
      const removeDir = addCleanup(async () => rmSync(dir, { recursive: true, force: true }));
      try {
        const dataDir = join(dir, 'data');
        rows.push(
          await measureLateness(
            'PGlite',
            { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir }) },
            sweeper,
          ),
        );
      } finally {
        await removeDir();
      }
    }
    if (engines.has('postgresql')) {
      const database = await createPgDatabase();
      if (typeof database === 'string') {
        console.log(`\nPostgreSQL skipped: ${database}`);
        continue;
      }
      try {
        rows.push(
          await measureLateness(
            `PostgreSQL ${database.version}`,
            { env: { DATABASE_URL: database.url }, open: () => openDatabase({ url: database.url, poolSize: 2 }) },
            sweeper,
          ),
        );
      } finally {
        await database.drop();
      }
    }
  }
  return rows;
}

export function printLateness(rows: LatenessRow[]): void {
  const columns: Column[] = [
    { head: 'engine' },
    { head: 'applied by' },
    { head: 'procedures', right: true },
    { head: 'p50 ms', right: true },
    { head: 'p99 ms', right: true },
    { head: 'max ms', right: true },
  ];
  const body = rows.map((r) => [
    r.engine,
    r.mode,
    String(r.procedures),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
    r.max.toFixed(0),
  ]);
  console.log(
    `\nHow late after the deadline a read first answers "adopted" (${PROCEDURES} silence procedures due in the same second, ${CONNECTIONS} pollers):\n`,
  );
  printTable(columns, body);
}

/**
 * The public page of an adopted statement, as a visitor signed out reads it: the demo's Brussels
 * joint statement (its adopted text, paragraphs and decision). A row of the main table, beside
 * the members list and the meeting page, on each engine with the cache on and off.
 */
export async function measureStatementPage(
  base: string,
  labels: Omit<Labels, 'target'>,
  cpu: CpuSources,
): Promise<void> {
  const list = JSON.parse((await probe(base, '/api/v1/statements', {}, 200)).body) as {
    items: { id: string; adoptedOn: string | null }[];
  };
  const brussels = list.items.find((s) => s.adoptedOn === '2014-12-03');
  if (!brussels) throw new Error('the Brussels joint statement is missing: was the demo coalition seeded?');
  const page = `/api/v1/statements/${brussels.id}`;
  const paragraphs = (JSON.parse((await probe(base, page, {}, 200)).body) as { adoption: { paragraphs: unknown[] } })
    .adoption.paragraphs.length;
  await measure(
    base,
    page,
    { ...labels, target: `GET /api/v1/statements/{Brussels 2014} (adopted, ${paragraphs} paragraphs)` },
    { cpu },
  );
}

// Alone: `npx tsx bench/statements.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  await runScript(async () => {
    console.log(`Entente benchmark, statements — ${new Date().toISOString()}`);
    console.log(`machine: ${machine()}`);
    checkQuiet('before the run');
    await ensureBuilt(['server'], { log: (line) => console.log(`build: ${line}`) });
    const engines = new Set((process.env.BENCH_ENGINES || 'pglite,postgresql').split(',').map((s) => s.trim()));
    printLateness(await measureAdoptionLateness(engines));
    checkQuiet('after the run');
  });
}
