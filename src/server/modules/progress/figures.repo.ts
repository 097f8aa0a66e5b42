import type {
  CategoryAnswer,
  IndicatorVisibility,
  MemberAggregation,
  NamesAnswer,
  PeriodType,
  TimeAggregation,
  UnitTranslationsAnswer,
} from '../../../shared/progress.js';
import { type Read, readStatement } from '../../db/client.js';
import type { PeriodFigures } from './figures.compute.js';

// The dashboards' reads: hot reads in SQL of their own (docs/adding-a-module.md, step 4). Figures
// are numeric(24,6) in the tables and float8 here, so both drivers give numbers. Ranges are
// period names of the indicator's own type (figures.compute.ts: `periodRange`), both ends included.

/** An indicator as the dashboards need it: its definition, its line of effort's key, its targets. */
export interface FiguresIndicator {
  id: string;
  key: string;
  names: NamesAnswer;
  unit: string;
  unitTranslations: UnitTranslationsAnswer;
  lineOfEffort: string;
  lineOfEffortNames: NamesAnswer;
  memberAggregation: MemberAggregation;
  timeAggregation: TimeAggregation;
  periodType: PeriodType;
  categories: CategoryAnswer[];
  visibility: IndicatorVisibility;
  targets: { period: string; value: number }[];
}

const INDICATOR_COLUMNS = `i.id, i.key, i.names, i.unit, i.unit_translations as "unitTranslations", l.key as "lineOfEffort", l.names as "lineOfEffortNames",
  i.member_aggregation as "memberAggregation", i.time_aggregation as "timeAggregation",
  i.period_type as "periodType", i.categories, i.visibility,
  coalesce((select json_agg(json_build_object('period', t.period, 'value', t.value::float8) order by t.period)
              from indicator_targets t where t.indicator_id = i.id), '[]'::json) as targets`;

const indicatorByKey = readStatement<FiguresIndicator>(
  'figures_indicator',
  `select ${INDICATOR_COLUMNS}
     from indicators i join lines_of_effort l on l.id = i.line_of_effort_id
    where i.key = $1`,
);

/** One indicator by key, with its targets; undefined when none has it. */
export async function readFiguresIndicator(read: Read, key: string): Promise<FiguresIndicator | undefined> {
  const [row] = await read(indicatorByKey, [key]);
  return row;
}

const lineByKey = readStatement<{ key: string; names: NamesAnswer }>(
  'figures_line',
  'select key, names from lines_of_effort where key = $1',
);
const lineIndicators = readStatement<FiguresIndicator>(
  'figures_line_indicators',
  `select ${INDICATOR_COLUMNS}
     from indicators i join lines_of_effort l on l.id = i.line_of_effort_id
    where l.key = $1
    order by i.key`,
);

/** A line of effort and its indicators (every one: the service keeps those the caller may see). */
export async function readLineIndicators(
  read: Read,
  key: string,
): Promise<{ line: { key: string; names: NamesAnswer }; indicators: FiguresIndicator[] } | undefined> {
  const [line] = await read(lineByKey, [key]);
  if (!line) return undefined;
  return { line, indicators: await read(lineIndicators, [key]) };
}

type IndicatorPeriodFigures = PeriodFigures & { indicatorId: string };
const lineTotals = readStatement<IndicatorPeriodFigures>(
  'figures_line_rollups',
  `select r.indicator_id as "indicatorId", r.period, r.sum::float8 as sum, r.max::float8 as max, r.members
     from indicator_rollups r
     join indicators i on i.id = r.indicator_id
     join lines_of_effort l on l.id = i.line_of_effort_id
    where l.key = $1 and r.category = ''
    order by r.indicator_id, r.period`,
);

/** Every period's members' totals of every indicator of a line of effort. */
export const readLineRollups = (read: Read, lineKey: string): Promise<IndicatorPeriodFigures[]> =>
  read(lineTotals, [lineKey]);

const rollups = readStatement<PeriodFigures>(
  'figures_rollups',
  `select period, sum::float8 as sum, max::float8 as max, members
     from indicator_rollups
    where indicator_id = $1 and category = $2 and period >= $3 and period <= $4
    order by period`,
);

/** Per period of the range, the members' figures combined (category '': their totals over every category). */
export const readRollups = (
  read: Read,
  indicatorId: string,
  category: string,
  range: { from: string; to: string },
): Promise<PeriodFigures[]> => read(rollups, [indicatorId, category, range.from, range.to]);

