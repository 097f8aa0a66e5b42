import { resolve } from 'node:path';
import { lockDataDir } from './lock.js';
import { openPgliteWorker, type RemotePglite } from './pglite-remote.js';

/** The data folder when DATA_DIR is not set (env.ts validates the setting; this is its default). */
export const DEFAULT_DATA_DIR = './data';

interface Early {
  dataDir: string;
  remote: RemotePglite;
  release: () => void;
}
let early: Early | undefined;

/**
 * Called by start.ts before the server's code loads: on PGlite, takes the data folder's lock and
 * starts PGlite's worker at once, so that its database opens while Node loads and builds the app
 * (about a third of a start, bench/RESULTS.md). Reads the two settings it needs from the
 * environment as it is; main.ts validates them, and a start that fails to lock or is not on
 * PGlite leaves everything to main.ts, which reports it.
 */
export function openPgliteEarly(environment: NodeJS.ProcessEnv): void {
  if (environment.DATABASE_URL) return;
  const dataDir = resolve(environment.DATA_DIR || DEFAULT_DATA_DIR);
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch {
    return;
  }
  early = { dataDir, remote: openPgliteWorker({ dataDir }), release };
}

/** The worker started early for this folder, with its lock's release, once; else undefined. */
export function takeEarlyPglite(dataDir: string): Omit<Early, 'dataDir'> | undefined {
  if (early?.dataDir !== dataDir) return undefined;
  const taken = early;
  early = undefined;
  return taken;
}
