/**
 * What the audit chain costs a write (issue 12): the same write, measured in one process on each
 * engine, with its audit event appended to the chain as the app does it (`recordAudits`: the
 * append lock, the head's hash, the sequence numbers, SHA-256, the insert) and with a plain insert
 * of the same event instead (no lock, no hash: the trail as it was before the chain). Nothing in
 * the app can write a plain event; the plain insert lives here only.
 *
 * The write: one transaction that changes a source's title (version + 1, as a PATCH does) and
 * records one `source.updated` event with the source before and after. Writers run concurrently,
 * each on its own source, so that no two contend for a row: on PostgreSQL only the chain's lock
 * can make them wait. PGlite has one connection, so it runs one writer.
 *
 * `npx tsx bench/audit-chain.ts` (≈ 1 minute); BENCH_SECONDS per cell (default 5, after a 1 s
 * warm-up), BENCH_AUDIT_WRITERS (PostgreSQL's concurrent writers, default "1,10": 10 is the app's
 * default pool), BENCH_ENGINES, BENCH_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { auditEvents } from '../src/server/db/schema/audit.js';
import { sources } from '../src/server/db/schema/sources.js';
import { recordAudits } from '../src/server/lib/audit.js';
import { verifyAuditChain } from '../src/server/lib/audit-chain.js';
import { systemAuth } from '../src/server/lib/auth-context.js';
import {
  type Column,
  checkQuiet,
  createPgDatabase,
  fmtMs,
  fmtRps,
  intSetting,
  machine,
  percentile,
  printTable,
  runScript,
} from './lib.js';

const SECONDS = intSetting('BENCH_SECONDS', 5, 1, 120);
const WRITERS = (process.env.BENCH_AUDIT_WRITERS || '1,10').split(',').map((w) => {
  const n = Number(w.trim());
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`BENCH_AUDIT_WRITERS: "${w}" is not 1 to 100`);
  return n;
});
const ENGINES = new Set((process.env.BENCH_ENGINES || 'pglite,postgresql').split(',').map((e) => e.trim()));

type Append = 'chain' | 'plain';

interface Cell {
  engine: string;
  writers: number;
  append: Append;
  writes: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const auth = systemAuth('bench-audit-chain');

/** One write: the change and its audit event, in one transaction. */
async function oneWrite(database: Database, id: string, append: Append): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(sources).where(eq(sources.id, id)).for('update');
    const [after] = await tx
      .update(sources)
      .set({ title: `Audit ${before.version + 1}`, version: before.version + 1, updatedAt: sql`now()` })
      .where(eq(sources.id, id))
      .returning();
    const entry = { action: 'source.updated', entityType: 'source', entityId: id, before, after };
    if (append === 'chain') {
      await recordAudits(tx, auth, [entry]);
    } else {
      // The same event without the chain: no lock, no head, no hash.
      await tx.insert(auditEvents).values({
        id: randomUUID(),
        actorId: null,
        actorEmail: null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before,
        after: entry.after,
        requestId: auth.requestId,
      });
    }
  });
}

/** `writers` loops, each on its own source, for `seconds`; the latency of every write. */
async function run(database: Database, ids: string[], append: Append, seconds: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    ids.map(async (id) => {
      while (performance.now() < until) {
        const from = performance.now();
        await oneWrite(database, id, append);
        latencies.push(performance.now() - from);
      }
    }),
  );
  return latencies;
}

