import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootId, DataDirLockedError, LOCK_FILE, lockDataDir, parseLock, processStart, thisProcess } from './lock.js';

/**
 * The PGlite folder's lock (one process at a time): taken, refused while its process runs, and
 * taken over once that process is gone, including when its pid now belongs to another process
 * (a reboot, a container's restart). The servers' own use of it is in test/crash.test.ts.
 */
const onLinux = bootId() !== null && processStart(process.pid) !== null;

/** A process that runs until killed: the holder of a lock. */
function idleProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

describe('the data folder lock', () => {
  let dir: string;
  let lockPath: string;
  let holder: ChildProcess;
  beforeAll(async () => {
    holder = await idleProcess();
  });
  afterAll(async () => {
    holder.kill('SIGKILL');
    await exited(holder);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'entente-lock-'));
    lockPath = join(dir, LOCK_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lockNaming = (content: unknown) => writeFileSync(lockPath, JSON.stringify(content));
  const refusal = (fn: () => unknown): DataDirLockedError => {
    try {
      fn();
    } catch (err) {
      if (err instanceof DataDirLockedError) return err;
      throw err;
    }
    throw new Error('the lock was taken');
  };

  it('records this process, and leaves nothing behind once released', () => {
    const release = lockDataDir(dir);
    expect(parseLock(readFileSync(lockPath, 'utf8'))).toEqual(thisProcess());
    if (onLinux) expect(thisProcess()).toMatchObject({ boot: expect.any(String), start: expect.any(String) });
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is refused while the process that holds it runs, naming the folder and its pid', () => {
    const pid = holder.pid as number;
    lockNaming({ pid, boot: bootId(), start: processStart(pid) });
    const err = refusal(() => lockDataDir(dir));
    expect(err.message).toContain(`The data folder ${dir} is in use by another Entente process (pid ${pid})`);
    // The holder's lock is untouched, and nothing else is left.
    expect(parseLock(readFileSync(lockPath, 'utf8'))?.pid).toBe(pid);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it("is refused on a running process's pid alone (a lock written by an older version)", () => {
    writeFileSync(lockPath, String(holder.pid));
    expect(refusal(() => lockDataDir(dir)).pid).toBe(holder.pid);
  });

  it('is taken over from a killed process', async () => {
    const killed = await idleProcess();
    const pid = killed.pid as number;
    lockNaming({ pid, boot: bootId(), start: processStart(pid) });
    killed.kill('SIGKILL');
    await exited(killed);
    const release = lockDataDir(dir);
    expect(parseLock(readFileSync(lockPath, 'utf8'))?.pid).toBe(process.pid);
    release();
  });

  it('is taken over when it names a pid written by an older version whose process is gone', async () => {
    const killed = await idleProcess();
    killed.kill('SIGKILL');
    await exited(killed);
    writeFileSync(lockPath, String(killed.pid));
    lockDataDir(dir)();
  });

  it.runIf(onLinux)('is taken over when its pid now belongs to a process that started at another time', () => {
    const pid = holder.pid as number;
    const start = String(Number(processStart(pid)) - 1);
    lockNaming({ pid, boot: bootId(), start });
    lockDataDir(dir)();
  });

  it.runIf(onLinux)('is taken over when it was taken before the machine last started', () => {
    const pid = holder.pid as number;
    lockNaming({ pid, boot: 'a-boot-before-this-one', start: processStart(pid) });
    lockDataDir(dir)();
  });

  it('is taken over when unreadable (not a lock Entente wrote)', () => {
    writeFileSync(lockPath, 'garbage');
    lockDataDir(dir)();
  });

  it('releases only its own lock, never one a later process took over', () => {
    const release = lockDataDir(dir);
    const pid = holder.pid as number;
    lockNaming({ pid, boot: bootId(), start: processStart(pid) });
    release();
    expect(parseLock(readFileSync(lockPath, 'utf8'))?.pid).toBe(pid);
  });

  it('is taken over past a take-over left half-done by a process killed in the middle of it', async () => {
    const killed = await idleProcess();
    lockNaming({ pid: killed.pid, boot: bootId(), start: processStart(killed.pid as number) });
    killed.kill('SIGKILL');
    await exited(killed);
    const guard = `${lockPath}.takeover`;
    writeFileSync(guard, String(killed.pid));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(guard, longAgo, longAgo);
    lockDataDir(dir)();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('goes to exactly one of several processes that find the same stale lock at once', async () => {
    const killed = await idleProcess();
    lockNaming({ pid: killed.pid, boot: bootId(), start: processStart(killed.pid as number) });
    killed.kill('SIGKILL');
    await exited(killed);
    // Each loads the lock's code, waits for the same moment, tries, says what happened, and keeps
    // running a while (still holding what it took) so that the others see a live holder.
    const moment = Date.now() + 4000;
    const code = `
      import { lockDataDir } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'lock.ts')).href)};
      while (Date.now() < ${moment});
      try { lockDataDir(${JSON.stringify(dir)}); console.log('took'); }
      catch (err) { console.log(String(err.message).includes('in use by another') ? 'refused' : 'error ' + err.message); }
      setTimeout(() => {}, 1500);`;
    const racers = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: process.cwd() }),
    );
    const said = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout?.on('data', (d) => {
              out += d;
            });
            child.stderr?.on('data', (d) => {
              out += d;
            });
            child.once('exit', () => resolve(out.trim()));
          }),
      ),
    );
    expect(
      said.filter((s) => s === 'took'),
      said.join(' | '),
    ).toHaveLength(1);
    expect(
      said.filter((s) => s === 'refused'),
      said.join(' | '),
    ).toHaveLength(5);
    expect(existsSync(lockPath)).toBe(true);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  }, 30_000);
});
