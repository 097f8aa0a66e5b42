import { eq } from 'drizzle-orm';
import type {
  CreateIndicatorBody,
  Indicator,
  NamesAnswer,
  Report,
  ReportingPeriod,
  ValueInput,
  WorkingGroup,
} from '../../shared/progress.js';
import {
  type IndicatorRow,
  indicators,
  type LineOfEffortRow,
  linesOfEffort,
  type ReportingPeriodRow,
  reportingPeriods,
  workingGroups,
} from '../db/schema/progress.js';
import { asAdmin, buildMember, type Ctx, expectStatus, next } from './factories.js';

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

// ---- imports and exports (p-imports) ---------------------------------------------------------

let importYear = 3000;

/**
 * An indicator inserted for import tests (the indicators API is another part's): reported by
 * `periodType`, broken down by `categories` when given.
 */
export async function buildImportIndicator(
  ctx: Ctx,
  overrides: {
    periodType?: 'month' | 'quarter' | 'year';
    categories?: string[];
    visibility?: 'public' | 'coalition';
    lineOfEffortId?: string;
  } = {},
): Promise<IndicatorRow> {
  const token = next().toLowerCase();
  const lineOfEffortId = overrides.lineOfEffortId ?? (await buildLineOfEffort(ctx)).id;
  const [row] = await ctx.database.db
    .insert(indicators)
    .values({
      key: `imp.${token}`,
      names: { en: `Indicator ${token}` },
      unit: 'count',
      lineOfEffortId,
      memberAggregation: 'sum',
      timeAggregation: 'flow',
      periodType: overrides.periodType ?? 'year',
      categories: (overrides.categories ?? []).map((key) => ({ key, names: { en: key } })),
      visibility: overrides.visibility ?? 'public',
    })
    .returning();
  return row;
}

/** A reporting period nobody else uses (a year from 3000 on, or a month of it), closing on `closesOn`. */
export async function buildImportPeriod(
  ctx: Ctx,
  options: { type?: 'month' | 'year'; closesOn?: string } = {},
): Promise<ReportingPeriodRow> {
  importYear += 1;
  const year = String(importYear);
  const month = options.type === 'month';
  const [row] = await ctx.database.db
    .insert(reportingPeriods)
    .values({
      period: month ? `${year}-01` : year,
      type: month ? 'month' : 'year',
      startsOn: `${year}-01-01`,
      endsOn: month ? `${year}-01-31` : `${year}-12-31`,
      closesOn: options.closesOn ?? '2999-12-31',
    })
    .returning();
  return row;
}

/** A multipart/form-data body of `fields` and one `file`, for `app.inject`. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----entente${next()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// ---- working groups (lines of effort and working groups) --------------------------------------

export interface OfficeSpec {
  memberCode: string;
  role?: 'co_lead' | 'participant';
  fromOn?: string | null;
  toOn?: string | null;
  note?: string | null;
}

/**
 * A working group of a line of effort (a fresh one unless `line` names one; null: across all
 * lines), with its offices added through the API as the secretariat adds them. Groups have no
 * create route (the demo seed makes the seven), so the group itself is inserted; its offices go
 * through the API, whose write drops the read cache's lines and groups, so that the pages show it.
 * By default a fresh member co-leads it from 3 December 2014.
 */
export async function buildWorkingGroup(
  ctx: Ctx,
  overrides: {
    line?: string | null;
    key?: string;
    names?: NamesAnswer;
    formedOn?: string | null;
    offices?: OfficeSpec[];
  } = {},
): Promise<WorkingGroup> {
  const token = next().toLowerCase();
  const lineKey = overrides.line === undefined ? (await buildLineOfEffort(ctx)).key : overrides.line;
  const [line] = lineKey
    ? await ctx.database.db.select().from(linesOfEffort).where(eq(linesOfEffort.key, lineKey))
    : [undefined];
  if (lineKey && !line) throw new Error(`factory: no line of effort ${lineKey}`);
  const [row] = await ctx.database.db
    .insert(workingGroups)
    .values({
      key: overrides.key ?? `wg-${token}`,
      names: overrides.names ?? {
        en: `Working group ${token}`,
        fr: `Groupe de travail ${token}`,
        ar: `فريق العمل ${token}`,
      },
      lineOfEffortId: line?.id ?? null,
      formedOn: overrides.formedOn === undefined ? '2014-12-03' : overrides.formedOn,
    })
    .returning();
  const offices = overrides.offices ?? [{ memberCode: (await buildMember(ctx)).code, fromOn: '2014-12-03' }];
  let version = row.version;
  let group: WorkingGroup | undefined;
  for (const office of offices) {
    const res = await asAdmin(ctx, {
      method: 'POST',
      url: `/api/v1/working-groups/${row.key}/offices`,
      headers: { 'if-match': `"${version}"` },
      payload: { role: 'co_lead', ...office },
    });
    expectStatus(res, 201, `POST /working-groups/${row.key}/offices`);
    group = res.json();
    version = (group as WorkingGroup).version;
  }
  if (group) return group;
  const res = await ctx.app.inject({ url: `/api/v1/working-groups/${row.key}` });
  expectStatus(res, 200, `GET /working-groups/${row.key}`);
  return res.json();
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
