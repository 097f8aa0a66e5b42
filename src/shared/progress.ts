import { z } from 'zod';
import {
  INDICATOR_VISIBILITIES,
  MEMBER_AGGREGATIONS,
  OFFICE_ROLES,
  PERIOD_TYPES,
  REPORT_STATUSES,
  TIME_AGGREGATIONS,
  VALUE_STATUSES,
} from './enums.js';
import { IsoDate, MemberCode, MemberNamesAnswer } from './members.js';
import { refusedAs } from './problem.js';
import { AnswerId, Text } from './text.js';

// The contract of progress (issue 10): lines of effort and working groups, indicators, reporting
// periods, members' reports with the secretariat's review, and the dashboards' figures.
// Only approved values count anywhere outside a member's own view of its report.

export const OfficeRole = z.enum(OFFICE_ROLES);
export type OfficeRole = z.infer<typeof OfficeRole>;
export const MemberAggregation = z.enum(MEMBER_AGGREGATIONS);
export type MemberAggregation = z.infer<typeof MemberAggregation>;
export const TimeAggregation = z.enum(TIME_AGGREGATIONS);
export type TimeAggregation = z.infer<typeof TimeAggregation>;
export const PeriodType = z.enum(PERIOD_TYPES);
export type PeriodType = z.infer<typeof PeriodType>;
export const IndicatorVisibility = z.enum(INDICATOR_VISIBILITIES);
export type IndicatorVisibility = z.infer<typeof IndicatorVisibility>;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const ValueStatus = z.enum(VALUE_STATUSES);
export type ValueStatus = z.infer<typeof ValueStatus>;

// ─── Periods ───────────────────────────────────────────────────────────────────────────────

/** `2015-01` (a month), `2015-Q1` (a quarter) or `2015` (a year). */
export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** What a period name means: its type and its first and last days (`YYYY-MM-DD`). */
export function parsePeriod(
  period: string,
): { period: string; type: PeriodType; startsOn: string; endsOn: string } | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (m[2]) {
    const month = Number(m[2]);
    return { period, type: 'month', startsOn: `${m[1]}-${m[2]}-01`, endsOn: `${m[1]}-${m[2]}-${pad(lastDay(month))}` };
  }
  if (m[3]) {
    const first = (Number(m[3]) - 1) * 3 + 1;
    const last = first + 2;
    return {
      period,
      type: 'quarter',
      startsOn: `${m[1]}-${pad(first)}-01`,
      endsOn: `${m[1]}-${pad(last)}-${pad(lastDay(last))}`,
    };
  }
  return { period, type: 'year', startsOn: `${m[1]}-01-01`, endsOn: `${m[1]}-12-31` };
}

/** A period's name, as a path, a query or a body takes it; its field error's code is `period_format`. */
export const Period = Text.trim().refine(
  (p) => PERIOD_PATTERN.test(p),
  refusedAs('period_format', 'must be a period written 2015-01, 2015-Q1 or 2015'),
);

export const PeriodParams = z.object({ period: Period });

export const OpenPeriodBody = z.strictObject({
  period: Period,
  /** The last day members can change their reports; after it the period is locked. */
  closesOn: IsoDate,
});
export type OpenPeriodBody = z.infer<typeof OpenPeriodBody>;

/** Reopens a locked period until a new closing day (If-Match: the period's version). */
export const ReopenPeriodBody = z.strictObject({
  closesOn: IsoDate,
  reason: Text.trim().min(1, 'is required').max(2000).optional(),
});
export type ReopenPeriodBody = z.infer<typeof ReopenPeriodBody>;

