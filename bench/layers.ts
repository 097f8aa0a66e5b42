/**
 * `npx tsx bench/layers.ts`: where a cache hit's time goes. The same tiny cached response
 * behind Entente's per-request layers added one at a time (see bench/layers-server.ts), each
 * in its own child process, then the whole stack with helmet built once instead of per request.
 * Settings: BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS, as for `npm run bench`.
 */
import {
  CONNECTIONS,
  type Column,
  checkQuiet,
  failures,
  fmtMs,
  fmtRatio,
  fmtRps,
  machine,
  measure,
  printMarkdown,
  printText,
  probe,
  type Row,
  runScript,
  SECONDS,
  startServer,
  WARMUP_SECONDS,
} from './lib.js';

const PATH = '/api/v1/members/USA';

const STEPS: { label: string; layers: string[] }[] = [
  { label: 'plain Fastify', layers: [] },
  { label: '+ pino (silent), request ids', layers: ['logger'] },
  { label: '+ @fastify/helmet', layers: ['logger', 'helmet'] },
  { label: '+ cookie, rate-limit', layers: ['logger', 'helmet', 'cookie', 'ratelimit'] },
  { label: '+ auth and cross-site hooks', layers: ['logger', 'helmet', 'cookie', 'ratelimit', 'hooks'] },
  { label: '+ zod params (= Entente cache hit)', layers: ['logger', 'helmet', 'cookie', 'ratelimit', 'hooks', 'zod'] },
  {
    label: 'same, helmet built once',
    layers: ['logger', 'helmet-once', 'cookie', 'ratelimit', 'hooks', 'zod'],
  },
  { label: 'plain Fastify (again)', layers: [] },
];

const COLUMNS: Column[] = [
  { head: 'layers' },
  { head: 'req/s', right: true },
  { head: 'p50 ms', right: true },
  { head: 'p99 ms', right: true },
  { head: 'vs plain', right: true },
  { head: 'µs/req (1 ÷ rate)', right: true },
];

async function main(): Promise<void> {
  console.log(`Entente layers benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per row`);
  checkQuiet('before the run');
  const measured: Row[] = [];
  for (const step of STEPS) {
    console.log(`\n${step.label}`);
    const server = await startServer(step.label, 'bench/layers-server.ts', { LAYERS: step.layers.join(',') }, PATH);
    try {
      await probe(server.base, PATH, {}, 200);
      measured.push(await measure(server.base, PATH, { target: step.label, engine: '—', cache: '—' }));
    } finally {
      await server.stop();
    }
  }
  checkQuiet('after the run');
  const plain = (measured[0].rps + measured[measured.length - 1].rps) / 2;
  const body = measured.map((r) => [
    r.target,
    fmtRps(r.rps),
    fmtMs(r.p50),
    fmtMs(r.p99),
    fmtRatio(r.rps / plain),
    (1e6 / r.rps).toFixed(0),
  ]);
  console.log();
  printText(COLUMNS, body);
  console.log('\nMarkdown:\n');
  printMarkdown(COLUMNS, body);
  console.log(`\n"vs plain" = req/s ÷ mean of the two plain rows (${fmtRps(plain)} req/s).`);
  if (failures.length > 0) {
    console.error(`\nINVALID RUN: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

await runScript(main);
