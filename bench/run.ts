/**
 * `npm run bench`: Entente's hot read routes on PGlite and on PostgreSQL, against a bare
 * Fastify route measured in the same run (at the start and at the end; the mean is the
 * baseline). Every server runs in its own child process, so autocannon (in this process)
 * never shares the server's event loop. Loopback only; bounded in time (about 5 minutes). Then
 * how late after their deadline 1,000 silence procedures are seen adopted (bench/statements.ts).
 *
 * Settings (environment):
 *   BENCH_SECONDS         measured seconds per row (default 8)
 *   BENCH_WARMUP_SECONDS  warm-up seconds per row, not counted (default 2)
 *   BENCH_CONNECTIONS     autocannon connections (default 10)
 *   BENCH_DATABASE_URL    PostgreSQL to create the throw-away database on
 *                         (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_ENGINES         engines to run, comma-separated (default pglite,postgresql)
 *   BENCH_STARTS          timed starts per start-up row (default 5); BENCH_STARTUP=false skips them
 *   BENCH_PROCEDURES      procedures due at once for adoption lateness (default 1000); BENCH_LATENESS=false skips it
 *
 * Exits non-zero when any measured response has an unexpected status (a run full of 429s or
 * 500s measures nothing), or when Entente cannot start. PostgreSQL unreachable: skipped, said so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';
import {
  addCleanup,
  CONNECTIONS,
  type Column,
  checkQuiet,
  createPgDatabase,
  failures,
  fmtMs,
  fmtRatio,
  fmtRps,
  fmtUs,
  machine,
  measure,
  printMarkdown,
  printTable,
  printText,
  probe,
  type Row,
  rows,
  runScript,
  SECONDS,
  secretariatSession,
  sleep,
  startEntente,
  startServer,
  WARMUP_SECONDS,
} from './lib.js';
import { measureStartup, printStartup, type StartupRow } from './startup.js';
import { measureAdoptionLateness, measureStatementPage, printLateness } from './statements.js';

const ENGINES = new Set((process.env.BENCH_ENGINES || 'pglite,postgresql').split(',').map((s) => s.trim()));
for (const e of ENGINES) {
  if (e !== 'pglite' && e !== 'postgresql') throw new Error(`BENCH_ENGINES: unknown engine "${e}"`);
}

const HEALTH = '/api/v1/health';
const MEMBERS = '/api/v1/members';
const MEMBER = '/api/v1/members/USA';
const MEETINGS = '/api/v1/meetings';

/** The members list body, from the first Entente run, for the bare reference row. */
let listBody = '';

// ---------------------------------------------------------------------------------------------
// A live ministerial: attendance recorded while the page is read

const ATTENDANCE_PER_SECOND = 20;

