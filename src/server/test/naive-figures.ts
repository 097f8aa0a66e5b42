import { type MemberAggregation, parsePeriod, type TimeAggregation } from '../../shared/progress.js';

/**
 * The dashboards' figures recomputed the slow, obvious way, in plain JS from the approved values
 * themselves, without rollups and without the service's code: what a series or a breakdown must
 * equal. The property test of the write side reuses it.
 */

/** One approved value: a member's figure for a period (and a category, or null). */
export interface NaiveValue {
  member: string;
  period: string;
  category: string | null;
  value: number;
}

export interface NaiveIndicator {
  memberAggregation: MemberAggregation;
  timeAggregation: TimeAggregation;
}

export interface NaiveFilters {
  member?: string;
  category?: string;
  from?: string;
  to?: string;
}

/** A period counts in a range when it overlaps it: a monthly figure of March is in `from=2015-Q1`. */
function inRange(period: string, from?: string, to?: string): boolean {
  const p = parsePeriod(period);
  if (!p) throw new Error(`naive: bad period ${period}`);
  const start = from ? parsePeriod(from) : null;
  const end = to ? parsePeriod(to) : null;
  return (!start || p.endsOn >= start.startsOn) && (!end || p.startsOn <= end.endsOn);
}

function kept(values: readonly NaiveValue[], filters: NaiveFilters): NaiveValue[] {
  return values.filter(
    (v) =>
      (filters.member === undefined || v.member === filters.member) &&
      (filters.category === undefined || v.category === filters.category) &&
      inRange(v.period, filters.from, filters.to),
  );
}

const sortedKeys = (keys: Iterable<string>) => [...new Set(keys)].sort();

/** Each member's figure in a period: the sum of its values (over categories, or in the one kept). */
function memberFigures(values: readonly NaiveValue[], period: string): number[] {
  const byMember = new Map<string, number>();
  for (const v of values) if (v.period === period) byMember.set(v.member, (byMember.get(v.member) ?? 0) + v.value);
  return [...byMember.values()];
}

function combine(figures: number[], aggregation: MemberAggregation): number {
  const sum = figures.reduce((a, b) => a + b, 0);
  if (aggregation === 'max') return Math.max(...figures);
  if (aggregation === 'mean') return sum / figures.length;
  return sum;
}

function overTime(points: { period: string; value: number }[], time: TimeAggregation) {
  if (points.length === 0) return null;
  const last = points[points.length - 1];
  return {
    value: time === 'flow' ? points.reduce((a, p) => a + p.value, 0) : last.value,
    through: last.period,
  };
}

/** The series: per period with values, the members' figures combined; the running total or latest; the total. */
export function naiveSeries(values: readonly NaiveValue[], indicator: NaiveIndicator, filters: NaiveFilters = {}) {
  const rows = kept(values, filters);
  let running = 0;
  const points = sortedKeys(rows.map((v) => v.period)).map((period) => {
    const figures = memberFigures(rows, period);
    const value = combine(figures, indicator.memberAggregation);
    running = indicator.timeAggregation === 'flow' ? running + value : value;
    return { period, value, cumulative: running, members: figures.length };
  });
  return { points, total: overTime(points, indicator.timeAggregation)?.value ?? null };
}

/** The breakdown by member or category over the range, largest first (ties: by name). */
export function naiveBreakdown(
  values: readonly NaiveValue[],
  indicator: NaiveIndicator,
  by: 'member' | 'category',
  filters: NaiveFilters = {},
) {
  const rows = kept(values, filters);
  const items: { name: string; value: number; through: string }[] = [];
  if (by === 'member') {
    for (const member of sortedKeys(rows.map((v) => v.member))) {
      const own = rows.filter((v) => v.member === member);
      const points = sortedKeys(own.map((v) => v.period)).map((period) => ({
        period,
        value: memberFigures(own, period)[0],
      }));
      const combined = overTime(points, indicator.timeAggregation);
      if (combined) items.push({ name: member, ...combined });
    }
  } else {
    const categorised = rows.filter((v) => v.category !== null);
    for (const category of sortedKeys(categorised.map((v) => v.category as string))) {
      const own = categorised.filter((v) => v.category === category);
      const points = sortedKeys(own.map((v) => v.period)).map((period) => ({
        period,
        value: combine(memberFigures(own, period), indicator.memberAggregation),
      }));
      const combined = overTime(points, indicator.timeAggregation);
      if (combined) items.push({ name: category, ...combined });
    }
  }
  return items.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
