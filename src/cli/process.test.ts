import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../server/test/server-process.js';

/**
 * The two processes an operator runs, as they run them: the built server (what `npm start`
 * starts) and the `entente` command (bin/entente.js), on one PGlite folder. Covers first start,
 * the one-process lock, graceful shutdown and restart. `npm test` builds first.
 */
const server = ['dist/server/start.js'];
const baseEnv = { ...process.env, LOG_LEVEL: 'info', WEB_DIST: '', HOST: '127.0.0.1', PORT: '0' };

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, server, { env: { ...baseEnv, DATA_DIR: dataDir } });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000);
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => out });
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function signIn(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('server and CLI on one PGlite folder', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'entente-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, locks out a writing CLI, shuts down gracefully and keeps everything', async () => {
    const first = await startServer(dataDir);
    expect(first.output()).toContain('Loaded the demo coalition: 66 members');
    const creds = /email:\s+(\S+)\n\s+password:\s+(\S+)/.exec(first.output());
    expect(creds).not.toBeNull();
    const [, adminEmail, adminPassword] = creds as RegExpExecArray;
    expect(await signIn(first.url, adminEmail, adminPassword)).toBe(204);
    // The password went to the terminal once, never into a log line.
    const logLines = first
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(logLines.some((l) => l.includes(adminPassword))).toBe(false);

    const locked = await runCli(
      dataDir,
      ['user', 'create', '--email', 'fp@example.org', '--name', 'FP', '--role', 'focal_point', '--member', 'IRQ'],
      { stdin: 'a long enough password\n' },
    );
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/in use by another Entente process/);

    const stopping = exited(first.child);
    first.child.kill('SIGTERM');
    expect(await stopping).toBe(0);
    expect(first.output()).toContain('"msg":"closed"');

    const created = await runCli(
      dataDir,
      ['user', 'create', '--email', 'fp@example.org', '--name', 'FP', '--role', 'focal_point', '--member', 'IRQ'],
      { stdin: 'a long enough password\n' },
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain('Created focal_point fp@example.org');
    expect(created.stdout).not.toContain('Password');

    const bad = await runCli(dataDir, [
      'user',
      'create',
      '--email',
      'x@example.org',
      '--name',
      'X',
      '--role',
      'focal_point',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--member: a focal point needs a member');

    const second = await startServer(dataDir);
    try {
      expect(second.output()).not.toContain('First start');
      expect(second.output()).not.toContain('Loaded the demo');
      expect(await signIn(second.url, 'fp@example.org', 'a long enough password')).toBe(204);
      const members = await (await fetch(`${second.url}/api/v1/members`)).json();
      expect(members.items).toHaveLength(66);
    } finally {
      const done = exited(second.child);
      second.child.kill('SIGTERM');
      await done;
    }
  }, 120_000);

  it('refuses to start with a bad setting, naming it', async () => {
    const child = spawn(process.execPath, server, { env: { ...baseEnv, PORT: 'eighty', DATA_DIR: dataDir } });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    expect(await exited(child)).toBe(1);
    expect(err).toContain('PORT');
  }, 30_000);
});