async function measureEngine(engine: string, database: Database, writersList: number[]): Promise<Cell[]> {
  await database.migrate();
  const cells: Cell[] = [];
  const max = Math.max(...writersList);
  const ids: string[] = [];
  for (let i = 0; i < max; i++) {
    const [row] = await database.db
      .insert(sources)
      .values({ kind: 'press', title: `Audit ${i}`, publisher: 'Bench', visibility: 'public' })
      .returning({ id: sources.id });
    ids.push(row.id);
  }
  for (const writers of writersList) {
    // Alternated, chain first, plain, chain, plain: a drift in the machine's speed hits both.
    for (const append of ['chain', 'plain', 'chain', 'plain'] as const) {
      await run(database, ids.slice(0, writers), append, 1);
      const latencies = await run(database, ids.slice(0, writers), append, SECONDS / 2);
      const sorted = Float64Array.from(latencies).sort();
      const known = cells.find((c) => c.engine === engine && c.writers === writers && c.append === append);
      const cell: Cell = {
        engine,
        writers,
        append,
        writes: latencies.length,
        perSecond: latencies.length / (SECONDS / 2),
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
      };
      if (!known) cells.push(cell);
      else {
        // Two halves of SECONDS each: their sum, and the slower half's percentiles.
        known.writes += cell.writes;
        known.perSecond = known.writes / SECONDS;
        known.p50 = Math.max(known.p50, cell.p50);
        known.p99 = Math.max(known.p99, cell.p99);
      }
      console.log(
        `  ${engine}, ${writers} writer(s), ${append}: ${fmtRps(cell.perSecond)} writes/s, p50 ${fmtMs(cell.p50)} ms, p99 ${fmtMs(cell.p99)} ms`,
      );
    }
  }
  // The plain events break the chain (they have no hash): the chained ones before them are intact.
  const verdict = await verifyAuditChain(database.db);
  if (!verdict.intact && verdict.problem !== 'unchained')
    throw new Error(`the chain broke: ${JSON.stringify(verdict)}`);
  return cells;
}

const COLUMNS: Column[] = [
  { head: 'engine' },
  { head: 'writers', right: true },
  { head: 'chain writes/s', right: true },
  { head: 'p50 ms', right: true },
  { head: 'p99 ms', right: true },
  { head: 'plain insert writes/s', right: true },
  { head: 'p50 ms', right: true },
  { head: 'p99 ms', right: true },
  { head: 'chain ÷ plain', right: true },
];

async function main(): Promise<void> {
  console.log(`Entente audit chain benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(`${SECONDS} s per cell (two halves, alternated), after 1 s of warm-up each`);
  checkQuiet('before the run');
  const cells: Cell[] = [];
  if (ENGINES.has('pglite')) {
    console.log('\nPGlite (in memory)');
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      cells.push(...(await measureEngine('PGlite', database, [1])));
    } finally {
      await database.close();
    }
  }
  if (ENGINES.has('postgresql')) {
    const created = await createPgDatabase();
    if (typeof created === 'string') {
      console.log(`\nPostgreSQL skipped: cannot connect to BENCH_DATABASE_URL (${created})`);
    } else {
      console.log(`\nPostgreSQL ${created.version}`);
      const database = await openDatabase({ url: created.url, poolSize: Math.max(...WRITERS) });
      try {
        cells.push(...(await measureEngine(`PostgreSQL ${created.version}`, database, WRITERS)));
      } finally {
        await database.close();
        await created.drop();
      }
    }
  }
  checkQuiet('after the run');

  const body: string[][] = [];
  for (const chain of cells.filter((c) => c.append === 'chain')) {
    const plain = cells.find((c) => c.append === 'plain' && c.engine === chain.engine && c.writers === chain.writers);
    if (!plain) continue;
    body.push([
      chain.engine,
      String(chain.writers),
      fmtRps(chain.perSecond),
      fmtMs(chain.p50),
      fmtMs(chain.p99),
      fmtRps(plain.perSecond),
      fmtMs(plain.p50),
      fmtMs(plain.p99),
      `${Math.round((chain.perSecond / plain.perSecond) * 100)} %`,
    ]);
  }
  console.log();
  printTable(COLUMNS, body);
  console.log(
    `\nOne write = one transaction: lock a source, change its title, record one audit event. "chain": as ` +
      'the app records it (recordAudits); "plain insert": the same event inserted with no lock and no hash. ' +
      'p50/p99: the slower of the two halves.',
  );
}

await runScript(main);
