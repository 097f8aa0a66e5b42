import type { Db, Read, Tx } from '../db/client.js';
import type { Cache } from './cache.js';
import type { Clock } from './clock.js';

/** What every service is built with: the database (drizzle, and `read` for hot reads), the read cache, the clock. */
export interface ServiceDeps {
  db: Db;
  read: Read;
  cache: Cache;
  clock: Clock;
}

/**
 * Runs a write in one transaction and keeps the read cache true: every tag is announced to
 * other processes inside the transaction and dropped locally once it commits. Announced first:
 * the write ends by appending to the audit chain, whose lock is held until the commit
 * (lib/audit-chain.ts), and a round trip less under it is more writes a second (bench/load.ts).
 */
export async function write<T>(
  deps: Pick<ServiceDeps, 'db' | 'cache'>,
  tags: string[],
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await deps.db.transaction(async (tx) => {
      for (const tag of tags) await deps.cache.announce(tx, tag);
      return fn(tx);
    });
  } finally {
    // Also on failure: a rolled-back write must not leave a load that raced it in the cache.
    for (const tag of tags) deps.cache.invalidate(tag);
  }
}
