/**
 * Start-up time: from spawning a process to its first healthy answer, against a bare Fastify
 * start measured in the same run. Part of `npm run bench`; alone: `npx tsx bench/startup.ts`.
 *
 *   bare Fastify          node on bench/bare-server.ts built to plain JS (no tsx), until GET /bare
 *   Entente, PGlite       node dist/server/start.js on a data folder that already holds the demo
 *                         (every start but the first), with the web app, until GET /api/v1/health
 *   Entente, PostgreSQL   the same on a PostgreSQL database that already holds the demo
 *   npm start             what a developer types, the build up to date: npm, the build check, the server
 *
 * Each is started BENCH_STARTS times (default 5; npm start: at most 3) and stopped with SIGTERM;
 * the median is reported. Every target is started once, untimed, before its timed starts: it
 * creates and seeds the database, and fills Node's compile cache as a second start finds it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';
import {
  addCleanup,
  type Column,
  exited,
  freePort,
  HOST,
  intSetting,
  printTable,
  ROOT,
  sleep,
  waitForExit,
} from './lib.js';

const STARTS = intSetting('BENCH_STARTS', 5, 1, 50);
const READY_TIMEOUT_MS = 120_000;

export interface StartupRow {
  target: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  starts: number;
}

/** Spawns the command, times it to the first 200 on `path`, stops it, and waits for it to exit. */
async function timeOneStart(command: string[], env: Record<string, string>, path: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: `npm start` runs the server as a grandchild, stopped with the group.
    detached: true,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  // Signals the whole group; false once nobody is left in it.
  const group = -(child.pid as number);
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(group, name);
      return true;
    } catch {
      return false;
    }
  };
  // npm can exit before the server it started, which frees the data folder only as it exits:
  // the next start waits for the whole group.
  const stop = async () => {
    signal('SIGTERM');
    for (let waited = 0; signal(0) && waited < 15_000; waited += 20) await sleep(20);
    signal('SIGKILL');
    await waitForExit(child, 5000);
  };
  const remove = addCleanup(stop);
  try {
    while (true) {
      if (exited(child)) throw new Error(`${command.join(' ')} exited before it answered:\n${stderr}`);
      if (performance.now() - started > READY_TIMEOUT_MS)
        throw new Error(`${command.join(' ')}: no answer:\n${stderr}`);
      try {
        const res = await fetch(`http://${HOST}:${port}${path}`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(10);
    }
  } finally {
    await stop();
    await remove();
  }
}

async function timeStarts(
  target: string,
  command: string[],
  env: Record<string, string>,
  path: string,
  starts: number,
): Promise<StartupRow> {
  await timeOneStart(command, env, path); // untimed: creates the database, fills the compile cache
  const times: number[] = [];
  for (let i = 0; i < starts; i++) times.push(await timeOneStart(command, env, path));
  times.sort((a, b) => a - b);
  const row = {
    target,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    maxMs: times[times.length - 1],
    starts,
  };
  console.log(
    `  ${target.padEnd(52)} median ${row.medianMs.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
  return row;
}

/** The bare server as plain JavaScript, so that its start is not charged for tsx. */
async function buildBareServer(): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = join(ROOT, 'dist/bench/bare-server.js');
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/bare-server.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Every start-up row; `postgresUrl` is a fresh database for Entente on PostgreSQL (or null to skip). */
export async function measureStartup(postgresUrl: string | null): Promise<StartupRow[]> {
  console.log(`\nStart-up (${STARTS} starts each, after one untimed)`);
  await ensureBuilt(['web', 'server'], { log: (line: string) => console.log(`  build: ${line}`) });
  const bare = await buildBareServer();
  const dir = mkdtempSync(join(tmpdir(), 'entente-startup-'));
  const removeDir = addCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const node = process.execPath;
  const entente = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SEED_DEMO: 'true' };
  const health = '/api/v1/health';
  try {
    const rows = [await timeStarts('bare Fastify (node, plain JS)', [node, bare], {}, '/bare', STARTS)];
    rows.push(
      await timeStarts(
        'Entente on PGlite (dist/server/start.js)',
        [node, 'dist/server/start.js'],
        entente,
        health,
        STARTS,
      ),
    );
    if (postgresUrl) {
      rows.push(
        await timeStarts(
          'Entente on PostgreSQL (dist/server/start.js)',
          [node, 'dist/server/start.js'],
          { DATABASE_URL: postgresUrl },
          health,
          STARTS,
        ),
      );
    }
    // npm runs under the node running this benchmark (first on PATH), like a developer's shell.
    const npm = { PATH: `${join(node, '..')}:${process.env.PATH}`, ...entente };
    rows.push(
      await timeStarts(
        'npm start (PGlite, build up to date)',
        ['npm', 'start', '--silent'],
        npm,
        health,
        Math.min(STARTS, 3),
      ),
    );
    return rows;
  } finally {
    await removeDir();
  }
}

export function printStartup(rows: StartupRow[]): void {
  const bare = rows[0].medianMs;
  const columns: Column[] = [
    { head: 'start-up' },
    { head: 'median ms', right: true },
    { head: 'min–max ms', right: true },
    { head: 'vs bare', right: true },
  ];
  const body = rows.map((r) => [
    r.target,
    r.medianMs.toFixed(0),
    `${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)}`,
    `${(r.medianMs / bare).toFixed(1)}×`,
  ]);
  printTable(columns, body);
  console.log(
    '\nFrom spawning the process to its first 200 (GET /bare, or GET /api/v1/health, which asks the database); ' +
      '"vs bare" = median ÷ the bare Fastify median of the same run.',
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  const { runScript, machine } = await import('./lib.js');
  await runScript(async () => {
    console.log(`Entente start-up benchmark — ${new Date().toISOString()}\nmachine: ${machine()}`);
    printStartup(await measureStartup(process.env.BENCH_STARTUP_DATABASE_URL || null));
  });
}
