import { resolve } from 'node:path';
import type { Env } from '../env.js';
import { type Database, type OpenOptions, openDatabase } from './client.js';
import { lockDataDir } from './lock.js';
import { takeEarlyPglite } from './pglite-early.js';

/**
 * Opens the configured database for one process. On PGlite the data folder is locked first:
 * a second process on the same folder would silently lose its writes.
 */
export async function openConfiguredDatabase(
  env: Env,
  options: Pick<OpenOptions, 'deferReady' | 'worker'> = {},
): Promise<Database> {
  if (env.DATABASE_URL) return openDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  const dataDir = resolve(env.DATA_DIR);
  const early = options.worker ? takeEarlyPglite(dataDir) : undefined;
  const release = early?.release ?? lockDataDir(dataDir);
  try {
    const database = await openDatabase({ dataDir, ...options, remote: early?.remote });
    database.ready.catch(() => release());
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
