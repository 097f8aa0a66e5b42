import type { Indicator, PeriodType, Report, ValueInput } from '../../../shared/progress.js';

/** A period's type from its name: `2015-01` a month, `2015-Q1` a quarter, `2015` a year. */
export function periodTypeOf(period: string): PeriodType {
  if (/-Q[1-4]$/.test(period)) return 'quarter';
  if (/-\d{2}$/.test(period)) return 'month';
  return 'year';
}

/** One line of the form: an indicator, or one of its categories. */
export interface ReportRow {
  indicator: Indicator;
  category: string | null;
}

/** The rows a report for this period takes: its period type's indicators, one per category where they have some. */
export function reportRows(indicators: readonly Indicator[], period: string): ReportRow[] {
  const type = periodTypeOf(period);
  return indicators
    .filter((i) => i.periodType === type)
    .flatMap((indicator): ReportRow[] =>
      indicator.categories.length === 0
        ? [{ indicator, category: null }]
        : indicator.categories.map((c) => ({ indicator, category: c.key })),
    );
}

export const rowKey = (indicator: string, category: string | null) => `${indicator}|${category ?? ''}`;

/** The form's entries (one text per row) from the report's values: empty where there is none. */
export function entriesOf(rows: readonly ReportRow[], report: Report): string[] {
  const byKey = new Map(report.values.map((v) => [rowKey(v.indicator, v.category), v]));
  return rows.map((r) => {
    const value = byKey.get(rowKey(r.indicator.key, r.category));
    return value ? String(value.value) : '';
  });
}

/**
 * The PUT body from the entries: the rows with a number, each with its note kept; `indexOf`
 * says which row each value of the body came from, for the server's field errors.
 */
export function toPutBody(
  rows: readonly ReportRow[],
  entries: readonly string[],
  report: Report,
): { body: { values: ValueInput[] }; rowOf: number[] } {
  const notes = new Map(report.values.map((v) => [rowKey(v.indicator, v.category), v.note]));
  const values: ValueInput[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, i) => {
    const text = (entries[i] ?? '').trim().replace(/\s/g, '').replace(',', '.');
    if (text === '') return;
    values.push({
      indicator: row.indicator.key,
      ...(row.category ? { category: row.category } : {}),
      value: Number(text),
      note: notes.get(rowKey(row.indicator.key, row.category)) ?? null,
    });
    rowOf.push(i);
  });
  return { body: { values }, rowOf };
}
