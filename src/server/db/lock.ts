import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no lock between processes: a second process on the same folder silently loses
 * its writes. Whoever opens a data folder takes `entente.lock` first; the lock names its pid
 * so a lock left by a killed process is recognised and taken over.
 *
 * A pid alone is not enough: after a reboot, or a container's restart, the pid of the killed
 * server is soon another process's (in a container often a low number, the same every time),
 * and the folder would stay locked for good. Where Linux tells them (/proc), the lock also
 * records the machine's boot id and the process's start time: a lock from an earlier boot, or
 * whose pid now belongs to a process that started at another time, is stale too. Elsewhere
 * (macOS, Windows) the pid alone decides, as before.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Entente process (pid ${pid}). ` +
        'Stop the server first, or run this command against PostgreSQL (DATABASE_URL).',
    );
  }
}

/** What a lock records of the process that holds it. */
export interface LockHolder {
  pid: number;
  /** The kernel's boot id when the lock was taken; null where unknown (or a lock of an older version). */
  boot: string | null;
  /** The process's start time, in clock ticks after boot (/proc/<pid>/stat); null where unknown. */
  start: string | null;
}

export const LOCK_FILE = 'entente.lock';

/** The boot id, different at every boot of the machine (Linux); null elsewhere. */
export function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** When the process `pid` started, in clock ticks after boot (Linux); null when unknown or gone. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the name (field 2, in parentheses) may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** This process, as its lock records it. */
export const thisProcess = (): LockHolder => ({ pid: process.pid, boot: bootId(), start: processStart(process.pid) });

/** A lock's text: `{"pid":…,"boot":…,"start":…}`, or (older versions) the pid alone; null when unreadable. */
export function parseLock(text: string): LockHolder | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'number') return Number.isInteger(value) ? { pid: value, boot: null, start: null } : null;
    if (typeof value !== 'object' || value === null) return null;
    const { pid, boot, start } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid)) return null;
    return { pid, boot: typeof boot === 'string' ? boot : null, start: typeof start === 'string' ? start : null };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process the lock names still runs. This process's own pid is a lock left by an
 * earlier process that had it (a container's first process has the same pid at every start).
 */
export function isHeld(holder: LockHolder): boolean {
  if (holder.pid === process.pid || holder.pid <= 0 || !isAlive(holder.pid)) return false;
  const boot = bootId();
  if (holder.boot !== null && boot !== null && holder.boot !== boot) return false;
  const start = processStart(holder.pid);
  if (holder.start !== null && start !== null && holder.start !== start) return false;
  return true;
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};

/** Waits `ms` milliseconds, synchronously (the lock is taken before anything else runs). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the folder's lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify(thisProcess());
  // Written whole beside the lock, then linked into place: the lock appears with its contents
  // (linking fails if it exists), so that nobody reads a lock half-written and thinks it stale.
  const draft = `${path}.${process.pid}.new`;
  writeFileSync(draft, mine);
  try {
    // Another process's take-over lasts microseconds; waiting for one is a few rounds at most.
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        linkSync(draft, path);
        return () => {
          // Only our own lock: never one a later process took over.
          if (read(path) === mine) rmSync(path, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const text = read(path);
      if (text === null) continue; // Released meanwhile.
      const holder = parseLock(text);
      if (holder && isHeld(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      if (!removeStale(path, text)) pause(20);
    }
  } finally {
    rmSync(draft, { force: true });
  }
  throw new Error(`Could not take the lock on ${dataDir}: another process is taking it over. Try again shortly.`);
}

/** How long a take-over guard may stand before it counts as left by a process killed mid-way. */
const GUARD_MS = 10_000;

/**
 * Removes the stale lock whose text is `stale`, unless another process is removing it (false).
 * Two processes starting at once may both find the lock stale; if both removed "the lock", the
 * slower one could remove the lock the faster one had just taken, and both would hold the
 * folder. So removals take turns under a guard file (created exclusively), and the remover
 * looks again under it: only the very stale lock is removed, never a fresh one. Whoever then
 * links their lock first holds the folder; the others find it held.
 */
function removeStale(path: string, stale: string): boolean {
  const guard = `${path}.takeover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_MS) rmSync(guard, { force: true });
    } catch {
      // Gone meanwhile.
    }
    return false;
  }
  try {
    if (read(path) === stale) rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}
