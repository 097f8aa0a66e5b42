/**
 * Load held, and a SIGTERM under load (issue 12). `npm run bench:load`; not part of `npm run bench`
 * and not in CI. PostgreSQL only (several processes share one database; PGlite cannot).
 *
 * BENCH_CONNECTIONS (default 1,000) keep-alive connections from one autocannon process, for
 * BENCH_SECONDS (default 60) per row, each walking a cycle of 20 requests from its own starting
 * place: 19 public reads of what the home and its pages read (the members, the meetings, members,
 * the Brussels ministerial, the headline figures, the statements) and 1 signed-in write (95:5): a
 * secretariat account changing the title of a source with If-Match. Each connection owns one
 * source, so that no write can meet a stale If-Match: every write must answer 200. (The mix reads
 * no source: the public register is cached whole, and a write to any source drops it; under a
 * write a second, every read of a source would reload the register. RESULTS says what that cost.)
 *
 * Beside the load, a checker tests the read cache across processes (pg_notify,
 * src/server/lib/cache.ts): it changes a member's note through one process, then reads the member
 * through the other at once and 250 ms later, in a loop; a read showing an older version than the
 * write answered is stale. "At once" races the notification's delivery to the other process; the
 * goal is 0 stale reads later.
 *
 * Rows:
 *   1. one process, connections straight to it;
 *   2. two processes on the same database behind nginx (skipped, saying so, when nginx is not on
 *      PATH: `apt-get install nginx`; this script installs nothing);
 *   3. the same, with SIGTERM to one of the two at mid-run: every failed request is a request
 *      lost to the shutdown (the goal is 0);
 *   4. one process, SIGTERM at mid-run, no proxy: what clients see when the only process stops.
 *      Connections refused once the listener has closed are not failures (those requests were
 *      never sent); answers other than 2xx, resets and timeouts are.
 *
 * Settings: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_POOL_SIZE (each process's DATABASE_POOL_SIZE,
 * default 10), BENCH_GRACE_MS (the servers' SHUTDOWN_GRACE_MS, default 2000), BENCH_NGINX_KEEPALIVE
 * (nginx's idle connections to each process, default 0: none), BENCH_ROWS (default
 * `one,two,two-sigterm,one-sigterm`), BENCH_DATABASE_URL.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuilt } from '../scripts/build.mjs';
import {
  addCleanup,
  type Column,
  checkQuiet,
  createPgDatabase,
  exited,
  fmtMs,
  fmtRps,
  freePort,
  HOST,
  intSetting,
  machine,
  type PgDatabase,
  percentile,
  printTable,
  probe,
  runScript,
  type Server,
  secretariatSession,
  sleep,
  startEntente,
  waitForExit,
} from './lib.js';

const SECONDS = intSetting('BENCH_SECONDS', 60, 5, 600);
const CONNECTIONS = intSetting('BENCH_CONNECTIONS', 1000, 1, 1000);
const POOL_SIZE = intSetting('BENCH_POOL_SIZE', 10, 1, 200);
const GRACE_MS = intSetting('BENCH_GRACE_MS', 2000, 0, 60_000);
/** nginx's idle connections kept open to each process (its `keepalive`); 0: a connection per request. */
const NGINX_KEEPALIVE = intSetting('BENCH_NGINX_KEEPALIVE', 0, 0, 1000);
const READY = '/api/v1/health/ready';
/** Which rows run (BENCH_ROWS, comma-separated; default all): one, two, two-sigterm, one-sigterm. */
const ROWS = new Set((process.env.BENCH_ROWS || 'one,two,two-sigterm,one-sigterm').split(',').map((r) => r.trim()));
/** autocannon's own limit: a request unanswered this long counts as a timeout. */
const TIMEOUT_S = 10;

// ---------------------------------------------------------------------------------------------
// The servers and the proxy

