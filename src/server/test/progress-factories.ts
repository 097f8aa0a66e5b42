import type { CreateIndicatorBody, Indicator, Report, ReportingPeriod, ValueInput } from '../../shared/progress.js';
import { type LineOfEffortRow, linesOfEffort } from '../db/schema/progress.js';
import { asAdmin, type Ctx, expectStatus, next } from './factories.js';

/**
 * Factories for progress and pledges (issue 10), beside factories.ts and written the same way:
 * one valid record per call, unique per call, through the API where there is one.
 */

let lineNumber = 100;

/**
 * A line of effort with a fresh key. Lines of effort have no write API (the coalition's five come
 * with the demo seed, or an operator's migration), so this one is inserted; nothing reads them
 * through the read cache before a test makes them.
 */
export async function buildLineOfEffort(
  ctx: Ctx,
  overrides: Partial<Pick<LineOfEffortRow, 'key' | 'number' | 'names' | 'summary'>> = {},
): Promise<LineOfEffortRow> {
  lineNumber += 1;
  const token = next();
  const [row] = await ctx.database.db
    .insert(linesOfEffort)
    .values({
      key: `LOE${token}-test`,
      number: lineNumber * 1000 + Math.floor(Math.random() * 1000),
      names: { en: `Line of effort ${token}`, fr: `Axe d'effort ${token}`, ar: `محور الجهد ${token}` },
      summary: null,
      ...overrides,
    })
    .returning();
  return row;
}

// ---- reporting: indicators, periods, reports (p-reporting) -----------------------------------

/** An indicator through the API: a monthly public sum of flows on a new line of effort by default. */
export async function buildIndicator(ctx: Ctx, overrides: Partial<CreateIndicatorBody> = {}): Promise<Indicator> {
  const token = next().toLowerCase();
  const lineOfEffort = overrides.lineOfEffort ?? (await buildLineOfEffort(ctx)).key;
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/indicators',
    payload: {
      key: `ind_${token}`,
      names: { en: `Indicator ${token}`, fr: `Indicateur ${token}`, ar: `مؤشر ${token}` },
      unit: 'count',
      lineOfEffort,
      memberAggregation: 'sum',
      timeAggregation: 'flow',
      periodType: 'month',
      visibility: 'public',
      ...overrides,
    },
  });
  expectStatus(res, 201, 'POST /indicators');
  return res.json();
}

let periodYear = 2100;
/** A period open for reporting: by default January of a year no other call used, closing on `closesOn`. */
export async function buildPeriod(
  ctx: Ctx,
  overrides: { period?: string; closesOn?: string } = {},
): Promise<ReportingPeriod> {
  periodYear += 1;
  const period = overrides.period ?? `${periodYear}-01`;
  const res = await asAdmin(ctx, {
    method: 'POST',
    url: '/api/v1/periods',
    payload: { period, closesOn: overrides.closesOn ?? '2999-12-31' },
  });
  expectStatus(res, 201, `POST /periods ${period}`);
  return res.json();
}

/**
 * A member's report with values, brought to `state` through the API: `draft` (saved), `submitted`,
 * `approved` or `returned` (every value, with the reason "Check the figure."). Saved and submitted
 * as the administrator (the secretariat may write any member's report).
 */
export async function buildReport(
  ctx: Ctx,
  spec: {
    period: string;
    member: string;
    values: ValueInput[];
    state?: 'draft' | 'submitted' | 'approved' | 'returned';
  },
): Promise<Report> {
  const url = `/api/v1/reports/${spec.period}/${spec.member}`;
  const current = await asAdmin(ctx, { method: 'GET', url });
  expectStatus(current, 200, `GET ${url}`);
  let report: Report = current.json();
  const step = async (method: 'PUT' | 'POST', path: string, payload?: object) => {
    const res = await asAdmin(ctx, {
      method,
      url: `${url}${path}`,
      headers: { 'if-match': `"${report.version}"` },
      ...(payload ? { payload } : {}),
    });
    expectStatus(res, 200, `${method} ${url}${path}`);
    report = res.json();
  };
  await step('PUT', '', { values: spec.values });
  const state = spec.state ?? 'draft';
  if (state === 'draft') return report;
  await step('POST', '/submit');
  if (state === 'approved') await step('POST', '/approve', {});
  if (state === 'returned') await step('POST', '/return', { reason: 'Check the figure.' });
  return report;
}
