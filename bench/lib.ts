/**
 * What the benchmark scripts share: settings, child servers, clean-up, autocannon runs with
 * status checking, and tables. Loopback only.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const HOST = '127.0.0.1';

export function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

export const SECONDS = intSetting('BENCH_SECONDS', 8, 1, 300);
export const WARMUP_SECONDS = intSetting('BENCH_WARMUP_SECONDS', 2, 0, 60);
export const CONNECTIONS = intSetting('BENCH_CONNECTIONS', 10, 1, 1000);

/** How long a server may take to answer its readiness route (PGlite initdb + migrate + seed). */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Clean-up that must happen even on Ctrl-C: child servers, temp folders, throw-away databases.

const cleanups = new Set<() => Promise<void>>();

export function addCleanup(fn: () => Promise<void>): () => Promise<void> {
  const once = async () => {
    if (!cleanups.delete(once)) return;
    await fn();
  };
  cleanups.add(once);
  return once;
}

export async function runCleanups(): Promise<void> {
  for (const fn of [...cleanups].reverse()) {
    await fn().catch((err) => console.error(`clean-up failed: ${err instanceof Error ? err.message : err}`));
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers and cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

/** Runs `main`, then always cleans up; a failure is printed and sets a non-zero exit code. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    console.error(`\nbenchmark failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await runCleanups();
  }
}

// ---------------------------------------------------------------------------------------------
// Child servers

export interface Server {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `script` (relative to the repository) in its own process, on a free loopback port,
 * and waits until `readyPath` answers 200: a built `.js` file with plain node (as `npm start`
 * runs Entente), a `.ts` file under tsx. The child's stdout is discarded (Entente prints a
 * first-start admin password there); the tail of its stderr is kept to explain a failed start.
 */
export async function startServer(
  label: string,
  script: string,
  env: Record<string, string>,
  readyPath: string,
): Promise<Server> {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });

  const stop = addCleanup(async () => {
    if (exited(child)) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      console.error(`  ${label}: still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM; killing it`);
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
    }
  });

  const started = Date.now();
  while (true) {
    if (exited(child)) {
      await stop();
      throw new Error(
        `${label} exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}):\n${stderr}`,
      );
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`${label} was not ready after ${START_TIMEOUT_MS / 1000} s:\n${stderr}`);
    }
    try {
      const res = await fetch(base + readyPath, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  console.log(`  ${label}: ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { base, pid: child.pid as number, stop };
}

// ---------------------------------------------------------------------------------------------
// CPU time, from /proc (Linux): what each request costs in CPU, whatever else the machine runs

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of a process in µs, or null when /proc cannot tell (not Linux, gone). */
function processCpuUs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3 of proc(5); utime and stime are fields 14 and 15.
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1e6;
  } catch {
    return null;
  }
}

/** CPU time of each process that /proc can read, by pid. */
function cpuSnapshot(pids: number[]): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const pid of pids) {
    const us = processCpuUs(pid);
    if (us !== null) snapshot.set(pid, us);
  }
  return snapshot;
}

/**
 * CPU used between two snapshots, or null when nothing could be read. A process gone by the end
 * (a pool connection closed for idleness) counts what it had used at the start: nothing more.
 */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number | null {
  if (before.size === 0) return null;
  let total = 0;
  for (const [pid, us] of before) total += (after.get(pid) ?? us) - us;
  return total;
}

/** The processes whose CPU time a row reports: the server, and the database's backends if separate. */
export interface CpuSources {
  server: number[];
  /** Read after the warm-up, when the server's pool has opened its connections. */
  db?: () => Promise<number[]>;
}

// ---------------------------------------------------------------------------------------------
// Measuring

export interface Labels {
  target: string;
  engine: string;
  cache: string;
}

export interface Row extends Labels {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time per response, µs: the server process, the PostgreSQL backends, this load generator. */
  serverCpu: number | null;
  dbCpu: number | null;
  clientCpu: number;
  responses: number;
  /** Responses with an unexpected status, plus connection errors and timeouts. */
  errors: number;
  statuses: Record<string, number>;
}

/** Every row measured so far, in order, and the reasons any of them is invalid. */
export const rows: Row[] = [];
export const failures: string[] = [];

/** One request before the load, so a broken route fails with its body instead of a table of errors. */
export async function probe(base: string, path: string, headers: Record<string, string>, expect: number) {
  const res = await fetch(base + path, { headers, signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (res.status !== expect) {
    throw new Error(`GET ${path} answered ${res.status}, expected ${expect}: ${body.slice(0, 500)}`);
  }
  return { etag: res.headers.get('etag'), body };
}

/** The nearest-rank percentile `p` (0–100) of values sorted ascending; NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  onResponse?: (status: number, ms: number) => void,
): Promise<autocannon.Result> {
  const run = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (onResponse) {
    // Without a callback autocannon returns its event emitter made thenable; the types only say Promise.
    (run as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _b: number, ms: number) =>
      onResponse(status, ms),
    );
  }
  return run;
}

/**
 * Warm-up (not counted), then the measured run. Latencies are recorded here from every
 * response, in fractional milliseconds (autocannon's own histogram rounds to whole ms and
 * leaves out non-2xx answers, such as the 304s this benchmark wants to time).
 */
export async function measure(
  base: string,
  path: string,
  labels: Labels,
  options: { headers?: Record<string, string>; ok?: number[]; cpu?: CpuSources } = {},
): Promise<Row> {
  const headers = options.headers ?? {};
  const ok = new Set(options.ok ?? [200]);
  const url = base + path;

  if (WARMUP_SECONDS > 0) {
    let bad = 0;
    const warm = await load(url, headers, WARMUP_SECONDS, (status) => {
      if (!ok.has(status)) bad++;
    });
    bad += warm.errors;
    if (bad > 0) console.error(`  warning: ${bad} bad responses or errors during the warm-up of ${labels.target}`);
  }

  const serverPids = options.cpu?.server ?? [];
  const dbPids = (await options.cpu?.db?.()) ?? [];
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const serverBefore = cpuSnapshot(serverPids);
  const dbBefore = cpuSnapshot(dbPids);
  const clientBefore = process.cpuUsage();
  const result = await load(url, headers, SECONDS, (status, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (!ok.has(status)) unexpected++;
  });
  const client = process.cpuUsage(clientBefore);
  const serverAfter = cpuSnapshot(serverPids);
  const dbAfter = cpuSnapshot(dbPids);
  const n = latencies.length || 1;
  const perResponse = (before: Map<number, number>, after: Map<number, number>) => {
    const used = cpuBetween(before, after);
    return used === null ? null : used / n;
  };
  const sorted = Float64Array.from(latencies).sort();
  const row: Row = {
    ...labels,
    rps: latencies.length / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    serverCpu: perResponse(serverBefore, serverAfter),
    dbCpu: perResponse(dbBefore, dbAfter),
    clientCpu: (client.user + client.system) / n,
    responses: latencies.length,
    errors: unexpected + result.errors,
    statuses,
  };
  rows.push(row);
  const codes = Object.entries(statuses)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  const connErrors = result.errors ? ` connection-errors×${result.errors}` : '';
  console.log(
    `  ${labels.target.padEnd(44)} ${fmtRps(row.rps).padStart(7)} req/s  p50 ${fmtMs(row.p50)} ms  p99 ${fmtMs(row.p99)} ms  CPU µs/req: server ${fmtUs(row.serverCpu)} db ${fmtUs(row.dbCpu)} load generator ${fmtUs(row.clientCpu)}  [${codes}${connErrors}]`,
  );
  if (row.errors > 0 || latencies.length === 0) {
    const why = `${labels.engine} ${labels.cache} ${labels.target}: ${row.errors} bad responses or errors of ${latencies.length} (${codes || 'none'}${connErrors})`;
    failures.push(why);
    console.error(`  INVALID: ${why}`);
  }
  return row;
}

/**
 * Entente as `npm start` runs it (the built server, not its TypeScript), quiet and unthrottled,
 * with the demo on an empty database; `env` names the database and adds settings. Ready once
 * `ready` answers 200.
 */
export function startEntente(label: string, env: Record<string, string>, ready = '/api/v1/health'): Promise<Server> {
  return startServer(
    label,
    'dist/server/start.js',
    { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', WEB_DIST: '', SEED_DEMO: 'true', ...env },
    ready,
  );
}

// ---------------------------------------------------------------------------------------------
// Accounts

/** A secretariat account made with the `entente` command, signed in: its session cookie. */
export async function secretariatSession(base: string, databaseUrl: string): Promise<string> {
  const email = `bench.${randomBytes(3).toString('hex')}@entente.local`;
  const password = randomBytes(18).toString('base64url');
  const created = spawnSync(
    process.execPath,
    ['bin/entente.js', 'user', 'create', '--email', email, '--name', 'Bench', '--role', 'secretariat'],
    { cwd: ROOT, input: password, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`entente user create failed: ${created.stderr}`);
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 204 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/** The PostgreSQL server throw-away databases are made on. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a fresh database for each server, dropped afterwards

export async function adminClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  return client;
}

export interface PgDatabase {
  url: string;
  version: string;
  /** Process ids of the PostgreSQL backends serving this database (the server's pool). */
  backends(): Promise<number[]>;
  drop(): Promise<void>;
}

/** A fresh, empty database, or the reason PostgreSQL cannot be reached. */
export async function createPgDatabase(): Promise<PgDatabase | string> {
  let client: pg.Client;
  try {
    client = await adminClient();
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  }
  const name = `entente_bench_${randomBytes(4).toString('hex')}`;
  let version: string;
  try {
    version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = addCleanup(async () => {
    const c = await adminClient();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  const backends = async () => {
    const c = await adminClient();
    try {
      const result = await c.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      return result.rows.map((r) => r.pid);
    } finally {
      await c.end();
    }
  };
  return { url: url.toString(), version: version.split(' ')[0], backends, drop };
}

// ---------------------------------------------------------------------------------------------
// Reporting

export const fmtRps = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
export const fmtRatio = (n: number) => `${Math.round(n * 100)} %`;
export const fmtUs = (n: number | null) => (n === null ? '—' : n.toFixed(0));

/** Cores, CPU model, memory, Node: no host name, no paths. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${availableParallelism()} cores (${cpu}), ${gib} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/** Warns when something else keeps the machine busy: on 2 cores it shows in every row. */
export function checkQuiet(when: string): void {
  const [one] = loadavg();
  console.log(`load average (1 min) ${when}: ${one.toFixed(2)}`);
  if (one > 1) {
    console.log('  warning: the machine is busy with other work; figures will be noisy (compare the two bare rows)');
  }
}

export interface Column {
  head: string;
  right?: boolean;
}

export function printText(columns: Column[], body: string[][]): void {
  const widths = columns.map((c, i) => Math.max(c.head.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (columns[i].right ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(columns.map((c) => c.head)));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}

/** A table as text, then as Markdown (for bench/RESULTS.md). */
export function printTable(columns: Column[], body: string[][]): void {
  printText(columns, body);
  console.log('\nMarkdown:\n');
  printMarkdown(columns, body);
}

/** A Markdown table, padded the way the repository's formatter (biome) lays tables out. */
export function printMarkdown(columns: Column[], body: string[][]): void {
  const widths = columns.map((c, i) => Math.max(c.head.length, 3, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (columns[i].right ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(columns.map((c) => c.head)));
  console.log(line(columns.map((c, i) => (c.right ? `${'-'.repeat(widths[i] - 1)}:` : '-'.repeat(widths[i])))));
  for (const r of body) console.log(line(r));
}
