import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
}

/** A server that stopped before it listened: its exit code and everything it printed. */
export class ServerExitedError extends Error {
  constructor(
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly printed: string,
  ) {
    super(`server exited with ${code ?? signal}:\n${printed}`);
  }
}

/**
 * A second app server as operators start it (its build, `dist/server/start.js`: `npm test`
 * builds first) on `databaseUrl`, for the tests of two processes on one PostgreSQL database;
 * resolves once it listens. `env` adds or overrides settings (a pool size, a sweep interval).
 */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return spawnServer({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '3', ...env });
}

/**
 * The built server on whatever `env` names: `DATABASE_URL`, or `DATA_DIR` for PGlite (an empty
 * DATABASE_URL is "not set", so that one inherited from the test's environment does not win).
 * Resolves once it listens; rejects with ServerExitedError if it stops first.
 */
export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['dist/server/start.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_DIST: '',
      SEED_DEMO: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 50_000);
    child.stdout?.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] as string, output: () => out });
      }
    });
    // Also after it listened: a no-op then (the promise is settled).
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new ServerExitedError(code, signal, out));
    });
  });
}

/** Sends `signal` (SIGTERM: a graceful stop; SIGKILL: a crash) and resolves with the exit code, or the signal's name. */
export function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child.exitCode ?? child.signalCode ?? '');
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, sig) => resolve(code ?? sig ?? '')),
  );
  child.kill(signal);
  return exited;
}

/** What a run of the `entente` command printed, and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The `entente` command as an operator types it (bin/entente.js, the built CLI) on the PGlite
 * folder `dataDir` (a DATABASE_URL of the test's environment is left out); `stdin` is piped in
 * (a password), `env` adds or overrides settings.
 */
export function runCli(
  dataDir: string,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/entente.js', ...args], {
      env: { ...inherited, LOG_LEVEL: 'info', ...options.env, DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
