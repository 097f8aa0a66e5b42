import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../test/harness.js';
import { Cache } from './cache.js';
import { WRITE_SLOTS, write } from './transaction.js';

/**
 * The writes of a process take at most WRITE_SLOTS database connections at once (the rest of the
 * pool stays for reads), without ever waiting on themselves: a write inside a write, and a write
 * inside a read cache's load that writes holding a place are waiting for, go straight through.
 */
describe.each(engines)('write() on %s', (engine) => {
  let testDb: TestDatabase;
  let cache: Cache;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    cache = new Cache({ crossProcess: false });
  });
  afterAll(() => testDb?.drop());

  const deps = () => ({ db: testDb.database.db, cache });
  const pause = (tx: Parameters<Parameters<typeof write>[2]>[0]) => tx.execute(sql`select pg_sleep(0.05)`);

  it(`holds at most ${WRITE_SLOTS} transactions at once, and runs every write`, async () => {
    let open = 0;
    let most = 0;
    const done = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        write(deps(), ['t'], async (tx) => {
          open += 1;
          most = Math.max(most, open);
          await pause(tx);
          open -= 1;
          return i;
        }),
      ),
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThanOrEqual(WRITE_SLOTS);
  });

  // On PGlite, one connection: a transaction waits for the one open, so neither case can arise.
  if (engine !== 'postgresql') return;

  it('lets a write inside a write through, with every place taken', async () => {
    const nested = Array.from({ length: WRITE_SLOTS }, () =>
      write(deps(), ['t'], async (tx) => {
        await pause(tx);
        return write(deps(), ['t'], async () => 'inner');
      }),
    );
    expect(await Promise.all(nested)).toEqual(nested.map(() => 'inner'));
  });

  it.runIf(engine === 'postgresql')(
    'lets a load that writes through while the writes holding every place wait for it',
    async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      // A read misses and starts a load; its write (a deadline settled) comes once every place is taken.
      const load = cache.get('shared', 'key', async () => {
        await gate;
        return write(deps(), ['t'], async () => 'loaded');
      });
      const writers = Array.from({ length: WRITE_SLOTS }, () =>
        write(deps(), ['t'], async () => cache.get('shared', 'key', async () => 'not shared')),
      );
      release();
      expect(await Promise.all([load, ...writers])).toEqual(['loaded', ...writers.map(() => 'loaded')]);
    },
  );
});
