/**
 * The open data's largest download: the indicator-values CSV over 1 million approved values, on
 * PostgreSQL. Rows a second, and the process's peak resident memory while it streams against its
 * memory at rest, beside a bare `COPY (the same rows, in the same order) TO STDOUT` read in the same
 * process (pg-copy-streams). A download that held its rows would grow with them; one that streams
 * stays near its rest. Not part of `npm test` nor of `npm run bench` (generating the rows takes a
 * minute). Run: `npx tsx bench/open-data.ts`.
 *
 * The data: BENCH_OPEN_MEMBERS (200) members × BENCH_OPEN_INDICATORS (50) public monthly
 * indicators × BENCH_OPEN_PERIODS (100) periods, every value approved.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import {
  type Column,
  checkQuiet,
  createPgDatabase,
  intSetting,
  machine,
  printMarkdown,
  printText,
  runScript,
} from './lib.js';

const MEMBERS = intSetting('BENCH_OPEN_MEMBERS', 200, 2, 10_000);
const INDICATORS = intSetting('BENCH_OPEN_INDICATORS', 50, 1, 10_000);
const PERIODS = intSetting('BENCH_OPEN_PERIODS', 100, 1, 1200);
const MB = 1024 * 1024;

async function generate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = (text: string) => client.query(text);
    await q(`insert into members (code, kind, name_en, name_fr, name_ar)
      select 'B' || lpad(g::text, 5, '0'), 'organization', 'Bench member ' || g, 'Membre ' || g, 'عضو ' || g
        from generate_series(1, ${MEMBERS}) g`);
    await q(`insert into lines_of_effort (key, number, names) values ('LOE-bench', 1, '{"en": "Bench"}')`);
    await q(`insert into indicators (key, names, unit, line_of_effort_id, member_aggregation, time_aggregation, period_type, visibility)
      select 'bench_' || lpad(g::text, 4, '0'), jsonb_build_object('en', 'Bench indicator ' || g), 'units',
             (select id from lines_of_effort where key = 'LOE-bench'), 'sum', 'flow', 'month', 'public'
        from generate_series(1, ${INDICATORS}) g`);
    await q(`insert into reporting_periods (period, type, starts_on, ends_on, closes_on)
      select to_char(d, 'YYYY-MM'), 'month', d, (d + interval '1 month - 1 day')::date, (d + interval '1 month - 1 day')::date
        from (select (date '2015-01-01' + make_interval(months => g))::date d from generate_series(0, ${PERIODS - 1}) g) p`);
    await q(`insert into reports (period, member_id, status)
      select p.period, m.id, 'approved' from reporting_periods p cross join members m`);
    await q(`insert into report_values (report_id, indicator_id, period, member_id, value, status, approved_value, approved_at, note)
      select r.id, i.id, r.period, r.member_id, x.v, 'approved', x.v, now(), case when random() < 0.1 then 'Revised, "see note"' end
        from reports r cross join indicators i
        cross join lateral (select round((random() * 1000)::numeric, 2) as v) x`);
    await q('analyze');
  } finally {
    await client.end();
  }
}

/** Samples the process's resident memory every 20 ms while `run` runs; the peak, in bytes. */
async function peakRss<T>(run: () => Promise<T>): Promise<{ result: T; peak: number; ms: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peak, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

/** Counts the lines of a stream of bytes without keeping it. */
async function countLines(stream: AsyncIterable<Uint8Array>): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines += 1;
  }
  return { lines, bytes };
}

async function main(): Promise<void> {
  const pgDb = await createPgDatabase();
  if (typeof pgDb === 'string') {
    console.log(`PostgreSQL unavailable (${pgDb}): nothing to measure.`);
    return;
  }
  const total = MEMBERS * INDICATORS * PERIODS;
  console.log(`Open data: indicator-values.csv over ${total.toLocaleString('en-US')} approved values`);
  console.log(machine());
  const database = await openDatabase({ url: pgDb.url, poolSize: 4 });
  await database.migrate();
  const generating = performance.now();
  await generate(pgDb.url);
  console.log(`  rows written in ${((performance.now() - generating) / 1000).toFixed(1)} s`);
  const app = await buildApp({ database, webDist: null, rateLimitPerMinute: 1_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  checkQuiet('before measuring');
  try {
    // A first small request, so that what is "at rest" is a server that has answered.
    await (await fetch(`http://127.0.0.1:${port}/api/v1/open-data`)).arrayBuffer();
    global.gc?.();
    const rest = process.memoryUsage.rss();

    const download = await peakRss(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/open-data/indicator-values.csv`, {
        headers: { 'accept-encoding': 'identity' },
      });
      if (res.status !== 200 || !res.body) throw new Error(`download answered ${res.status}`);
      // Node's web streams are async iterable; the DOM's typing of fetch does not say so.
      return countLines(res.body as unknown as AsyncIterable<Uint8Array>);
    });
    const rows = download.result.lines - 1;
    if (rows !== total) throw new Error(`the download has ${rows} rows, not ${total}`);

    global.gc?.();
    const copyRest = process.memoryUsage.rss();
    const copy = await peakRss(async () => {
      const client = new pg.Client({ connectionString: pgDb.url });
      await client.connect();
      try {
        const stream = client.query(
          copyTo(`copy (select i.key, v.period, m.code, m.name_en, nullif(v.category, ''), v.approved_value::float8, i.unit,
                               v.note, v.approved_at
                          from report_values v join indicators i on i.id = v.indicator_id join members m on m.id = v.member_id
                         where v.approved_value is not null and i.visibility = 'public'
                         order by i.key, v.period desc, m.code, v.category)
                  to stdout with (format csv, header)`),
        );
        return await countLines(stream);
      } finally {
        await client.end();
      }
    });

    const columns: Column[] = [
      { head: 'read' },
      { head: 'rows', right: true },
      { head: 'MB', right: true },
      { head: 'seconds', right: true },
      { head: 'rows/s', right: true },
      { head: 'RSS at rest (MB)', right: true },
      { head: 'peak RSS (MB)', right: true },
      { head: 'peak − rest (MB)', right: true },
    ];
    const line = (name: string, r: typeof download, at: number, n: number) => [
      name,
      n.toLocaleString('en-US'),
      (r.result.bytes / MB).toFixed(0),
      (r.ms / 1000).toFixed(1),
      Math.round(n / (r.ms / 1000)).toLocaleString('en-US'),
      (at / MB).toFixed(0),
      (r.peak / MB).toFixed(0),
      ((r.peak - at) / MB).toFixed(0),
    ];
    const body = [
      line('GET /api/v1/open-data/indicator-values.csv (pages of 1,000)', download, rest, rows),
      line('COPY … TO STDOUT (pg-copy-streams), same rows and order', copy, copyRest, copy.result.lines - 1),
    ];
    printText(columns, body);
    printMarkdown(columns, body);
    console.log(
      `download time ÷ COPY time: ${(download.ms / copy.ms).toFixed(1)}; download's memory growth ÷ COPY's: ${((download.peak - rest) / Math.max(1, copy.peak - copyRest)).toFixed(1)}`,
    );
  } finally {
    await app.close();
    await database.close();
    await pgDb.drop();
  }
}

await runScript(main);