export const ReportingPeriod = z.object({
  id: AnswerId,
  period: z.string(),
  type: PeriodType,
  startsOn: z.string(),
  endsOn: z.string(),
  closesOn: z.string(),
  /** After `closesOn` (the database's clock): members can no longer change their reports. */
  locked: z.boolean(),
  /** How many members' reports are in each status (not_started counts the active members without one). */
  reports: z.record(ReportStatus, z.number().int()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;
export const ReportingPeriodList = z.object({ items: z.array(ReportingPeriod) });
export type ReportingPeriodList = z.infer<typeof ReportingPeriodList>;

// ─── Names in three languages ──────────────────────────────────────────────────────────────

const Name = Text.trim().min(1, 'is required').max(300);
/** Names as an input gives them: English required, French and Arabic when known. */
export const NamesInput = z.strictObject({ en: Name, fr: Name.optional(), ar: Name.optional() });
export type NamesInput = z.infer<typeof NamesInput>;
/** Names in an answer: English always, the others when translated. */
export const NamesAnswer = z.object({ en: z.string(), fr: z.string().optional(), ar: z.string().optional() });
/** An indicator's unit in French and Arabic (`unit` is English), as an input gives it: `{ fr: "frappes" }`. */
export const UnitTranslations = z.strictObject({
  fr: Text.trim().min(1).max(100).optional(),
  ar: Text.trim().min(1).max(100).optional(),
});
export type UnitTranslations = z.infer<typeof UnitTranslations>;
/** The unit's translations in an answer: only those it has (`{}` when none); a reader falls back to `unit`. */
export const UnitTranslationsAnswer = z.object({ fr: z.string().optional(), ar: z.string().optional() });
export type UnitTranslationsAnswer = z.infer<typeof UnitTranslationsAnswer>;
export type NamesAnswer = z.infer<typeof NamesAnswer>;

/** A member as progress names it. */
export const MemberRef = z.object({ code: z.string(), names: MemberNamesAnswer });
export type MemberRef = z.infer<typeof MemberRef>;

// ─── Lines of effort and working groups ────────────────────────────────────────────────────

/** `LOE1-military`: a line of effort's key, as agenda items, indicators and pledges name it. */
export const LINE_OF_EFFORT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
export const LineOfEffortKey = Text.trim().regex(
  LINE_OF_EFFORT_KEY_PATTERN,
  'must be a line of effort key such as LOE1-military',
);
export const LineOfEffortParams = z.object({ key: LineOfEffortKey });

export const LineOfEffortSummary = z.object({
  id: AnswerId,
  key: z.string(),
  number: z.number().int(),
  names: NamesAnswer,
  summary: z.string().nullable(),
  /** The members co-leading it today (its working groups' co-leads whose office is current). */
  leads: z.array(MemberRef),
});
export type LineOfEffortSummary = z.infer<typeof LineOfEffortSummary>;
export const LineOfEffortList = z.object({ items: z.array(LineOfEffortSummary) });
export type LineOfEffortList = z.infer<typeof LineOfEffortList>;

export const Office = z.object({
  id: AnswerId,
  /** Null for an office held by someone who is not a member ("host country (rotating)"): see `note`. */
  member: MemberRef.nullable(),
  role: OfficeRole,
  fromOn: z.string().nullable(),
  toOn: z.string().nullable(),
  /** Held on the day asked (today by default). */
  current: z.boolean(),
  note: z.string().nullable(),
});
export type Office = z.infer<typeof Office>;

export const WorkingGroup = z.object({
  id: AnswerId,
  key: z.string(),
  names: NamesAnswer,
  /** Null for a group across all lines (the Small Group). */
  lineOfEffort: z.string().nullable(),
  formedOn: z.string().nullable(),
  /** What the sources say of its forming when they disagree or are vague. */
  formedNote: z.string().nullable(),
  note: z.string().nullable(),
  /** Every office, past and present, co-leads first, each by its start. */
  offices: z.array(Office),
  version: z.number().int(),
});
export type WorkingGroup = z.infer<typeof WorkingGroup>;
export const WorkingGroupList = z.object({ items: z.array(WorkingGroup) });
export type WorkingGroupList = z.infer<typeof WorkingGroupList>;
export const WorkingGroupKeyParams = z.object({ key: LineOfEffortKey });

/** Adds an office (secretariat): a member co-leads or takes part from a day, until a day or open-ended. */
export const AddOfficeBody = z.strictObject({
  memberCode: MemberCode,
  role: OfficeRole,
  fromOn: IsoDate.nullable().optional(),
  toOn: IsoDate.nullable().optional(),
  note: Text.trim().max(1000).nullable().optional(),
});
export type AddOfficeBody = z.infer<typeof AddOfficeBody>;

/** Ends an office on a day, or (null) makes it open-ended again (If-Match: the group's version). */
export const EndOfficeBody = z.strictObject({ toOn: IsoDate.nullable() });
export type EndOfficeBody = z.infer<typeof EndOfficeBody>;
export const OfficeParams = z.object({ key: LineOfEffortKey, id: z.uuid({ message: 'must be an office id' }) });

/** `?on=YYYY-MM-DD`: who held office on that day (`current`); today by default. */
export const OnQuery = z.object({ on: IsoDate.optional() });
export const ListWorkingGroupsQuery = OnQuery.extend({ lineOfEffort: LineOfEffortKey.optional() });
export type ListWorkingGroupsQuery = z.infer<typeof ListWorkingGroupsQuery>;

// ─── Indicators ────────────────────────────────────────────────────────────────────────────

export const INDICATOR_KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,79}$/;
export const IndicatorKey = Text.trim().regex(
  INDICATOR_KEY_PATTERN,
  'must be lower-case letters, digits, _ . or -, e.g. air_strikes',
);
export const IndicatorKeyParams = z.object({ key: IndicatorKey });

export const CATEGORY_KEY_PATTERN = /^[a-z0-9][a-z0-9_]{0,59}$/;
export const CategoryKey = Text.trim().regex(
  CATEGORY_KEY_PATTERN,
  'must be lower-case letters, digits or _, e.g. oil_sales',
);

/** A disaggregation category, e.g. revenue source `oil_sales`, with its names. */
export const Category = z.strictObject({ key: CategoryKey, names: NamesInput });
export const CategoryAnswer = z.object({ key: z.string(), names: NamesAnswer });
export type CategoryAnswer = z.infer<typeof CategoryAnswer>;

/** The largest value a report takes (numeric(24,6) holds 18 digits before the point). */
export const MAX_VALUE = 1e15;
/** A reported or target figure: finite, with up to six decimals kept. */
export const FigureValue = z.number().finite().min(-MAX_VALUE).max(MAX_VALUE);

export const Target = z.strictObject({ period: Period, value: FigureValue });

export const CreateIndicatorBody = z.strictObject({
  key: IndicatorKey,
  names: NamesInput,
  unit: Text.trim().min(1, 'is required').max(100),
  unitTranslations: UnitTranslations.optional(),
  lineOfEffort: LineOfEffortKey,
  memberAggregation: MemberAggregation,
  timeAggregation: TimeAggregation,
  periodType: PeriodType,
  categories: z.array(Category).max(50).optional(),
  visibility: IndicatorVisibility,
  targets: z.array(Target).max(500).optional(),
  description: Text.trim().max(4000).nullable().optional(),
});
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;

/** PATCH with If-Match: names, unit, visibility, description and targets change; the rest, once values exist, does not. */
export const UpdateIndicatorBody = CreateIndicatorBody.omit({ key: true }).partial().strict();
export type UpdateIndicatorBody = z.infer<typeof UpdateIndicatorBody>;

export const Indicator = z.object({
  id: AnswerId,
  key: z.string(),
  names: NamesAnswer,
  unit: z.string(),
  unitTranslations: UnitTranslationsAnswer,
  lineOfEffort: z.string(),
  memberAggregation: MemberAggregation,
  timeAggregation: TimeAggregation,
  periodType: PeriodType,
  categories: z.array(CategoryAnswer),
  visibility: IndicatorVisibility,
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
  description: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.object({ items: z.array(Indicator) });
export type IndicatorList = z.infer<typeof IndicatorList>;
export const ListIndicatorsQuery = z.object({ lineOfEffort: LineOfEffortKey.optional() });

// ─── Reports ───────────────────────────────────────────────────────────────────────────────

export const ReportParams = z.object({ period: Period, memberCode: MemberCode });

export const ValueInput = z.strictObject({
  indicator: IndicatorKey,
  category: CategoryKey.nullable().optional(),
  value: FigureValue,
  note: Text.trim().max(2000).nullable().optional(),
});
export type ValueInput = z.infer<typeof ValueInput>;

/** Saves the member's draft (If-Match; "0" for a report not yet started): the values sent replace the unapproved ones. */
export const PutReportBody = z.strictObject({ values: z.array(ValueInput).max(5000) });
export type PutReportBody = z.infer<typeof PutReportBody>;

/** Names values of a report: an indicator and, for one with categories, the category. */
export const ValueRef = z.strictObject({ indicator: IndicatorKey, category: CategoryKey.nullable().optional() });
export type ValueRef = z.infer<typeof ValueRef>;

/** Approves the submitted values named, or all of them (If-Match). */
export const ApproveReportBody = z.strictObject({ values: z.array(ValueRef).max(5000).optional() });
export type ApproveReportBody = z.infer<typeof ApproveReportBody>;

/** Returns the submitted values named, or all of them, to the member with a reason (If-Match). */
export const ReturnReportBody = z.strictObject({
  reason: Text.trim().min(1, 'is required').max(4000),
  values: z.array(ValueRef).max(5000).optional(),
});
export type ReturnReportBody = z.infer<typeof ReturnReportBody>;

export const ReportValue = z.object({
  id: AnswerId,
  indicator: z.string(),
  category: z.string().nullable(),
  /** The member's current figure (what a draft, a submission or a return holds). */
  value: z.number(),
  note: z.string().nullable(),
  status: ValueStatus,
  /** The figure that counts: what the secretariat last approved (null before any approval). */
  approvedValue: z.number().nullable(),
  returnReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportValue = z.infer<typeof ReportValue>;

export const Report = z.object({
  period: z.string(),
  member: MemberRef,
  status: ReportStatus,
  /** The reason of the last return, while the report is returned. */
  returnReason: z.string().nullable(),
  locked: z.boolean(),
  closesOn: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** A focal point and the secretariat see every value; anyone else only approved ones. */
  values: z.array(ReportValue),
  /** If-Match token; 0 before the first save. */
  version: z.number().int(),
});
export type Report = z.infer<typeof Report>;

/** The secretariat's queue: a period's reports, by status. */
export const ListReportsQuery = z.object({ period: Period.optional(), status: ReportStatus.optional() });
export const ReportSummary = z.object({
  period: z.string(),
  member: MemberRef,
  status: ReportStatus,
  values: z.number().int(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportList = z.object({ items: z.array(ReportSummary) });
export type ReportList = z.infer<typeof ReportList>;

// ─── Figures: series, breakdowns, the values behind them ──────────────────────────────────

export const SeriesQuery = z.object({
  member: MemberCode.optional(),
  category: CategoryKey.optional(),
  from: Period.optional(),
  to: Period.optional(),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const SeriesPoint = z.object({
  period: z.string(),
  /** The members' approved values combined by the indicator's member aggregation. */
  value: z.number(),
  /** The running total (flow) or the latest value (stock) up to this period. */
  cumulative: z.number(),
  target: z.number().nullable(),
  /** How many members' approved values it combines. */
  members: z.number().int(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const Series = z.object({
  indicator: z.string(),
  /** The indicator's names, line of effort, categories and visibility: what its dashboard shows around the chart. */
  names: NamesAnswer,
  lineOfEffort: z.string(),
  lineOfEffortNames: NamesAnswer,
  categories: z.array(CategoryAnswer),
  visibility: IndicatorVisibility,
  unit: z.string(),
  unitTranslations: UnitTranslationsAnswer,
  periodType: PeriodType,
  memberAggregation: MemberAggregation,
  timeAggregation: TimeAggregation,
  member: z.string().nullable(),
  category: z.string().nullable(),
  /** Periods with approved values only, oldest first. */
  points: z.array(SeriesPoint),
  /** The flow's sum over the range, or the stock's latest value; null with no values. */
  total: z.number().nullable(),
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
});
export type Series = z.infer<typeof Series>;

export const BreakdownQuery = z.object({
  by: z.enum(['member', 'category']),
  from: Period.optional(),
  to: Period.optional(),
  member: MemberCode.optional(),
  category: CategoryKey.optional(),
});
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const Breakdown = z.object({
  indicator: z.string(),
  by: z.enum(['member', 'category']),
  /** Over the range: a flow's sum, a stock's latest value, per member or per category; largest first. */
  items: z.array(
    z.object({
      member: MemberRef.nullable(),
      category: z.string().nullable(),
      value: z.number(),
      /** The latest period with a value in the range. */
      through: z.string(),
    }),
  ),
});
export type Breakdown = z.infer<typeof Breakdown>;

/** The approved values a figure came from (every figure on a dashboard links here). */
export const ValuesQuery = z.object({
  period: Period.optional(),
  from: Period.optional(),
  to: Period.optional(),
  member: MemberCode.optional(),
  category: CategoryKey.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ValuesQuery = z.infer<typeof ValuesQuery>;
export const ApprovedValue = z.object({
  period: z.string(),
  member: MemberRef,
  category: z.string().nullable(),
  value: z.number(),
  note: z.string().nullable(),
  approvedAt: z.string(),
});
export type ApprovedValue = z.infer<typeof ApprovedValue>;
export const ApprovedValueList = z.object({ items: z.array(ApprovedValue), truncated: z.boolean() });
export type ApprovedValueList = z.infer<typeof ApprovedValueList>;

export const LineOfEffort = LineOfEffortSummary.extend({
  workingGroups: z.array(WorkingGroup),
  indicators: z.array(Indicator),
  /** Meetings with an agenda item on this line of effort, newest first, that the caller may see. */
  meetings: z.array(
    z.object({ id: AnswerId, title: z.string(), startsOn: z.string(), agendaItems: z.array(z.string()) }),
  ),
  /** Statements the caller may see whose meeting discussed this line of effort. */
  statements: z.array(z.object({ id: AnswerId, title: z.string(), status: z.string() })),
  /** Pledges to this line: totals in USD (see pledges.ts). */
  pledgeTotals: z.object({ pledgedUsd: z.number(), committedUsd: z.number(), disbursedUsd: z.number() }).nullable(),
});
export type LineOfEffort = z.infer<typeof LineOfEffort>;

/** What a line of effort's dashboard shows on top: per indicator the caller may see, its latest figure. */
export const IndicatorFigures = z.object({
  indicator: z.string(),
  names: NamesAnswer,
  unit: z.string(),
  unitTranslations: UnitTranslationsAnswer,
  periodType: PeriodType,
  memberAggregation: MemberAggregation,
  timeAggregation: TimeAggregation,
  /** The latest period with approved values, and its value; null with none. */
  latest: z.object({ period: z.string(), value: z.number(), members: z.number().int() }).nullable(),
  /** The flow's sum over every period, or the stock's latest value; null with no values. */
  total: z.number().nullable(),
  /** The target of the latest period, if one is set. */
  target: z.number().nullable(),
  /** The latest points (at most 24), oldest first: the card's small chart. */
  points: z.array(z.object({ period: z.string(), value: z.number() })),
});
export type IndicatorFigures = z.infer<typeof IndicatorFigures>;
export const LineOfEffortFigures = z.object({
  lineOfEffort: z.string(),
  names: NamesAnswer,
  items: z.array(IndicatorFigures),
});
export type LineOfEffortFigures = z.infer<typeof LineOfEffortFigures>;

/** The home page's figures: per indicator the caller may see, its total over time as of its latest period. */
export const HeadlineFigure = IndicatorFigures.omit({ points: true }).extend({
  lineOfEffort: z.string(),
  lineOfEffortNames: NamesAnswer,
});
export type HeadlineFigure = z.infer<typeof HeadlineFigure>;
/** Only indicators with approved values, by line of effort then key. */
export const HeadlineFigures = z.object({ items: z.array(HeadlineFigure) });
export type HeadlineFigures = z.infer<typeof HeadlineFigures>;

/** A member's approved values of the indicators the caller may see, combined over time (a flow's sum, a stock's latest). */
export const MemberContributions = z.object({
  member: z.string(),
  items: z.array(
    z.object({
      indicator: z.string(),
      names: NamesAnswer,
      unit: z.string(),
      unitTranslations: UnitTranslationsAnswer,
      lineOfEffort: z.string(),
      lineOfEffortNames: NamesAnswer,
      timeAggregation: TimeAggregation,
      value: z.number(),
      /** The latest period with an approved value of the member. */
      through: z.string(),
    }),
  ),
});
export type MemberContributions = z.infer<typeof MemberContributions>;
