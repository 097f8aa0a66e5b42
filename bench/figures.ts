/**
 * Dashboards over 10 million approved values: how fast series and breakdowns answer, uncached,
 * against a plain `SELECT period, sum(approved_value) … GROUP BY period` over the raw table for
 * the same indicator in the same run; and that an approval shows in the very next read.
 * PostgreSQL only (BENCH_DATABASE_URL's server, as every bench: a database of its own, dropped at
 * the end). Not part of `npm test` nor of `npm run bench`: generating the rows takes minutes.
 * Run: `npx tsx bench/figures.ts`.
 *
 * The data: BENCH_FIGURES_MEMBERS (200) members × BENCH_FIGURES_INDICATORS (500) monthly
 * indicators × BENCH_FIGURES_PERIODS (100) periods, every value approved. One indicator in ten
 * is broken down into 4 categories, reported by a quarter of the members (so each indicator has
 * the same number of rows, and the total stays members × indicators × periods). Rows are written
 * report by report (period, then member), as members' reports arrive, so one indicator's values
 * are spread over the whole table, not packed together. The rollups are then built with
 * `refreshIndicators`, as an import does.
 *
 * Measured through the figures service with the read cache off (every read pays the database):
 * the series of the coalition (rollups), a member's series, breakdowns by member and by
 * category, over the whole range, for random indicators.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import type { Auth } from '../src/server/lib/auth-context.js';
import { Cache } from '../src/server/lib/cache.js';
import { systemClock } from '../src/server/lib/clock.js';
import { createFiguresService } from '../src/server/modules/progress/figures.service.js';
import { refreshIndicators, refreshRollups } from '../src/server/modules/progress/rollups.js';
import {
  type Column,
  checkQuiet,
  createPgDatabase,
  fmtMs,
  intSetting,
  machine,
  percentile,
  printTable,
  runScript,
} from './lib.js';

const MEMBERS = intSetting('BENCH_FIGURES_MEMBERS', 200, 8, 10_000);
const INDICATORS = intSetting('BENCH_FIGURES_INDICATORS', 500, 10, 10_000);
const PERIODS = intSetting('BENCH_FIGURES_PERIODS', 100, 2, 1200);
const SAMPLES = intSetting('BENCH_FIGURES_SAMPLES', 300, 10, 100_000);
/** One indicator in this many has categories. */
const CATEGORY_EVERY = 10;
const CATEGORIES = ['oil_sales', 'extortion', 'ransom', 'antiquities'];
const auth: Auth = { user: null, requestId: 'bench', ip: '127.0.0.1' };