/** An app process on the bench's database, with its pool and grace period. */
const startProcess = (label: string, databaseUrl: string): Promise<Server> =>
  startEntente(
    label,
    { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(POOL_SIZE), SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    READY,
  );

function nginxOnPath(): boolean {
  return spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
}

/**
 * nginx in front of `upstreams`, in its own temporary prefix, one worker, no access log. The
 * configuration is the one docs/production.md recommends, with the addresses filled in.
 */
async function startNginx(upstreams: string[]): Promise<{ base: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-nginx-'));
  mkdirSync(join(dir, 'tmp'));
  const port = await freePort();
  const servers = upstreams.map((u) => `    server ${new URL(u).host} max_fails=1 fail_timeout=10s;`).join('\n');
  const conf = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  upstream entente {
${servers}
${NGINX_KEEPALIVE > 0 ? `    keepalive ${NGINX_KEEPALIVE};` : ''}
  }
  server {
    listen ${HOST}:${port} backlog=4096;
    location / {
      proxy_pass http://entente;
${NGINX_KEEPALIVE > 0 ? '      proxy_http_version 1.1;\n      proxy_set_header Connection "";' : ''}
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries 2;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const stop = addCleanup(async () => {
    if (!exited(child)) {
      child.kill('SIGQUIT');
      if (!(await waitForExit(child, 5000))) child.kill('SIGKILL');
    }
    // What nginx logged (an upstream refusing or closing a connection, a retry): the last lines.
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').trim() : '';
    if (log) {
      const lines = log.split('\n');
      console.log(`  nginx logged ${lines.length} line(s); the last ones:`);
      for (const line of lines.slice(-5)) console.log(`    ${line.replace(/^\S+ \S+ /, '').slice(0, 300)}`);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const base = `http://${HOST}:${port}`;
  for (let i = 0; i < 50; i++) {
    if (exited(child)) break;
    try {
      const res = await fetch(base + READY);
      await res.arrayBuffer();
      if (res.status === 200) return { base, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`nginx did not start: ${stderr}`);
}

// ---------------------------------------------------------------------------------------------
// The data each connection writes: its own source

interface Slot {
  id: string;
  version: number;
}

/** One public source per connection, added through the API (so each has its audit event). */
async function createSources(base: string, cookie: string, n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const res = await fetch(`${base}/api/v1/sources`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'press', title: `Load ${i}`, publisher: 'Bench' }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /api/v1/sources answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

/**
 * The bench's sources as the database holds them, once the writes of the run before have settled:
 * a write whose connection the end of a run closed may still commit after it.
 */
async function readSlots(databaseUrl: string): Promise<Slot[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const read = async () =>
      (
        await client.query<{ id: string; version: number }>(
          `select id, version from sources where publisher = 'Bench' order by created_at, id`,
        )
      ).rows;
    let rows = await read();
    for (let i = 0; i < 30; i++) {
      await sleep(1000);
      const again = await read();
      if (again.every((r, j) => r.version === rows[j].version)) return again;
      rows = again;
    }
    throw new Error('the writes of the previous run did not settle in 30 s');
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// One row

interface Targets {
  meeting: string;
  /** The member the cross-process checker writes (one the mix reads as a list only). */
  checkedMember: string;
}

interface LoadRow {
  setup: string;
  seconds: number;
  load1: number;
  responses: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  /** Connection errors by code, and autocannon timeouts. */
  errors: Record<string, number>;
  timeouts: number;
  writes: number;
  writesOk: number;
  /** The cross-process check: member writes, and reads of it at once and later that were stale. */
  checks: number;
  checkFailures: number;
  staleAtOnce: number;
  staleLater: number;
  /** Requests lost to the shutdown: non-2xx, resets, timeouts (not refused connections). */
  failed: number;
  /** Connections the kernel dropped during the row, a listen queue being full (any on the machine). */
  overflows: number | null;
  note: string;
}

/** The kernel's count of connections dropped because a listen queue was full (Linux), or null. */
function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('TcpExt:'));
    const keys = lines[i].split(' ');
    const values = lines[i + 1].split(' ');
    return Number(values[keys.indexOf('ListenOverflows')]);
  } catch {
    return null;
  }
}

interface Counters {
  writes: number;
  writesOk: number;
  writeStatuses: Record<string, number>;
  /** Answers autocannon paired with the wrong request after a connection error (ignored). */
  mispaired: number;
}

/** The cycle of 20 requests each connection walks: 19 public reads, 1 write of its own source. */
function cycle(slots: Slot[], cookie: string, targets: Targets, counters: Counters): autocannon.Request[] {
  const slotOf = (context: object) => slots[(context as { slot: number }).slot];
  const read = (path: string): autocannon.Request => ({ method: 'GET', path });
  const write: autocannon.Request = {
    method: 'PATCH',
    setupRequest: (req, context) => {
      const slot = slotOf(context);
      return {
        ...req,
        path: `/api/v1/sources/${slot.id}`,
        headers: { cookie, 'content-type': 'application/json', 'if-match': `"${slot.version}"` },
        body: JSON.stringify({ title: `Load ${(context as { slot: number }).slot} v${slot.version + 1}` }),
      };
    },
    onResponse: (status, body, context) => {
      counters.writes++;
      counters.writeStatuses[status] = (counters.writeStatuses[status] ?? 0) + 1;
      if (status === 200) {
        counters.writesOk++;
        const written = JSON.parse(body) as { id: string; version: number };
        // After a connection error autocannon pairs the next answer with the request that was lost.
        if (written.id === slotOf(context).id) slotOf(context).version = written.version;
        else counters.mispaired++;
      } else if (status === 409) {
        // The source is at another version than this connection knew: a write of its that timed
        // out (the connection was dropped, the server still committed it). Catch up, and count it.
        const now = /now version (\d+)/.exec(body);
        if (now) slotOf(context).version = Number(now[1]);
      } else if (counters.writes - counters.writesOk <= 3) {
        console.error(`  write answered ${status} (slot version ${slotOf(context).version}): ${body.slice(0, 300)}`);
      }
    },
  };
  return [
    read('/api/v1/members'),
    read('/api/v1/meetings'),
    read('/api/v1/members/USA'),
    read(targets.meeting),
    read('/api/v1/figures/headline'),
    read('/api/v1/statements'),
    read('/api/v1/members/GBR'),
    read('/api/v1/members'),
    read('/api/v1/meetings'),
    write,
    read('/api/v1/members/FRA'),
    read(targets.meeting),
    read('/api/v1/figures/headline'),
    read('/api/v1/members/JPN'),
    read('/api/v1/members'),
    read('/api/v1/meetings'),
    read('/api/v1/members/DEU'),
    read(targets.meeting),
    read('/api/v1/figures/headline'),
    read('/api/v1/members/CAN'),
  ];
}

/**
 * The cross-process check, beside the load: a secretariat account changes a member's note through
 * `writeBase` (If-Match), then reads the member through `readBase` at once and again
 * CHECK_LATER_MS later; a read showing an older version than the write answered is stale.
 */
const CHECK_LATER_MS = 250;

function startChecker(writeBase: string, readBase: string, cookie: string, code: string) {
  const counts = { writes: 0, failedWrites: 0, reads: 0, failedReads: 0, staleAtOnce: 0, staleLater: 0 };
  let stopped = false;
  const version = async (base: string) => {
    try {
      const res = await fetch(`${base}/api/v1/members/${code}`, { signal: AbortSignal.timeout(TIMEOUT_S * 1000) });
      const body = (await res.json()) as { version: number };
      counts.reads++;
      if (res.status !== 200) throw new Error(String(res.status));
      return body.version;
    } catch {
      counts.failedReads++;
      return null;
    }
  };
  const loop = (async () => {
    let current = await version(writeBase);
    while (!stopped && current !== null) {
      const res = await fetch(`${writeBase}/api/v1/members/${code}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json', 'if-match': `"${current}"` },
        body: JSON.stringify({ note: `Load check ${current + 1}` }),
        signal: AbortSignal.timeout(TIMEOUT_S * 1000),
      }).catch(() => null);
      const written = res ? ((await res.json()) as { version?: number }) : {};
      counts.writes++;
      if (res?.status !== 200 || !written.version) {
        counts.failedWrites++;
        current = await version(writeBase);
        continue;
      }
      current = written.version;
      const atOnce = await version(readBase);
      if (atOnce !== null && atOnce < current) counts.staleAtOnce++;
      await sleep(CHECK_LATER_MS);
      const later = await version(readBase);
      if (later !== null && later < current) counts.staleLater++;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return counts;
    },
  };
}

/**
 * Runs the mix against `base` for SECONDS. `sigterm`: at mid-run, `kill` is called (it sends
 * SIGTERM to a server and resolves when that process has exited); with `stopWhenDown`, the run
 * ends there (nothing is left to answer).
 */
async function runMix(
  setup: string,
  base: string,
  databaseUrl: string,
  cookie: string,
  targets: Targets,
  options: {
    kill?: () => Promise<void>;
    stopWhenDown?: boolean;
    /** Where the checker writes the member, and where it reads it back. */
    check?: { write: string; read: string };
  } = {},
): Promise<LoadRow> {
  const slots = await readSlots(databaseUrl);
  if (slots.length < CONNECTIONS) throw new Error(`${slots.length} sources for ${CONNECTIONS} connections`);
  const counters: Counters = { writes: 0, writesOk: 0, writeStatuses: {}, mispaired: 0 };
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  let nextSlot = 0;
  let killedAt = 0;
  const errorPhases: Record<string, number> = {};
  const load1 = loadavg()[0];
  console.log(`\n${setup} (load average ${load1.toFixed(2)})`);

  const overflowsBefore = listenOverflows();
  const started = performance.now();
  const requests = cycle(slots, cookie, targets, counters);
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: TIMEOUT_S,
    requests,
    // Each connection gets its own source, for the whole run (a number its context keeps), and
    // starts the cycle at its own place: with 1,000 connections each walks only a cycle or two
    // a minute, and the writes must be spread over the run, not bunched at one point of it.
    setupClient: (client) => {
      const slot = nextSlot++;
      const iterator = (client as unknown as { requestIterator: { initialContext: object; context: object } })
        .requestIterator;
      Object.assign(iterator.initialContext, { slot });
      Object.assign(iterator.context, { slot });
      const turn = slot % requests.length;
      client.setRequests([...requests.slice(turn), ...requests.slice(0, turn)]);
    },
  });
  const checker = options.check
    ? startChecker(options.check.write, options.check.read, cookie, targets.checkedMember)
    : null;
  const emitter = instance as unknown as NodeJS.EventEmitter;
  emitter.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  emitter.on('reqError', (err: NodeJS.ErrnoException) => {
    // A timeout is also reported as an error; it is counted once, with the timeouts.
    if (err.message === 'request timed out') return;
    const code = err.code ?? err.message ?? 'error';
    errors[code] = (errors[code] ?? 0) + 1;
    // When, relative to the SIGTERM: before it, in the grace period, or once the listener closed.
    if (killedAt && code !== 'ECONNREFUSED') {
      const after = (performance.now() - started) / 1000 - killedAt;
      const phase = after < 0 ? 'before' : after < GRACE_MS / 1000 ? 'grace' : 'closing';
      errorPhases[phase] = (errorPhases[phase] ?? 0) + 1;
    }
  });

  let killing: Promise<void> | null = null;
  if (options.kill) {
    const kill = options.kill;
    killing = (async () => {
      await sleep((SECONDS * 1000) / 2);
      killedAt = (performance.now() - started) / 1000;
      console.log(`  SIGTERM at ${killedAt.toFixed(1)} s`);
      await kill();
      console.log(`  exited ${((performance.now() - started) / 1000 - killedAt).toFixed(1)} s after SIGTERM`);
      if (options.stopWhenDown) (instance as unknown as { stop(): void }).stop();
    })();
  }
  const result = (await instance) as autocannon.Result;
  await killing;
  const checked = (await checker?.stop()) ?? null;
  const overflowsAfter = listenOverflows();
  const overflows = overflowsBefore === null || overflowsAfter === null ? null : overflowsAfter - overflowsBefore;

  const sorted = Float64Array.from(latencies).sort();
  const timeouts = result.timeouts ?? 0;
  const non2xx = Object.entries(statuses)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
  // A refused connection carried no request: the listener had closed (the process is going).
  const lost = Object.entries(errors)
    .filter(([code]) => code !== 'ECONNREFUSED')
    .reduce((n, [, count]) => n + count, 0);
  const row: LoadRow = {
    setup,
    seconds: result.duration,
    load1,
    responses: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    statuses,
    errors,
    timeouts,
    writes: counters.writes,
    writesOk: counters.writesOk,
    checks: checked?.writes ?? 0,
    checkFailures: (checked?.failedWrites ?? 0) + (checked?.failedReads ?? 0),
    staleAtOnce: checked?.staleAtOnce ?? 0,
    staleLater: checked?.staleLater ?? 0,
    failed: non2xx + lost + timeouts,
    overflows,
    note: killedAt ? `SIGTERM at ${killedAt.toFixed(0)} s` : '',
  };
  const codes = Object.entries(statuses)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  const errs = Object.entries(errors)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  console.log(
    `  ${fmtRps(row.rps)} req/s  p50 ${fmtMs(row.p50)} ms  p99 ${fmtMs(row.p99)} ms  max ${fmtMs(row.max)} ms  [${codes}] ` +
      `errors [${errs || 'none'}] timeouts ${timeouts}; writes ${counters.writesOk}/${counters.writes} ok ` +
      `(${JSON.stringify(counters.writeStatuses)}, ${counters.mispaired} mispaired answers ignored); ` +
      (checked
        ? `checker: ${checked.writes} member writes (${checked.failedWrites} failed), ${checked.reads} reads ` +
          `(${checked.failedReads} failed), stale at once ${checked.staleAtOnce}, stale ${CHECK_LATER_MS} ms later ${checked.staleLater}; `
        : '') +
      `failed ${row.failed}; listen-queue overflows ${overflows ?? '—'}`,
  );
  if (Object.keys(errorPhases).length > 0) {
    console.log(`  connection errors other than refused, by phase of the stop: ${JSON.stringify(errorPhases)}`);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------

const COLUMNS: Column[] = [
  { head: 'setup' },
  { head: 'load avg' },
  { head: 'req/s', right: true },
  { head: 'p50 ms', right: true },
  { head: 'p99 ms', right: true },
  { head: 'responses', right: true },
  { head: 'writes ok', right: true },
  { head: 'non-2xx', right: true },
  { head: 'errors', right: true },
  { head: 'timeouts', right: true },
  { head: 'stale at once / later', right: true },
  { head: 'failed', right: true },
  { head: 'listen drops', right: true },
];

function table(rows: LoadRow[]): string[][] {
  return rows.map((r) => {
    const non2xx = Object.entries(r.statuses)
      .filter(([c]) => !c.startsWith('2'))
      .map(([c, n]) => `${n} (${c})`)
      .join(', ');
    const errs = Object.entries(r.errors)
      .map(([c, n]) => `${n} (${c})`)
      .join(', ');
    return [
      r.note ? `${r.setup}, ${r.note}` : r.setup,
      r.load1.toFixed(2),
      fmtRps(r.rps),
      fmtMs(r.p50),
      fmtMs(r.p99),
      r.responses.toLocaleString('en-US'),
      `${r.writesOk.toLocaleString('en-US')} / ${r.writes.toLocaleString('en-US')}`,
      non2xx || '0',
      errs || '0',
      String(r.timeouts),
      r.checks ? `${r.staleAtOnce} / ${r.staleLater} of ${r.checks}` : '—',
      String(r.failed),
      r.overflows === null ? '—' : String(r.overflows),
    ];
  });
}

async function main(): Promise<void> {
  console.log(`Entente load benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per row, ${TIMEOUT_S} s timeout; ` +
      `DATABASE_POOL_SIZE=${POOL_SIZE} per process, SHUTDOWN_GRACE_MS=${GRACE_MS}, nginx keepalive ${NGINX_KEEPALIVE}`,
  );
  checkQuiet('before the run');
  await ensureBuilt(['server'], { log: (line) => console.log(`build: ${line}`) });

  const database: PgDatabase | string = await createPgDatabase();
  if (typeof database === 'string') throw new Error(`PostgreSQL is needed: ${database}`);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const maxConnections = (await admin.query<{ max_connections: string }>('show max_connections')).rows[0]
    .max_connections;
  await admin.end();
  console.log(`PostgreSQL ${database.version}, max_connections ${maxConnections}`);

  const rows: LoadRow[] = [];
  try {
    const a = await startProcess('process A', database.url);
    const cookie = await secretariatSession(a.base, database.url);
    const meetings = JSON.parse((await probe(a.base, '/api/v1/meetings', {}, 200)).body) as {
      items: { id: string; startDate: string }[];
    };
    const brussels = meetings.items.find((m) => m.startDate === '2014-12-03');
    if (!brussels) throw new Error('the Brussels ministerial is missing: was the demo coalition seeded?');
    const targets: Targets = { meeting: `/api/v1/meetings/${brussels.id}`, checkedMember: 'NOR' };
    for (const path of [
      '/api/v1/members',
      '/api/v1/figures/headline',
      '/api/v1/statements',
      targets.meeting,
      `/api/v1/members/${targets.checkedMember}`,
      ...['USA', 'GBR', 'FRA', 'JPN', 'DEU', 'CAN'].map((code) => `/api/v1/members/${code}`),
    ]) {
      await probe(a.base, path, {}, 200);
    }
    const t0 = performance.now();
    await createSources(a.base, cookie, CONNECTIONS);
    console.log(`  ${CONNECTIONS} sources added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    if (ROWS.has('one')) {
      const check = { write: a.base, read: a.base };
      rows.push(await runMix('one process', a.base, database.url, cookie, targets, { check }));
    }

    if (!ROWS.has('two') && !ROWS.has('two-sigterm')) {
      // not asked for
    } else if (!nginxOnPath()) {
      console.log(
        '\nnginx is not on PATH: the two-process rows are skipped (install it, e.g. `apt-get install nginx`, to run them)',
      );
    } else {
      const b = await startProcess('process B', database.url);
      const proxy = await startNginx([a.base, b.base]);
      try {
        if (ROWS.has('two')) {
          // The checker writes through A and reads through B, straight to each.
          const check = { write: a.base, read: b.base };
          rows.push(await runMix('two processes behind nginx', proxy.base, database.url, cookie, targets, { check }));
        }
        if (ROWS.has('two-sigterm')) {
          rows.push(
            await runMix('two processes behind nginx', proxy.base, database.url, cookie, targets, {
              kill: () => b.stop(),
              // B goes: the checker reads through the proxy.
              check: { write: a.base, read: proxy.base },
            }),
          );
        }
      } finally {
        await proxy.stop();
        await b.stop();
      }
    }

    if (ROWS.has('one-sigterm')) {
      rows.push(
        await runMix('one process, no proxy', a.base, database.url, cookie, targets, {
          kill: () => a.stop(),
          stopWhenDown: true,
        }),
      );
    }
  } finally {
    await database.drop();
  }
  checkQuiet('after the run');

  console.log();
  const body = table(rows);
  printTable(COLUMNS, body);
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per row, 95 % public reads and 5 % signed-in writes ` +
      '(PATCH of the connection\'s own source with If-Match). "failed" = answers other than 2xx + ' +
      `connection errors other than refused connections + timeouts (${TIMEOUT_S} s).`,
  );
  const bad = rows.filter((r) => r.failed > 0 || r.writesOk < r.writes || r.staleLater > 0 || r.checkFailures > 0);
  if (bad.length > 0) {
    console.error(
      `\n${bad.length} row(s) missed a goal (failed requests, refused writes, stale later reads or failed checks)`,
    );
    process.exitCode = 1;
  }
}

await runScript(main);
