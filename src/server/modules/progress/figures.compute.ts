import {
  type MemberAggregation,
  type PeriodType,
  parsePeriod,
  type SeriesPoint,
  type TimeAggregation,
} from '../../../shared/progress.js';

// The arithmetic of the dashboards, pure: how members' figures combine in a period, and how
// periods combine over time. The SQL gives per period the members' sum, max and count (the
// rollups, or one member's own values); everything else happens here.

/** One period's approved figures combined over members: their sum, their max, how many. */
export interface PeriodFigures {
  period: string;
  sum: number;
  max: number;
  members: number;
}

/** The members' figures of one period combined by the indicator's member aggregation. */
export function combineMembers(row: PeriodFigures, aggregation: MemberAggregation): number {
  if (aggregation === 'max') return row.max;
  if (aggregation === 'mean') return row.members === 0 ? 0 : row.sum / row.members;
  return row.sum;
}

/** Values by period, oldest first, combined over time: a flow's sum, a stock's latest value. */
export function combineOverTime(
  points: readonly { period: string; value: number }[],
  aggregation: TimeAggregation,
): { value: number; through: string } | null {
  const last = points.at(-1);
  if (!last) return null;
  if (aggregation === 'stock') return { value: last.value, through: last.period };
  return { value: points.reduce((total, p) => total + p.value, 0), through: last.period };
}

/** The points of a series, oldest first, with their running total (flow) or latest value (stock) and target. */
export function seriesPoints(
  rows: readonly PeriodFigures[],
  indicator: { memberAggregation: MemberAggregation; timeAggregation: TimeAggregation },
  targets: ReadonlyMap<string, number>,
): SeriesPoint[] {
  let running = 0;
  return [...rows]
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((row) => {
      const value = combineMembers(row, indicator.memberAggregation);
      running = indicator.timeAggregation === 'flow' ? running + value : value;
      return {
        period: row.period,
        value,
        cumulative: running,
        target: targets.get(row.period) ?? null,
        members: row.members,
      };
    });
}

/** Periods of one type sort as their names do ('2015-01' < '2015-02', '2015-Q1' < '2015-Q2'). */
export const comparePeriods = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The period of `type` holding the day `isoDate`. */
export function periodContaining(isoDate: string, type: PeriodType): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  if (type === 'month') return isoDate.slice(0, 7);
  if (type === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

/** Before every period name, and after every one: an open end of a range. */
export const NO_START = '0000';
export const NO_END = '9999-Z';

/**
 * A range asked in any period type, as names of the indicator's own type, both ends included:
 * `from=2015` on a monthly indicator starts at `2015-01`, `to=2015-Q1` ends at `2015-03`.
 */
export function periodRange(
  type: PeriodType,
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } {
  const start = from ? parsePeriod(from) : null;
  const end = to ? parsePeriod(to) : null;
  return {
    from: start ? periodContaining(start.startsOn, type) : NO_START,
    to: end ? periodContaining(end.endsOn, type) : NO_END,
  };
}

/** True when `from` starts after `to` ends (whatever their types). */
export function isBackwards(from: string | undefined, to: string | undefined): boolean {
  const start = from ? parsePeriod(from) : null;
  const end = to ? parsePeriod(to) : null;
  return start !== null && end !== null && start.startsOn > end.endsOn;
}

/** Rows grouped by a key, in their order (Map.groupBy, which ES2023's lib does not name yet). */
export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