type CategoryPeriodFigures = PeriodFigures & { category: string };
const categoryRollups = readStatement<CategoryPeriodFigures>(
  'figures_category_rollups',
  `select category, period, sum::float8 as sum, max::float8 as max, members
     from indicator_rollups
    where indicator_id = $1 and category <> '' and ($2::text = '' or category = $2::text) and period >= $3 and period <= $4
    order by category, period`,
);

/** Per category and period of the range, the members' figures combined. */
export const readCategoryRollups = (
  read: Read,
  indicatorId: string,
  category: string,
  range: { from: string; to: string },
): Promise<CategoryPeriodFigures[]> => read(categoryRollups, [indicatorId, category, range.from, range.to]);

const memberPeriods = readStatement<PeriodFigures>(
  'figures_member_periods',
  `select period, sum(approved_value)::float8 as sum, sum(approved_value)::float8 as max, 1 as members
     from report_values
    where indicator_id = $1 and member_id = $2 and approved_value is not null
      and ($3::text = '' or category = $3::text) and period >= $4 and period <= $5
    group by period
    order by period`,
);

/** One member's figure per period of the range: the sum of its approved values over categories, or one category's. */
export const readMemberPeriods = (
  read: Read,
  indicatorId: string,
  memberId: string,
  category: string,
  range: { from: string; to: string },
): Promise<PeriodFigures[]> => read(memberPeriods, [indicatorId, memberId, category, range.from, range.to]);

const memberCategoryPeriods = readStatement<CategoryPeriodFigures>(
  'figures_member_category_periods',
  `select category, period, sum(approved_value)::float8 as sum, sum(approved_value)::float8 as max, 1 as members
     from report_values
    where indicator_id = $1 and member_id = $2 and approved_value is not null and category <> ''
      and ($3::text = '' or category = $3::text) and period >= $4 and period <= $5
    group by category, period
    order by category, period`,
);

/** One member's approved values per category and period of the range. */
export const readMemberCategoryPeriods = (
  read: Read,
  indicatorId: string,
  memberId: string,
  category: string,
  range: { from: string; to: string },
): Promise<CategoryPeriodFigures[]> =>
  read(memberCategoryPeriods, [indicatorId, memberId, category, range.from, range.to]);

/** A member as a figure names it. */
export interface MemberFigure {
  code: string;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  value: number;
  through: string;
}

const MEMBER_NAMES = `m.code, m.name_en as "nameEn", m.name_fr as "nameFr", m.name_ar as "nameAr"`;
const MEMBER_SCOPE = `indicator_id = $1 and approved_value is not null and ($2::text = '' or category = $2::text)
      and period >= $3 and period <= $4 and ($5::uuid is null or member_id = $5::uuid)`;

const memberFlows = readStatement<MemberFigure>(
  'figures_member_flows',
  `select ${MEMBER_NAMES}, x.value, x.through
     from (select member_id, sum(approved_value)::float8 as value, max(period) as through
             from report_values
            where ${MEMBER_SCOPE}
            group by member_id) x
     join members m on m.id = x.member_id
    order by x.value desc, m.code`,
);
// A stock's latest period per member: one short backward walk of `report_values_member_idx` per
// member, instead of grouping every value of the range by member and period and sorting them.
const memberStocks = readStatement<MemberFigure>(
  'figures_member_stocks',
  `select ${MEMBER_NAMES}, x.value, x.through
     from members m
     cross join lateral (
       select period as through, sum(approved_value)::float8 as value
         from report_values
        where indicator_id = $1 and member_id = m.id and approved_value is not null
          and ($2::text = '' or category = $2::text) and period >= $3 and period <= $4
        group by period
        order by period desc
        limit 1) x
    where ($5::uuid is null or m.id = $5::uuid)
    order by x.value desc, m.code`,
);

/** Per member, over the range: the sum of its approved values (flow) or its latest period's (stock); largest first. */
export const readMemberBreakdown = (
  read: Read,
  indicatorId: string,
  time: TimeAggregation,
  filters: { category: string; memberId: string | null; from: string; to: string },
): Promise<MemberFigure[]> =>
  read(time === 'stock' ? memberStocks : memberFlows, [
    indicatorId,
    filters.category,
    filters.from,
    filters.to,
    filters.memberId,
  ]);

/** An approved value, as the list behind a figure shows it. */
export interface ApprovedValueRow {
  period: string;
  code: string;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  category: string;
  value: number;
  note: string | null;
  approvedAt: number;
}

