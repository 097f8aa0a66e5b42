import { AsyncLocalStorage } from 'node:async_hooks';
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
 * How many writes of a process may hold a database connection at once. Every write ends by
 * appending to the audit chain, whose lock lets one transaction at a time append and commit
 * (lib/audit-chain.ts): more writers than this would only wait on that lock, each holding a
 * connection of the pool the reads need. Under load (bench/load.ts) they took the whole pool and
 * reads queued behind them for seconds; now they queue here, holding nothing.
 */
export const WRITE_SLOTS = 2;

/** A counting semaphore: `run` waits for one of `size` places, first come first served. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

const slotsOf = new WeakMap<Db, Slots>();
/**
 * Set where a write takes no place: inside a write (one service calling another), and inside a
 * read cache's load, which requests share (a read that settles due procedures writes): a write
 * holding a place may be waiting for that very load.
 */
const unslotted = new AsyncLocalStorage<true>();

/** Runs `fn` so that the writes it makes take no place (the read cache's loads). */
export const withoutWriteSlot = <T>(fn: () => Promise<T>): Promise<T> => unslotted.run(true, fn);

/**
 * Runs a write in one transaction and keeps the read cache true: every tag is announced to
 * other processes inside the transaction (first, so that the audit chain's lock, taken at the
 * write's end, is held no longer than it must) and dropped locally once it commits.
 */
export async function write<T>(
  deps: Pick<ServiceDeps, 'db' | 'cache'>,
  tags: string[],
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const transaction = async () => {
    try {
      return await deps.db.transaction(async (tx) => {
        for (const tag of tags) await deps.cache.announce(tx, tag);
        return fn(tx);
      });
    } finally {
      // Also on failure: a rolled-back write must not leave a load that raced it in the cache.
      for (const tag of tags) deps.cache.invalidate(tag);
    }
  };
  if (unslotted.getStore()) return transaction();
  let slots = slotsOf.get(deps.db);
  if (!slots) {
    slots = new Slots(WRITE_SLOTS);
    slotsOf.set(deps.db, slots);
  }
  return slots.run(() => unslotted.run(true, transaction));
}
