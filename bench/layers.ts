/**
 * `npx tsx bench/layers.ts`: where a cache hit's time goes. The same cached member behind
 * Entente's per-request layers added one at a time (see bench/layers-server.ts), each in its own
 * child process; "Δ vs previous" is what the layer added. The helmet row is the old way, replaced
 * by the row after it.
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
  fmtUs,
  machine,
  measure,
  printTable,
  probe,
  type Row,
  runScript,
  SECONDS,
  startServer,
  WARMUP_SECONDS,
} from './lib.js';

const PATH = '/api/v1/members/USA';

/** `vs`: the row this one adds to, when not the one before it. */
const STEPS: { label: string; layers: string[]; vs?: number }[] = [
  { label: 'plain Fastify', layers: [] },
  { label: '+ pino (silent), request ids', layers: ['logger'] },
  { label: '+ helmet rebuilt per request, id hook', layers: ['logger', 'helmet'] },
  { label: 'instead: one hook, headers worked out once', layers: ['logger', 'headers'], vs: 1 },
  { label: '+ cookie', layers: ['logger', 'headers', 'cookie'] },
  { label: '+ rate-limit', layers: ['logger', 'headers', 'cookie', 'ratelimit'] },
  { label: '+ auth and cross-site (one hook)', layers: ['logger', 'headers', 'cookie', 'ratelimit', 'auth'] },
  { label: '+ zod params', layers: ['logger', 'headers', 'cookie', 'ratelimit', 'auth', 'zod'] },
  {
    label: '+ jsonSender (= Entente cache hit)',
    layers: ['logger', 'headers', 'cookie', 'ratelimit', 'auth', 'zod', 'sender'],
  },
  { label: 'plain Fastify + jsonSender only', layers: ['sender'], vs: 0 },
  { label: 'plain Fastify (again)', layers: [] },
];

const COLUMNS: Column[] = [
  { head: 'layers' },
  { head: 'req/s', right: true },
  { head: 'p50 ms', right: true },
  { head: 'p99 ms', right: true },
  { head: 'vs plain', right: true },
  { head: 'server CPU µs/req', right: true },
  { head: 'Δ vs previous', right: true },
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
      const labels = { target: step.label, engine: '—', cache: '—' };
      measured.push(await measure(server.base, PATH, labels, { cpu: { server: [server.pid] } }));
    } finally {
      await server.stop();
    }
  }
  checkQuiet('after the run');
  const plain = (measured[0].rps + measured[measured.length - 1].rps) / 2;
  const body = measured.map((r, i) => {
    const previous = measured[STEPS[i].vs ?? i - 1]?.serverCpu ?? null;
    const delta =
      i > 0 && i < measured.length - 1 && r.serverCpu !== null && previous !== null ? r.serverCpu - previous : null;
    return [
      r.target,
      fmtRps(r.rps),
      fmtMs(r.p50),
      fmtMs(r.p99),
      fmtRatio(r.rps / plain),
      fmtUs(r.serverCpu),
      delta === null ? '' : `${delta >= 0 ? '+' : ''}${delta.toFixed(0)}`,
    ];
  });
  console.log();
  printTable(COLUMNS, body);
  console.log(
    `\n"vs plain" = req/s ÷ mean of the two plain rows (${fmtRps(plain)} req/s); server CPU µs/req = the server ` +
      "process's CPU time during the measured seconds ÷ responses (less sensitive to other load than req/s).",
  );
  if (failures.length > 0) {
    console.error(`\nINVALID RUN: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

await runScript(main);