const approvedValues = readStatement<ApprovedValueRow>(
  'figures_approved_values',
  `select v.period, ${MEMBER_NAMES}, v.category, v.approved_value::float8 as value, v.note,
          (extract(epoch from v.approved_at) * 1000)::float8 as "approvedAt"
     from report_values v
     join members m on m.id = v.member_id
    where v.indicator_id = $1 and v.approved_value is not null and ($2::text = '' or v.category = $2::text)
      and v.period >= $3 and v.period <= $4 and ($5::uuid is null or v.member_id = $5::uuid)
    order by v.period desc, m.code, v.category
    limit $6`,
);

/** The approved values of the range, newest period first, then by member and category; at most `limit`. */
export const readApprovedValues = (
  read: Read,
  indicatorId: string,
  filters: { category: string; memberId: string | null; from: string; to: string },
  limit: number,
): Promise<ApprovedValueRow[]> =>
  read(approvedValues, [indicatorId, filters.category, filters.from, filters.to, filters.memberId, limit]);

/** An approved value as the open data gives it: a page of one indicator's, after a known row. */
export interface OpenValueRow {
  period: string;
  code: string;
  nameEn: string;
  category: string;
  value: number;
  note: string | null;
  approvedAt: string;
}

// One indicator's approved values, in the order of the API's list (newest period first, then by
// member code and category). A page after the first starts at `period <= $2`: an index bound
// (report_values_approved_idx, read backwards), so each page starts where the last one stopped
// and only the rows of the current period are sorted by member code, never the whole list. Two
// statements, not one with "$2 is null or …": a generic plan could not bound the scan by that.
const OPEN_VALUES_COLUMNS = `v.period, m.code, m.name_en as "nameEn", v.category, v.approved_value::float8 as value, v.note,
          to_char(v.approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "approvedAt"
     from report_values v
     join members m on m.id = v.member_id`;
const openValuesFirstPage = readStatement<OpenValueRow>(
  'open_data_values_first',
  `select ${OPEN_VALUES_COLUMNS}
    where v.indicator_id = $1 and v.approved_value is not null
    order by v.period desc, m.code, v.category
    limit $2`,
);
const openValuesNextPage = readStatement<OpenValueRow>(
  'open_data_values_next',
  `select ${OPEN_VALUES_COLUMNS}
    where v.indicator_id = $1 and v.approved_value is not null and v.period <= $2
      and (v.period < $2 or (m.code, v.category) > ($3::text, $4::text))
    order by v.period desc, m.code, v.category
    limit $5`,
);

/** A page of one indicator's approved values, after `after` (null: the first page). */
export const readOpenValuesPage = (
  read: Read,
  indicatorId: string,
  after: Pick<OpenValueRow, 'period' | 'code' | 'category'> | null,
  limit: number,
): Promise<OpenValueRow[]> =>
  after
    ? read(openValuesNextPage, [indicatorId, after.period, after.code, after.category, limit])
    : read(openValuesFirstPage, [indicatorId, limit]);
const allIndicators = readStatement<FiguresIndicator>(
  'figures_all_indicators',
  `select ${INDICATOR_COLUMNS}
     from indicators i join lines_of_effort l on l.id = i.line_of_effort_id
    order by l.key, i.key`,
);

/** Every indicator with its targets, by line of effort then key (the service keeps those the caller may see). */
export const readAllFiguresIndicators = (read: Read): Promise<FiguresIndicator[]> => read(allIndicators, []);

const allTotals = readStatement<IndicatorPeriodFigures>(
  'figures_all_rollups',
  `select indicator_id as "indicatorId", period, sum::float8 as sum, max::float8 as max, members
     from indicator_rollups
    where category = ''
    order by indicator_id, period`,
);

/** Every period's members' totals of every indicator. */
export const readAllRollups = (read: Read): Promise<IndicatorPeriodFigures[]> => read(allTotals, []);

const memberIndicatorPeriods = readStatement<IndicatorPeriodFigures>(
  'figures_member_indicator_periods',
  `select indicator_id as "indicatorId", period, sum(approved_value)::float8 as sum,
          sum(approved_value)::float8 as max, 1 as members
     from report_values
    where member_id = $1 and approved_value is not null
    group by indicator_id, period
    order by indicator_id, period`,
);

/** One member's figure per indicator and period: the sum of its approved values over categories. */
export const readMemberIndicatorPeriods = (read: Read, memberId: string): Promise<IndicatorPeriodFigures[]> =>
  read(memberIndicatorPeriods, [memberId]);
