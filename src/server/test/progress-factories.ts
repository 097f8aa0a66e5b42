import {
  type IndicatorRow,
  indicators,
  type LineOfEffortRow,
  linesOfEffort,
  type ReportingPeriodRow,
  reportingPeriods,
} from '../db/schema/progress.js';
import { type Ctx, next } from './factories.js';

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
