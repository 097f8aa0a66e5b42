import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
}

/**
 * A second app server as operators start it (its build, `dist/server/start.js`: `npm test`
 * builds first) on `databaseUrl`, for the tests of two processes on one PostgreSQL database;
 * resolves once it listens. `env` adds or overrides settings (a pool size, a sweep interval).
 */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['dist/server/start.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '3',
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
    const timer = setTimeout(() => reject(new Error(`server B did not start:\n${out}`)), 50_000);
    child.stdout?.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] as string, output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`server B exited with ${code}:\n${out}`)));
  });
}
