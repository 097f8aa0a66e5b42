/**
 * `npx tsx bench/import.ts`: importing 1 million report values from CSV through the import
 * service (both passes: every row checked, then all written in one transaction), timed against
 * PostgreSQL's own COPY of the same file into a table of the file's shape, in the same run, on a
 * fresh PostgreSQL database (BENCH_DATABASE_URL's server) dropped at the end. Also: the peak RSS
 * of this process during the import and during an export of the same values (memory flat), and
 * the all-or-nothing check (the same file with a bad last row writes nothing).
 *
 * BENCH_IMPORT_ROWS sets the size (default 1,000,000: 50 members × 200 indicators × 100 months).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { systemAuth } from '../src/server/lib/auth-context.js';
import { Cache } from '../src/server/lib/cache.js';
import { systemClock } from '../src/server/lib/clock.js';
import { AppError } from '../src/server/lib/errors.js';
import { createImportsService } from '../src/server/modules/imports/imports.service.js';
import { VALUE_COLUMNS } from '../src/shared/imports.js';
import { addCleanup, createPgDatabase, intSetting, machine, runScript } from './lib.js';

const ROWS = intSetting('BENCH_IMPORT_ROWS', 1_000_000, 1000, 10_000_000);
const MEMBERS = 50;
const INDICATORS = 200;
const PERIODS = Math.ceil(ROWS / (MEMBERS * INDICATORS));

/** Peak RSS of this process while `fn` runs, sampled every 50 ms. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMiB: number; baseMiB: number }> {
  const baseMiB = process.memoryUsage.rss() / 2 ** 20;
  let peak = baseMiB;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20);
  }, 50);
  try {
    const result = await fn();
    return { result, peakMiB: Math.max(peak, process.memoryUsage.rss() / 2 ** 20), baseMiB };
  } finally {
    clearInterval(timer);
  }
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function writeCsv(path: string, members: string[], indicators: string[], periods: string[], badLast: boolean) {
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`${VALUE_COLUMNS.join(',')}\n`);
  let n = 0;
  for (const period of periods)
    for (const member of members)
      for (const indicator of indicators) {
        if (n >= ROWS) break;
        n += 1;
        const value = n === ROWS && badLast ? 'twelve' : String((n % 9973) + 0.5);
        await write(`${period},${member},${indicator},,${value},,approved\n`);
      }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

await runScript(async () => {
  console.log(`Import benchmark: ${ROWS.toLocaleString('en-US')} values. ${machine()}`);
  const pgdb = await createPgDatabase();
  if (typeof pgdb === 'string') throw new Error(`PostgreSQL: ${pgdb}`);
  const database = await openDatabase({ url: pgdb.url });
  addCleanup(() => database.close());
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-import-'));
  addCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  await database.migrate();
  await seedDemo(database.db);
  const { db } = database;

  const members = (
    (await db.execute(sql`select code from members order by code limit ${MEMBERS}`)) as unknown as {
      rows: { code: string }[];
    }
  ).rows.map((r) => r.code);
  const [line] = (
    (await db.execute(sql`select id from lines_of_effort order by number limit 1`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  const indicators = Array.from({ length: INDICATORS }, (_, i) => `bench.${i}`);
  await db.execute(sql`
    insert into indicators (key, names, unit, line_of_effort_id, member_aggregation, time_aggregation, period_type, visibility)
    select 'bench.' || i, '{"en":"Bench"}'::jsonb, 'count', ${line.id}, 'sum', 'flow', 'month', 'public'
      from generate_series(0, ${INDICATORS - 1}) i`);
  const periods = Array.from(
    { length: PERIODS },
    (_, i) => `${2100 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  );
  for (const period of periods) {
    const [y, m] = period.split('-').map(Number);
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    await db.execute(sql`insert into reporting_periods (period, type, starts_on, ends_on, closes_on)
      values (${period}, 'month', ${`${period}-01`}, ${end}, ${end})`);
  }

  const good = join(dir, 'values.csv');
  const bad = join(dir, 'values-bad.csv');
  await writeCsv(good, members, indicators, periods, false);
  await writeCsv(bad, members, indicators, periods, true);
  console.log(
    `  file: ${(statSync(good).size / 2 ** 20).toFixed(1)} MiB, ${members.length} members × ${INDICATORS} indicators × ${PERIODS} months`,
  );

  // PostgreSQL's own COPY of the same file, into a table of the file's shape.
  const client = new pg.Client({ connectionString: pgdb.url });
  await client.connect();
  await client.query(
    'create table copy_values (period text, member text, indicator text, category text, value numeric, note text, status text)',
  );
  let start = process.hrtime.bigint();
  await pipeline(
    createReadStream(good),
    client.query(copyFrom('copy copy_values from stdin (format csv, header true)')),
  );
  const copySeconds = seconds(start);
  await client.query('drop table copy_values');
  await client.end();
  console.log(`  COPY of the file: ${copySeconds.toFixed(2)} s`);

  const cache = new Cache({ crossProcess: false });
  const service = createImportsService({ db, read: database.read, cache, clock: systemClock });
  const auth = systemAuth('bench import');

  start = process.hrtime.bigint();
  const imported = await peakRss(() =>
    service.importFile(auth, { kind: 'values', format: 'csv', fileName: 'values.csv', file: createReadStream(good) }),
  );
  const importSeconds = seconds(start);
  console.log(
    `  import: ${importSeconds.toFixed(2)} s (${imported.result.rowsCreated?.toLocaleString('en-US')} created), ${(importSeconds / copySeconds).toFixed(2)}× COPY; RSS ${imported.baseMiB.toFixed(0)} → peak ${imported.peakMiB.toFixed(0)} MiB`,
  );

  // The same rows as the table keeps them (ids resolved), COPYed into a copy of report_values
  // with its indexes, checks and foreign keys: what writing the table itself costs.
  const resolved = join(dir, 'resolved.tsv');
  const cols = 'report_id, indicator_id, period, member_id, category, value, note, status, approved_value, approved_at';
  const copier = new pg.Client({ connectionString: pgdb.url });
  await copier.connect();
  await pipeline(
    copier.query(copyTo(`copy (select ${cols} from report_values) to stdout`)),
    createWriteStream(resolved),
  );
  await copier.query(`create table copy_report_values (like report_values including all);
    alter table copy_report_values add foreign key (report_id) references reports (id),
      add foreign key (indicator_id) references indicators (id), add foreign key (member_id) references members (id)`);
  start = process.hrtime.bigint();
  await pipeline(createReadStream(resolved), copier.query(copyFrom(`copy copy_report_values (${cols}) from stdin`)));
  const tableCopySeconds = seconds(start);
  await copier.query('drop table copy_report_values');
  await copier.end();
  console.log(
    `  COPY of the resolved rows into a copy of report_values (indexes, checks, foreign keys): ${tableCopySeconds.toFixed(2)} s; the import is ${(importSeconds / tableCopySeconds).toFixed(2)}× that`,
  );

  const count = async () =>
    (
      (await db.execute(
        sql`select count(*)::int as n, count(distinct import_id)::int as imports, max(updated_at)::text as last from report_values`,
      )) as unknown as { rows: { n: number; imports: number; last: string }[] }
    ).rows[0];
  const before = await count();
  start = process.hrtime.bigint();
  let refused = false;
  try {
    await service.importFile(auth, {
      kind: 'values',
      format: 'csv',
      fileName: 'values-bad.csv',
      file: createReadStream(bad),
    });
  } catch (error) {
    refused = error instanceof AppError && error.code === 'validation_failed';
  }
  const after = await count();
  const allOrNothing = refused && JSON.stringify(before) === JSON.stringify(after);
  console.log(
    `  bad last row: ${refused ? 'refused' : 'NOT refused'} in ${seconds(start).toFixed(2)} s; values ${JSON.stringify(before) === JSON.stringify(after) ? 'unchanged' : 'CHANGED'} (${after.n.toLocaleString('en-US')})`,
  );

  start = process.hrtime.bigint();
  let bytes = 0;
  const exported = await peakRss(async () => {
    const { body } = service.exportFile(auth, 'values', 'csv', {});
    await pipeline(
      body,
      new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
  });
  const exportSeconds = seconds(start);
  console.log(
    `  export: ${exportSeconds.toFixed(2)} s, ${(bytes / 2 ** 20).toFixed(1)} MiB; RSS ${exported.baseMiB.toFixed(0)} → peak ${exported.peakMiB.toFixed(0)} MiB`,
  );
  if (!allOrNothing) throw new Error('the import with a bad last row was not all-or-nothing');
});