/** The rows of a query (drizzle types `execute` loosely). */
const rowsOf = async <T>(result: Promise<unknown>): Promise<T[]> => ((await result) as { rows: T[] }).rows;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Writes members, a line of effort, the indicators, the periods, the reports and every approved value. */
async function generate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = (text: string) => client.query(text);
    await q(`insert into members (code, kind, name_en, name_fr, name_ar)
      select 'B' || lpad(g::text, 5, '0'), 'organization', 'Bench member ' || g, 'Membre ' || g, 'عضو ' || g
        from generate_series(1, ${MEMBERS}) g`);
    await q(`insert into lines_of_effort (key, number, names) values ('LOE-bench', 1, '{"en": "Bench"}')`);
    const categories = JSON.stringify(CATEGORIES.map((key) => ({ key, names: { en: key } })));
    await q(`insert into indicators (key, names, unit, line_of_effort_id, member_aggregation, time_aggregation,
                                     period_type, categories, visibility)
      select 'bench_' || g, jsonb_build_object('en', 'Bench indicator ' || g), 'units',
             (select id from lines_of_effort where key = 'LOE-bench'),
             (array['sum', 'max', 'mean'])[1 + g % 3], case when g % 2 = 0 then 'flow' else 'stock' end, 'month',
             case when g % ${CATEGORY_EVERY} = 0 then '${categories}'::jsonb else '[]'::jsonb end, 'public'
        from generate_series(1, ${INDICATORS}) g`);
    await q(`insert into indicator_targets (indicator_id, period, value)
      select i.id, to_char(date '2015-01-01' + make_interval(months => g), 'YYYY-MM'), 1000
        from indicators i, generate_series(0, ${PERIODS - 1}, 12) g`);
    await q(`insert into reporting_periods (period, type, starts_on, ends_on, closes_on)
      select to_char(d, 'YYYY-MM'), 'month', d, (d + interval '1 month - 1 day')::date, (d + interval '1 month - 1 day')::date
        from (select (date '2015-01-01' + make_interval(months => g))::date d from generate_series(0, ${PERIODS - 1}) g) p`);
    await q(`insert into reports (period, member_id, status)
      select p.period, m.id, 'approved' from reporting_periods p cross join members m`);
    await q(`create temp table member_rank as select id, row_number() over (order by code) as n from members`);
    await q(`create temp table bench_indicators as
      select id, jsonb_array_length(categories) > 0 as split from indicators`);

    // Loading 10M rows into a table with five indexes and three foreign keys is what makes
    // generation slow, not what is measured: the indexes are built after, the checks skipped.
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where tablename = 'report_values' and indexname <> 'report_values_pkey'`,
    );
    for (const index of indexes) await q(`drop index ${index.name}`);
    await q('alter table report_values drop constraint report_values_pkey');
    await q(`set session_replication_role = replica`);
    const started = performance.now();
    const splitMembers = Math.max(1, Math.floor(MEMBERS / CATEGORIES.length));
    for (let p = 0; p < PERIODS; p++) {
      await q(`insert into report_values (report_id, indicator_id, period, member_id, category, value, status,
                                          approved_value, approved_at)
        select r.id, i.id, r.period, r.member_id, c.category, x.v, 'approved', x.v, now()
          from reports r
          join member_rank mr on mr.id = r.member_id
          cross join bench_indicators i
          cross join lateral unnest(case when i.split then array[${CATEGORIES.map((c) => `'${c}'`).join(', ')}]
                                         else array[''] end) as c(category)
          cross join lateral (select round((random() * 1000)::numeric, 2) as v) x
         where r.period = to_char(date '2015-01-01' + make_interval(months => ${p}), 'YYYY-MM')
           and (not i.split or mr.n <= ${splitMembers})
         order by r.member_id`);
      if ((p + 1) % 10 === 0) console.log(`  values of ${p + 1}/${PERIODS} periods written (${seconds(started)})`);
    }
    await q(`set session_replication_role = origin`);
    const indexing = performance.now();
    await q('alter table report_values add primary key (id)');
    for (const index of indexes) await q(index.def);
    console.log(`  indexes built in ${seconds(indexing)}`);
  } finally {
    await client.end();
  }
}

interface Row {
  read: string;
  p50: number;
  p95: number;
  max: number;
  ratio: string;
}

async function main(): Promise<void> {
  const pgDb = await createPgDatabase();
  if (typeof pgDb === 'string') {
    console.log(`PostgreSQL unavailable (${pgDb}): nothing to measure.`);
    return;
  }
  console.log(`Dashboards over ${MEMBERS} members × ${INDICATORS} indicators × ${PERIODS} periods`);
  console.log(machine());
  console.log(`PostgreSQL ${pgDb.version}`);
  const database = await openDatabase({ url: pgDb.url, poolSize: 4 });
  try {
    await database.migrate();
    let started = performance.now();
    await generate(pgDb.url);
    const [{ count }] = await rowsOf<{ count: number }>(
      database.db.execute(sql`select count(*)::int as count from report_values`),
    );
    console.log(`${count.toLocaleString('en-US')} approved values generated in ${seconds(started)}`);

    started = performance.now();
    const ids = await rowsOf<{ id: string; key: string; split: boolean; stock: boolean }>(
      database.db.execute(
        sql`select id, key, jsonb_array_length(categories) > 0 as split, time_aggregation = 'stock' as stock from indicators`,
      ),
    );
    await database.db.transaction((tx) =>
      refreshIndicators(
        tx,
        ids.map((i) => i.id),
      ),
    );
    await database.db.execute(sql`vacuum analyze`);
    console.log(`rollups of every indicator built with refreshIndicators in ${seconds(started)}`);
    checkQuiet('before measuring');

    const cache = new Cache({ crossProcess: false, disabled: true });
    const service = createFiguresService({ db: database.db, read: database.read, cache, clock: systemClock });
    const members = await rowsOf<{ code: string }>(database.db.execute(sql`select code from members`));
    const split = ids.filter((i) => i.split);
    const flows = ids.filter((i) => !i.stock);
    const stocks = ids.filter((i) => i.stock);
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    const raw = async (id: string) =>
      database.db.execute(
        sql`select period, sum(approved_value) from report_values
             where indicator_id = ${id} and approved_value is not null group by period order by period`,
      );

    const reads: [string, (i: { id: string; key: string }) => Promise<unknown>, typeof ids][] = [
      ['plain SELECT … GROUP BY period (raw table)', (i) => raw(i.id), ids],
      ['series, all members', (i) => service.series(auth, i.key, {}), ids],
      ['series, one member', (i) => service.series(auth, i.key, { member: pick(members).code }), ids],
      ['series, one category', (i) => service.series(auth, i.key, { category: pick(CATEGORIES) }), split],
      ['breakdown by member, flows', (i) => service.breakdown(auth, i.key, { by: 'member' }), flows],
      ['breakdown by member, stocks', (i) => service.breakdown(auth, i.key, { by: 'member' }), stocks],
      ['breakdown by category', (i) => service.breakdown(auth, i.key, { by: 'category' }), split],
      [
        'values behind a figure (one period)',
        (i) => service.values(auth, i.key, { period: '2016-06', limit: 200 }),
        ids,
      ],
    ];
    const rows: Row[] = [];
    let baseline = Number.NaN;
    for (const [name, run, pool] of reads) {
      for (let w = 0; w < 20; w++) await run(pick(pool));
      const times: number[] = [];
      for (let s = 0; s < SAMPLES; s++) {
        const indicator = pick(pool);
        const t = performance.now();
        await run(indicator);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      if (Number.isNaN(baseline)) baseline = p50;
      rows.push({
        read: name,
        p50,
        p95: percentile(times, 95),
        max: times[times.length - 1],
        ratio: `${(p50 / baseline).toPrecision(2)}×`,
      });
    }

    // Freshness: approve one value as the approving path does (the value and the rollups in one
    // transaction), then read the series at once.
    const target = pick(ids.filter((i) => !i.split));
    const before = await service.series(auth, target.key, {});
    const committed = performance.now();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update report_values set approved_value = approved_value + 1000, approved_at = now()
                            where indicator_id = ${target.id} and period = '2015-01'
                              and member_id = (select id from members where code = 'B00001')`);
      await refreshRollups(tx, [{ indicatorId: target.id, period: '2015-01' }]);
    });
    const approvedMs = performance.now() - committed;
    const readAt = performance.now();
    const after = await service.series(auth, target.key, {});
    const readMs = performance.now() - readAt;
    const point = (s: typeof before) => s.points.find((p) => p.period === '2015-01');
    const fresh = point(before) && point(after) && (point(after)?.value ?? 0) !== point(before)?.value;

    console.log(`\nUncached reads over the whole range, ${SAMPLES} random indicators each (ms):\n`);
    const columns: Column[] = [
      { head: 'read' },
      { head: 'p50', right: true },
      { head: 'p95', right: true },
      { head: 'max', right: true },
      { head: 'p50 / plain SELECT', right: true },
    ];
    const body = rows.map((r) => [r.read, fmtMs(r.p50), fmtMs(r.p95), fmtMs(r.max), r.ratio]);
    printTable(columns, body);
    console.log(
      `\nFreshness: approving one value (update + refreshRollups, one transaction) took ${fmtMs(approvedMs)} ms; ` +
        `the next series read (${fmtMs(readMs)} ms) ${fresh ? 'showed it' : 'DID NOT show it'} ` +
        `(2015-01: ${point(before)?.value} → ${point(after)?.value}).`,
    );
    const worst = Math.max(...rows.slice(1).map((r) => r.p95));
    console.log(`Target p95 ≤ 50 ms: ${worst <= 50 ? 'met' : 'NOT met'} (worst p95 ${fmtMs(worst)} ms).`);
  } finally {
    await database.close();
    await pgDb.drop();
  }
}

await runScript(main);
