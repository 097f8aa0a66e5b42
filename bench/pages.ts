/**
 * `npx tsx bench/pages.ts`: what writing a page's head costs, against the JSON answer of the same
 * record. In process (app.inject), PGlite, the demo coalition, the built web app (npm run build).
 * Each row: the median and 95th percentile of N requests after a warm-up, brotli accepted.
 */
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';

const N = Number(process.env.BENCH_REQUESTS ?? 2000);

const database = await openDatabase({ dataDir: 'memory://' });
await database.migrate();
await seedDemo(database.db);
const app = await buildApp({ database, webDist: 'dist/web', rateLimitPerMinute: 1e9 });
const statements = (await app.inject({ url: '/api/v1/statements' })).json().items as {
  id: string;
  adoptedOn: string | null;
}[];
const statementId = statements.find((s) => s.adoptedOn === '2014-12-03')?.id;

async function time(
  url: string,
  headers: Record<string, string>,
): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 200; i++) bytes = (await app.inject({ url, headers })).rawPayload.length;
  const took: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = process.hrtime.bigint();
    await app.inject({ url, headers });
    took.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  took.sort((a, b) => a - b);
  return { median: took[Math.floor(N / 2)] ?? 0, p95: took[Math.floor(N * 0.95)] ?? 0, bytes };
}

const br = { 'accept-encoding': 'br, gzip' };
const rows: [string, string, Record<string, string>][] = [
  ['statement page (head written, brotli)', `/statements/${statementId}`, br],
  ['statement JSON (cached, brotli)', `/api/v1/statements/${statementId}`, br],
  ['member page USA', '/members/USA', br],
  ['member JSON USA', '/api/v1/members/USA', br],
  ['home page', '/', br],
  ['home page, no compression', '/', {}],
  ['workspace page /desk (site head)', '/desk', br],
];
console.log(`| request | median µs | p95 µs | bytes |\n|---|---:|---:|---:|`);
for (const [label, url, headers] of rows) {
  const r = await time(url, headers);
  console.log(`| ${label} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.bytes} |`);
}
await app.close();
await database.close();
