/**
 * Search (`GET /api/v1/search?q=`) under load, as a ratio to the bare route: the demo coalition
 * plus BENCH_SOURCES (default 100,000) generated sources, written with SQL (titles, publishers and
 * excerpts in English, French and Arabic), on PostgreSQL (and PGlite with BENCH_ENGINES=pglite,postgresql).
 * autocannon, BENCH_CONNECTIONS (10) connections, signed out, a few queries: a city in French,
 * Iraq in Arabic with its vowels, a prefix that many sources match, and a word none has. p50,
 * p95 and p99 from every response's latency; the ratio is p95 to the bare route's p95 in the same run.
 * Alone: `npx tsx bench/search.ts` (builds the server first when needed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { ensureBuilt } from '../scripts/build.mjs';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import {
  addCleanup,
  CONNECTIONS,
  type Column,
  createPgDatabase,
  fmtMs,
  intSetting,
  machine,
  percentile,
  printTable,
  probe,
  runScript,
  SECONDS,
  startServer,
  WARMUP_SECONDS,
} from './lib.js';

const SOURCES = intSetting('BENCH_SOURCES', 100_000, 0, 10_000_000);
const ENGINES = new Set((process.env.BENCH_ENGINES ?? 'postgresql').split(',').map((s) => s.trim()));
const HEALTH = '/api/v1/health';

const QUERIES = [
  { label: 'Bruxelles (a city in French)', q: 'Bruxelles' },
  { label: 'الْعِرَاق (Iraq, with tashkeel)', q: 'الْعِرَاق' },
  { label: 'financ (a prefix many sources have)', q: 'financ' },
  { label: 'oil revenue (two words)', q: 'oil revenue' },
  { label: 'zzyzx (nothing)', q: 'zzyzx' },
];

/** The generated register: each row's words picked from these by its number, so the text varies. */
async function writeSources(open: () => ReturnType<typeof openDatabase>): Promise<void> {
  const database = await open();
  try {
    await database.migrate();
    await seedDemo(database.db);
    const started = performance.now();
    await database.db.execute(sql`
      insert into sources (kind, title, publisher, published_on, language, excerpt, visibility)
      select case when g % 3 = 0 then 'press' else 'source' end,
        (array['Report on', 'Rapport sur', 'تقرير عن', 'Briefing:', 'Note sur', 'بيان حول', 'Analysis of', 'Étude de'])[1 + g % 8]
          || ' ' || (array['the financing of terrorism', 'la stabilisation des zones libérées', 'الْمُقَاتِلِين الأجانب',
            'oil revenue and extortion', 'les combattants terroristes étrangers', 'إعادة الإعمار في العراق',
            'counter-messaging online', 'l’aide humanitaire en Syrie', 'التمويل والابتزاز', 'military support to Iraq'])[1 + (g / 8) % 10]
          || ' ' || g,
        (array['Reuters', 'Le Monde', 'الشرق الأوسط', 'Associated Press', 'Agence France-Presse', 'الجزيرة', 'BBC', 'RFI'])[1 + (g / 3) % 8],
        date '2014-01-01' + (g % 2500),
        (array['en', 'fr', 'ar'])[1 + g % 3],
        (array['Partners discussed the financing of the group and the sale of oil.',
          'Les partenaires ont examiné la stabilisation et le retour des déplacés.',
          'ناقش الشركاء تمويل التنظيم وبيع النفط والآثار.',
          null])[1 + (g / 5) % 4],
        (array['public', 'public', 'public', 'coalition', 'restricted'])[1 + g % 5]
      from generate_series(1, ${SOURCES}) g`);
    await database.db.execute(sql`analyze`);
    console.log(
      `  ${SOURCES.toLocaleString('en-US')} sources written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}

interface Result {
  engine: string;
  target: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  hits: number | null;
  errors: number;
}

async function load(url: string, seconds: number, onResponse?: (status: number, ms: number) => void) {
  const run = autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (onResponse) {
    (run as unknown as NodeJS.EventEmitter).on('response', (_c: unknown, status: number, _b: number, ms: number) =>
      onResponse(status, ms),
    );
  }
  return run;
}

async function measureOne(
  engine: string,
  base: string,
  path: string,
  target: string,
  hits: number | null,
): Promise<Result> {
  if (WARMUP_SECONDS > 0) await load(base + path, WARMUP_SECONDS);
  const latencies: number[] = [];
  let errors = 0;
  const result = await load(base + path, SECONDS, (status, ms) => {
    latencies.push(ms);
    if (status !== 200) errors++;
  });
  const sorted = Float64Array.from(latencies).sort();
  const row = {
    engine,
    target,
    rps: latencies.length / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    hits,
    errors: errors + result.errors,
  };
  console.log(
    `  ${target.padEnd(44)} ${Math.round(row.rps).toString().padStart(7)} req/s  p50 ${fmtMs(row.p50)}  p95 ${fmtMs(row.p95)}  p99 ${fmtMs(row.p99)} ms${row.errors ? `  ERRORS ${row.errors}` : ''}`,
  );
  return row;
}

async function measureEngine(
  engine: string,
  database: { env: Record<string, string>; open: () => ReturnType<typeof openDatabase> },
): Promise<Result[]> {
  console.log(`\nsearch on ${engine}`);
  await writeSources(database.open);
  const bare = await startServer('bare Fastify', 'bench/bare-server.ts', {}, '/bare');
  const server = await startServer(
    `Entente on ${engine}`,
    'dist/server/start.js',
    { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', WEB_DIST: '', SEED_DEMO: 'false', ...database.env },
    HEALTH,
  );
  try {
    const results = [await measureOne(engine, bare.base, '/bare', 'GET /bare (the bare route)', null)];
    for (const query of QUERIES) {
      const path = `/api/v1/search?q=${encodeURIComponent(query.q)}`;
      const answer = JSON.parse((await probe(server.base, path, {}, 200)).body) as { total: number };
      results.push(await measureOne(engine, server.base, path, `search: ${query.label}`, answer.total));
    }
    return results;
  } finally {
    await server.stop();
    await bare.stop();
  }
}

await runScript(async () => {
  await ensureBuilt(['server'], { log: (line) => console.log(`build: ${line}`) });
  console.log(machine());
  const results: Result[] = [];
  if (ENGINES.has('postgresql')) {
    const database = await createPgDatabase();
    if (typeof database === 'string') console.log(`PostgreSQL skipped: ${database}`);
    else {
      try {
        results.push(
          ...(await measureEngine(`PostgreSQL ${database.version}`, {
            env: { DATABASE_URL: database.url },
            open: () => openDatabase({ url: database.url, poolSize: 2 }),
          })),
        );
      } finally {
        await database.drop();
      }
    }
  }
  if (ENGINES.has('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
    const removeDir = addCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    try {
      const dataDir = join(dir, 'data');
      results.push(
        ...(await measureEngine('PGlite', {
          env: { DATA_DIR: dataDir, DATABASE_URL: '' },
          open: () => openDatabase({ dataDir }),
        })),
      );
    } finally {
      await removeDir();
    }
  }
  const columns: Column[] = [
    { head: 'engine' },
    { head: 'target' },
    { head: 'hits', right: true },
    { head: 'req/s', right: true },
    { head: 'p50 ms', right: true },
    { head: 'p95 ms', right: true },
    { head: 'p99 ms', right: true },
    { head: 'p95 / bare p95', right: true },
  ];
  const body = results.map((r) => {
    const bare = results.find((b) => b.engine === r.engine && b.hits === null);
    return [
      r.engine,
      r.target,
      r.hits === null ? '' : String(r.hits),
      Math.round(r.rps).toLocaleString('en-US'),
      fmtMs(r.p50),
      fmtMs(r.p95),
      fmtMs(r.p99),
      bare ? `${(r.p95 / bare.p95).toFixed(1)}×` : '',
    ];
  });
  console.log(
    `\n${SOURCES.toLocaleString('en-US')} generated sources, ${CONNECTIONS} connections, ${SECONDS} s each:\n`,
  );
  printTable(columns, body);
  if (results.some((r) => r.errors > 0)) throw new Error('some responses were errors: the run is invalid');
});
