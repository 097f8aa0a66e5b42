/**
 * Lighthouse on the public home page and an adopted statement's page, as a phone sees them.
 *
 *   npx tsx bench/lighthouse.ts       (builds what is out of date first; LIGHTHOUSE_RUNS=3 for the median of 3)
 *
 * Lighthouse 12.2.3 on Node 20 (/usr/bin/node, or LIGHTHOUSE_NODE), installed outside the project's
 * dependencies in ~/.cache/entente/lighthouse-12.2.3 on first use; Debian's Chromium
 * (/usr/bin/chromium, or CHROMIUM_PATH), headless. Lighthouse's default form factor: mobile, with
 * its simulated throttling (slow 4G, 4× slower CPU). The app is the built one
 * (`node dist/server/start.js`) on a fresh PGlite folder in a temporary directory, with the demo.
 * Prints the performance and accessibility scores, FCP, LCP, TBT, CLS, the bytes transferred, and
 * the audits that cost most; keeps each report's JSON in the temporary directory's `reports/`
 * (printed at the end).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';
import { intSetting, runScript, startServer } from './lib.js';

const VERSION = '12.2.3';
const NODE = process.env.LIGHTHOUSE_NODE ?? '/usr/bin/node';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = intSetting('LIGHTHOUSE_RUNS', 1, 1, 9);
const PREFIX = join(homedir(), '.cache', 'entente', `lighthouse-${VERSION}`);
const CLI = join(PREFIX, 'node_modules', 'lighthouse', 'cli', 'index.js');
// Those of e2e/support/browser.ts, with the new headless mode Lighthouse expects.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Lighthouse with Node 20's own npm when it is not there yet. */
function ensureLighthouse() {
  if (existsSync(CLI)) return;
  console.log(`Installing lighthouse@${VERSION} into ${PREFIX} …`);
  mkdirSync(PREFIX, { recursive: true });
  const npm = join(NODE, '..', 'npm');
  execFileSync(npm, ['install', '--prefix', PREFIX, '--no-audit', '--no-fund', `lighthouse@${VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(NODE, '..')}:${process.env.PATH}` },
  });
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  numericValue?: number;
  displayValue?: string;
  details?: { type?: string; overallSavingsMs?: number; overallSavingsBytes?: number };
  metricSavings?: Record<string, number>;
}
interface Report {
  finalDisplayedUrl: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

function lighthouse(url: string, out: string): Report {
  execFileSync(
    NODE,
    [
      CLI,
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility',
      `--chrome-path=${CHROMIUM}`,
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: CHROMIUM } },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);

function summarise(label: string, reports: Report[]) {
  // The run with the median performance score stands for the page.
  const sorted = [...reports].sort(
    (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
  );
  const report = sorted[Math.floor(sorted.length / 2)] as Report;
  const a = report.audits;
  const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100);
  const perfScores = reports.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
  console.log(`\n${label}: ${report.finalDisplayedUrl}`);
  console.log(
    `  performance ${score('performance')}${reports.length > 1 ? ` (runs: ${perfScores.join(', ')})` : ''}, accessibility ${score('accessibility')}`,
  );
  console.log(
    `  FCP ${ms(a['first-contentful-paint']?.numericValue)}, LCP ${ms(a['largest-contentful-paint']?.numericValue)}, ` +
      `TBT ${ms(a['total-blocking-time']?.numericValue)}, CLS ${(a['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}, ` +
      `Speed Index ${ms(a['speed-index']?.numericValue)}, TTI ${ms(a.interactive?.numericValue)}`,
  );
  console.log(`  transferred: ${a['total-byte-weight']?.displayValue ?? '—'}`);
  // Opportunities and diagnostics that failed, by the time or bytes Lighthouse says they cost.
  const weak = Object.values(a)
    .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.details?.type !== undefined)
    .map((audit) => ({
      audit,
      costMs: audit.details?.overallSavingsMs ?? audit.metricSavings?.LCP ?? audit.metricSavings?.FCP ?? 0,
      costBytes: audit.details?.overallSavingsBytes ?? 0,
    }))
    .sort((x, y) => y.costMs - x.costMs || y.costBytes - x.costBytes);
  for (const { audit, costMs, costBytes } of weak.slice(0, 8)) {
    const cost = [costMs ? `${Math.round(costMs)} ms` : '', costBytes ? `${Math.round(costBytes / 1024)} KiB` : '']
      .filter(Boolean)
      .join(', ');
    console.log(
      `  - ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}${cost ? ` (could save ${cost})` : ''} [${audit.id}]`,
    );
  }
  const accessibility = report.categories.accessibility?.auditRefs ?? [];
  for (const ref of accessibility) {
    const audit = a[ref.id];
    if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0)
      console.log(`  - accessibility: ${audit.title} [${audit.id}]`);
  }
}

async function main() {
  ensureLighthouse();
  await ensureBuilt(['web', 'server']);
  const dir = mkdtempSync(join(tmpdir(), 'entente-lighthouse-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  const server = await startServer(
    'Entente (built, PGlite, demo)',
    'dist/server/start.js',
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SEED_DEMO: 'true', LOG_LEVEL: 'warn' },
    '/api/v1/health',
  );
  try {
    const statements = (await (await fetch(`${server.base}/api/v1/statements?status=adopted`)).json()) as {
      items?: { id: string; status?: string }[];
    };
    const adopted = statements.items?.find((s) => s.status === undefined || s.status === 'adopted');
    if (!adopted) throw new Error('the demo has no adopted public statement');
    const pages = [
      { label: 'Public home', path: '/' },
      { label: "An adopted statement's page", path: `/statements/${adopted.id}` },
    ];
    console.log(
      `Lighthouse ${VERSION}, ${execFileSync(NODE, ['-v'], { encoding: 'utf8' }).trim()}, ${CHROMIUM}, mobile`,
    );
    for (const { label, path } of pages) {
      const runs: Report[] = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(
          lighthouse(`${server.base}${path}`, join(reports, `${path === '/' ? 'home' : 'statement'}-${i}.json`)),
        );
      summarise(label, runs);
    }
    console.log(`\nReports: ${reports}`);
  } finally {
    await server.stop();
  }
}

await runScript(main);
