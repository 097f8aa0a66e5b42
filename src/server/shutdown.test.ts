import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProblem } from './test/harness.js';
import { type ServerProcess, spawnServer, stopServer } from './test/server-process.js';

/**
 * SIGTERM drains (main.ts): the built server (`dist/server/start.js`, `npm test` builds first) on
 * a PGlite folder, stopped while requests are in flight. Every one of them is answered 2xx;
 * during the grace period readiness answers 503 while other routes are still served, each answer
 * closing its connection, except reads through a proxy, answered 503 for the proxy to send
 * elsewhere; then the process closes and exits 0.
 */
const GRACE_MS = 4000;

/** Resolves once `pattern` shows in the output (polled: the output is a growing string). */
async function printed(server: ServerProcess, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 400 && !pattern.test(server.output()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(server.output()).toMatch(pattern);
}

describe('SIGTERM drains the server', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'entente-shutdown-'));
    server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '', SHUTDOWN_GRACE_MS: String(GRACE_MS) });
  });

  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request in flight, then readiness 503 while it still serves, then exits 0', async () => {
    const ask = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${server.base}${path}`, init);
      const body = await res.text();
      return { status: res.status, connection: res.headers.get('connection'), body };
    };
    const viaProxy = { 'x-forwarded-for': '203.0.113.7' };
    expect((await ask('/api/v1/health/ready')).status).toBe(200);

    // Requests sent, then the signal before any of them is answered: each asks the database.
    const inFlight = Array.from({ length: 40 }, () => ask('/api/v1/health'));
    const exit = stopServer(server, 'SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));

    // The grace period: no longer ready, still serving, and every answer closes its connection.
    await printed(server, /"msg":"draining: readiness answers 503/);
    const ready = await ask('/api/v1/health/ready');
    expect(ready.status).toBe(503);
    const health = await ask('/api/v1/health');
    expect(health).toMatchObject({ status: 200, connection: 'close' });

    // A read through a proxy is answered 503 at once, for the proxy to send elsewhere (and to take
    // this process out of its rotation); a write through it is served, as is a direct client.
    const proxiedRead = await ask('/api/v1/health', { headers: viaProxy });
    expect(proxiedRead).toMatchObject({ status: 503, connection: 'close' });
    expect(parseProblem(proxiedRead.body)).toMatchObject({ code: 'service_unavailable', instance: '/api/v1/health' });
    const forwardedRead = await ask('/api/v1/health/live', { headers: { forwarded: 'for=203.0.113.7' } });
    expect(forwardedRead).toMatchObject({ status: 503, connection: 'close' });
    const proxiedWrite = await ask('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { ...viaProxy, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'not this one' }),
    });
    expect(proxiedWrite).toMatchObject({ status: 401, connection: 'close' });
    expect(parseProblem(proxiedWrite.body)).toMatchObject({ code: 'unauthenticated' });

    expect(await exit).toBe(0);
    expect(server.output()).toContain('"msg":"closed"');
  }, 60_000);
});