/** Records attendance for the meeting's delegations in turn, ATTENDANCE_PER_SECOND times a second. */
async function startAttendanceWriter(base: string, meetingId: string, databaseUrl: string) {
  const cookie = await secretariatSession(base, databaseUrl);
  const page = (await (await fetch(`${base}/api/v1/meetings/${meetingId}`)).json()) as {
    delegations: { memberCode: string; version: number }[];
  };
  const versions = new Map(page.delegations.map((d) => [d.memberCode, d.version]));
  const codes = [...versions.keys()];
  let ok = 0;
  let failed = 0;
  let i = 0;
  let stopped = false;
  const started = performance.now();
  const loop = (async () => {
    while (!stopped) {
      // On a fixed schedule: a slow answer is caught up with, not added to the interval.
      await sleep(Math.max(0, started + (i * 1000) / ATTENDANCE_PER_SECOND - performance.now()));
      const code = codes[i++ % codes.length];
      const res = await fetch(`${base}/api/v1/meetings/${meetingId}/attendance/${code}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json', 'if-match': `"${versions.get(code)}"` },
        body: JSON.stringify({ attendance: i % 2 === 0 ? 'present' : 'absent' }),
      });
      const body = (await res.json()) as { version?: number };
      if (res.status === 200 && body.version) {
        versions.set(code, body.version);
        ok++;
      } else {
        failed++;
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { ok, failed };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The rows

async function measureBare(when: 'start' | 'end'): Promise<Row> {
  console.log(`\nbare Fastify (${when})`);
  const env: Record<string, string> = when === 'end' && listBody ? { BARE_BODY: listBody } : {};
  const server = await startServer('bare Fastify', 'bench/bare-server.ts', env, '/bare');
  try {
    await probe(server.base, '/bare', {}, 200);
    const cpu = { server: [server.pid] };
    const row = await measure(
      server.base,
      '/bare',
      { target: `GET /bare (${when})`, engine: '—', cache: '—' },
      { cpu },
    );
    if (env.BARE_BODY) {
      await probe(server.base, '/bare/body', {}, 200);
      const kib = (Buffer.byteLength(listBody) / 1024).toFixed(1);
      const target = `GET /bare/body (the list's ${kib} KiB)`;
      await measure(server.base, '/bare/body', { target, engine: '—', cache: '—' }, { cpu });
    }
    return row;
  } finally {
    await server.stop();
  }
}

async function measureEntente(
  engine: string,
  cache: boolean,
  env: Record<string, string>,
  options: { with304: boolean; compressed?: boolean; live?: string; dbPids?: () => Promise<number[]> },
) {
  const label = `Entente on ${engine}, cache ${cache ? 'on' : 'off'}`;
  console.log(`\n${label}`);
  const server = await startEntente(label, { ...env, READ_CACHE: String(cache) });
  try {
    const labels = { engine, cache: cache ? 'on' : 'off' };
    const cpu = { server: [server.pid], db: options.dbPids };
    await probe(server.base, HEALTH, {}, 200);
    const list = await probe(server.base, MEMBERS, {}, 200);
    const count = (JSON.parse(list.body) as { items: unknown[] }).items.length;
    if (count === 0) throw new Error('the members list is empty: was the demo coalition seeded?');
    listBody ||= list.body;
    await probe(server.base, MEMBER, {}, 200);
    // The meeting page's API for the Brussels ministerial of 3 December 2014 (60 delegations).
    const meetings = JSON.parse((await probe(server.base, MEETINGS, {}, 200)).body) as {
      items: { id: string; startDate: string }[];
    };
    const brussels = meetings.items.find((m) => m.startDate === '2014-12-03');
    if (!brussels) throw new Error('the Brussels ministerial is missing: was the demo coalition seeded?');
    const meeting = `${MEETINGS}/${brussels.id}`;
    const page = JSON.parse((await probe(server.base, meeting, {}, 200)).body) as { delegations: unknown[] };

    await measure(server.base, HEALTH, { ...labels, target: `GET ${HEALTH}` }, { cpu });
    await measure(server.base, MEMBERS, { ...labels, target: `GET ${MEMBERS} (${count} items)` }, { cpu });
    await measure(server.base, MEMBER, { ...labels, target: `GET ${MEMBER}` }, { cpu });
    const meetingTarget = `GET /api/v1/meetings/{Brussels 2014} (${page.delegations.length} delegations)`;
    await measure(server.base, meeting, { ...labels, target: meetingTarget }, { cpu });
    await measureStatementPage(server.base, labels, cpu);
    if (options.live) {
      // A live ministerial: the secretariat records attendance at the door while everyone reads
      // the page; every write drops the page from the cache.
      const writer = await startAttendanceWriter(server.base, brussels.id, options.live);
      try {
        const target = `${meetingTarget}, attendance written ${ATTENDANCE_PER_SECOND}×/s`;
        await measure(server.base, meeting, { ...labels, target }, { cpu });
      } finally {
        const writes = await writer.stop();
        console.log(`    (${writes.ok} attendance writes during the warm-up and the row, ${writes.failed} refused)`);
        if (writes.failed > 0) failures.push(`${label}: ${writes.failed} attendance writes refused`);
      }
    }
    if (options.compressed) {
      // As a browser asks: the same answers, compressed (the cache keeps them compressed).
      const headers = { 'accept-encoding': 'gzip, deflate, br' };
      await measure(server.base, MEMBERS, { ...labels, target: `GET ${MEMBERS}, brotli` }, { headers, cpu });
      await measure(server.base, meeting, { ...labels, target: `${meetingTarget}, brotli` }, { headers, cpu });
    }
    if (options.with304) {
      if (!list.etag) throw new Error(`GET ${MEMBERS} sent no ETag`);
      const headers = { 'if-none-match': list.etag };
      await probe(server.base, MEMBERS, headers, 304);
      const target = `GET ${MEMBERS} → 304 (If-None-Match)`;
      await measure(server.base, MEMBERS, { ...labels, target }, { headers, ok: [304], cpu });
    }
  } finally {
    await server.stop();
  }
}

async function runPglite(): Promise<void> {
  for (const cache of [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
    const removeDir = addCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    try {
      // DATABASE_URL empty: never inherit one from the shell, this run is PGlite's.
      await measureEntente('PGlite', cache, { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, { with304: false });
    } finally {
      await removeDir();
    }
  }
}

/** The reason PostgreSQL was skipped, or null when it ran. */
async function runPostgres(): Promise<string | null> {
  for (const cache of [true, false]) {
    const database = await createPgDatabase();
    if (typeof database === 'string') return database;
    try {
      await measureEntente(
        `PostgreSQL ${database.version}`,
        cache,
        { DATABASE_URL: database.url },
        {
          with304: cache,
          compressed: true,
          live: database.url,
          dbPids: database.backends,
        },
      );
    } finally {
      await database.drop();
    }
  }
  return null;
}

/**
 * What a cache miss costs against a hit, per engine: req/s with the cache off ÷ with it on, for
 * the members list and the meeting page (the goals: ≥ 20 % and ≥ 10 %).
 */
function printColdReads(): void {
  const lines: string[][] = [];
  for (const engine of [...new Set(rows.map((r) => r.engine))].filter((e) => e !== '—')) {
    for (const prefix of [`GET ${MEMBERS} (`, 'GET /api/v1/meetings/{Brussels 2014}']) {
      const find = (cache: string) =>
        rows.find(
          (r) => r.engine === engine && r.cache === cache && r.target.startsWith(prefix) && !r.target.includes(','),
        );
      const on = find('on');
      const off = find('off');
      if (on && off) lines.push([on.target, engine, fmtRps(off.rps), fmtRps(on.rps), fmtRatio(off.rps / on.rps)]);
    }
  }
  // The live ministerial: the page read while attendance is written, against the cached page.
  for (const engine of [...new Set(rows.map((r) => r.engine))].filter((e) => e !== '—')) {
    const cached = rows.find(
      (r) =>
        r.engine === engine &&
        r.cache === 'on' &&
        r.target.startsWith('GET /api/v1/meetings/') &&
        !r.target.includes(','),
    );
    for (const live of rows.filter((r) => r.engine === engine && r.target.includes('attendance written'))) {
      if (cached)
        lines.push([
          live.target,
          `${engine}, cache ${live.cache}`,
          fmtRps(live.rps),
          fmtRps(cached.rps),
          fmtRatio(live.rps / cached.rps),
        ]);
    }
  }
  if (lines.length === 0) return;
  const columns: Column[] = [
    { head: 'cold read' },
    { head: 'engine' },
    { head: 'cache off req/s', right: true },
    { head: 'cache on req/s', right: true },
    { head: 'off ÷ on', right: true },
  ];
  console.log('\nCache misses against hits, same run (a live ministerial: against the cached page, no writes):\n');
  printTable(columns, lines);
}

// ---------------------------------------------------------------------------------------------

const COLUMNS: Column[] = [
  { head: 'target' },
  { head: 'engine' },
  { head: 'cache' },
  { head: 'req/s', right: true },
  { head: 'p50 ms', right: true },
  { head: 'p99 ms', right: true },
  { head: 'vs bare', right: true },
  { head: 'CPU µs/req: server', right: true },
  { head: 'PostgreSQL', right: true },
  { head: 'autocannon', right: true },
];

async function main(): Promise<void> {
  console.log(`Entente benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per row, loopback`,
  );
  checkQuiet('before the run');
  await ensureBuilt(['server'], { log: (line) => console.log(`build: ${line}`) });

  const bareStart = await measureBare('start');
  if (ENGINES.has('pglite')) await runPglite();
  let pgSkipped: string | null = 'not in BENCH_ENGINES';
  if (ENGINES.has('postgresql')) {
    pgSkipped = await runPostgres();
    if (pgSkipped) console.log(`\nPostgreSQL skipped: cannot connect to BENCH_DATABASE_URL (${pgSkipped})`);
  }
  const bareEnd = await measureBare('end');
  // After the bare row that closes the read rows: these settle procedures, not serve reads.
  const lateness =
    process.env.BENCH_LATENESS === 'false'
      ? []
      : await measureAdoptionLateness(pgSkipped ? new Set([...ENGINES].filter((e) => e !== 'postgresql')) : ENGINES);
  let startup: StartupRow[] = [];
  if (process.env.BENCH_STARTUP !== 'false') {
    const database = ENGINES.has('postgresql') && !pgSkipped ? await createPgDatabase() : null;
    try {
      startup = await measureStartup(database && typeof database !== 'string' ? database.url : null);
    } finally {
      if (database && typeof database !== 'string') await database.drop();
    }
  }
  checkQuiet('after the run');

  const baseline = (bareStart.rps + bareEnd.rps) / 2;
  const drift = Math.abs(bareStart.rps - bareEnd.rps) / baseline;
  console.log(
    `\nbaseline: bare route ${fmtRps(bareStart.rps)} req/s at the start, ${fmtRps(bareEnd.rps)} at the end; ` +
      `mean ${fmtRps(baseline)} req/s (they differ by ${(drift * 100).toFixed(1)} %)\n`,
  );
  if (drift > 0.1) {
    console.log(
      `warning: the two bare rows differ by more than 10 %: the machine's speed changed during the run ` +
        '(other work?), so the ratios carry that much noise; the CPU µs/req columns are steadier.\n',
    );
  }
  const body = rows.map((r) => [
    r.target,
    r.engine,
    r.cache,
    fmtRps(r.rps),
    fmtMs(r.p50),
    fmtMs(r.p99),
    fmtRatio(r.rps / baseline),
    fmtUs(r.serverCpu),
    fmtUs(r.dbCpu),
    fmtUs(r.clientCpu),
  ]);
  printText(COLUMNS, body);
  if (pgSkipped) console.log(`\nPostgreSQL skipped: ${pgSkipped}`);
  console.log('\nMarkdown:\n');
  printMarkdown(COLUMNS, body);
  console.log(
    `\n${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per row; ` +
      `"vs bare" = req/s ÷ mean of the two GET /bare rows (${fmtRps(baseline)} req/s). ` +
      'CPU µs/req = CPU time (user + system) used during the measured seconds ÷ responses, for the server ' +
      'process, the PostgreSQL backends serving its database, and the autocannon process.',
  );

  printColdReads();
  if (lateness.length > 0) printLateness(lateness);
  if (startup.length > 0) {
    console.log();
    printStartup(startup);
  }

  if (failures.length > 0) {
    console.error(`\nINVALID RUN: ${failures.length} row(s) had unexpected responses:`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exitCode = 1;
  }
}

await runScript(main);
