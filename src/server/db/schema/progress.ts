import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ImportFormat, ImportKind, ImportStatus, type RowError } from '../../../shared/imports.js';
import { PledgeEventStatus, PledgeKind, PledgeStatus } from '../../../shared/pledges.js';
import {
  type CategoryAnswer,
  IndicatorVisibility,
  MemberAggregation,
  type NamesAnswer,
  OfficeRole,
  PeriodType,
  ReportStatus,
  TimeAggregation,
  type UnitTranslationsAnswer,
  ValueStatus,
} from '../../../shared/progress.js';
import { users } from './auth.js';
import { enumCheck, enumColumn, sqlLiteral } from './columns.js';
import { members } from './members.js';

// Progress (issue 10): lines of effort, working groups, indicators, reporting, pledges, imports.
// Figures are numeric(24,6): sums over them are exact, so a total equals its recomputation.
// Money is an integer of the currency's minor units (bigint), never a float.

const figure = () => numeric({ precision: 24, scale: 6, mode: 'number' });

/** One of the coalition's lines of effort (`LOE1-military`); agenda items, indicators and pledges name it by key. */
export const linesOfEffort = pgTable('lines_of_effort', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  number: integer().notNull().unique(),
  /** `{ en, fr?, ar? }` */
  names: jsonb().$type<NamesAnswer>().notNull(),
  summary: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type LineOfEffortRow = typeof linesOfEffort.$inferSelect;

export const workingGroups = pgTable(
  'working_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique(),
    names: jsonb().$type<NamesAnswer>().notNull(),
    /** Null: a group across every line of effort (the Small Group). */
    lineOfEffortId: uuid().references(() => linesOfEffort.id, { onDelete: 'restrict' }),
    formedOn: date({ mode: 'string' }),
    formedNote: text(),
    note: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('working_groups_line_idx').on(t.lineOfEffortId)],
);
export type WorkingGroupRow = typeof workingGroups.$inferSelect;

/** A time-bound office: a member co-leads or takes part in a working group from a day to a day (open-ended when null). */
export const workingGroupOffices = pgTable(
  'working_group_offices',
  {
    id: uuid().primaryKey().defaultRandom(),
    workingGroupId: uuid()
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    /** Null for one who is not a member ("host country (rotating)"): the note says who. */
    memberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    role: enumColumn(OfficeRole).notNull(),
    fromOn: date({ mode: 'string' }),
    toOn: date({ mode: 'string' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('working_group_offices_role_check', t.role, OfficeRole),
    check(
      'working_group_offices_dates_check',
      sql`${t.fromOn} is null or ${t.toOn} is null or ${t.toOn} >= ${t.fromOn}`,
    ),
    check('working_group_offices_holder_check', sql`${t.memberId} is not null or ${t.note} is not null`),
    index('working_group_offices_group_idx').on(t.workingGroupId),
    index('working_group_offices_member_idx').on(t.memberId),
  ],
);
export type WorkingGroupOfficeRow = typeof workingGroupOffices.$inferSelect;

export const indicators = pgTable(
  'indicators',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique(),
    names: jsonb().$type<NamesAnswer>().notNull(),
    unit: text().notNull(),
    /** The unit in French and Arabic, `{}` when not translated (readers then see `unit`). */
    unitTranslations: jsonb().$type<UnitTranslationsAnswer>().notNull().default({}),
    lineOfEffortId: uuid()
      .notNull()
      .references(() => linesOfEffort.id, { onDelete: 'restrict' }),
    memberAggregation: enumColumn(MemberAggregation).notNull(),
    timeAggregation: enumColumn(TimeAggregation).notNull(),
    periodType: enumColumn(PeriodType).notNull(),
    /** `[{ key, names }]`; empty when the indicator is not broken down. */
    categories: jsonb().$type<CategoryAnswer[]>().notNull().default([]),
    visibility: enumColumn(IndicatorVisibility).notNull(),
    description: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('indicators_member_aggregation_check', t.memberAggregation, MemberAggregation),
    enumCheck('indicators_time_aggregation_check', t.timeAggregation, TimeAggregation),
    enumCheck('indicators_period_type_check', t.periodType, PeriodType),
    enumCheck('indicators_visibility_check', t.visibility, IndicatorVisibility),
    check('indicators_categories_check', sql`jsonb_typeof(${t.categories}) = 'array'`),
    check(
      'indicators_unit_translations_check',
      sql`jsonb_typeof(${t.unitTranslations}) = 'object' and (${t.unitTranslations} - array['fr', 'ar']) = '{}'::jsonb`,
    ),
    index('indicators_line_idx').on(t.lineOfEffortId),
  ],
);
export type IndicatorRow = typeof indicators.$inferSelect;

export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text().notNull(),
    value: figure().notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/** A period open for reporting: `2015-01`, `2015-Q1` or `2015`. Locked for members after `closesOn`. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid().primaryKey().defaultRandom(),
    period: text().notNull().unique(),
    type: enumColumn(PeriodType).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    /** The last day members can change their reports (in UTC, by the database's clock). */
    closesOn: date({ mode: 'string' }).notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [enumCheck('reporting_periods_type_check', t.type, PeriodType)],
);
export type ReportingPeriodRow = typeof reportingPeriods.$inferSelect;

/** A member's report for a period; none until its first save (the API's `not_started`, version 0). */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    period: text()
      .notNull()
      .references(() => reportingPeriods.period, { onDelete: 'restrict', onUpdate: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    status: enumColumn(ReportStatus).notNull().default(ReportStatus.enum.draft),
    returnReason: text(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('reports_status_check', t.status, ReportStatus),
    check('reports_status_stored_check', sql`${t.status} <> ${sqlLiteral(ReportStatus.enum.not_started)}`),
    uniqueIndex('reports_period_member_idx').on(t.period, t.memberId),
    index('reports_member_idx').on(t.memberId),
  ],
);
export type ReportRow = typeof reports.$inferSelect;

/**
 * One figure of a report. `value` is the member's working figure; `approvedValue` is what the
 * secretariat last approved, and the only one that counts outside the member's own view: a
 * member revising an approved figure does not take it out of the dashboards until the revision
 * is approved. `period` and `memberId` repeat the report's, for the dashboards' indexes.
 */
export const reportValues = pgTable(
  'report_values',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    period: text().notNull(),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    /** The category's key, or '' for an indicator without categories (the API says null). */
    category: text().notNull().default(''),
    value: figure().notNull(),
    note: text(),
    status: enumColumn(ValueStatus).notNull().default(ValueStatus.enum.draft),
    approvedValue: figure(),
    approvedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
    /** The import that wrote it last, if one did. */
    importId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('report_values_status_check', t.status, ValueStatus),
    check('report_values_approved_check', sql`(${t.approvedValue} is null) = (${t.approvedAt} is null)`),
    uniqueIndex('report_values_report_idx').on(t.reportId, t.indicatorId, t.category),
    // The dashboards: one indicator's approved figures by period, member and category. The
    // approved value is in the index too, so that a breakdown by member or the values behind a
    // figure read it alone (an index-only scan): an indicator's values are spread over the whole
    // table, as members' reports arrive, and visiting each in the heap cost ten times the target
    // (bench/figures.ts, bench/RESULTS.md).
    index('report_values_approved_idx')
      .on(t.indicatorId, t.period, t.memberId, t.category, t.approvedValue)
      .where(sql`${t.approvedValue} is not null`),
    index('report_values_member_idx').on(t.indicatorId, t.memberId, t.period),
  ],
);
export type ReportValueRow = typeof reportValues.$inferSelect;

/**
 * The approved figures of one indicator and period combined over members, kept in the same
 * transaction as every change to them (src/server/modules/progress/rollups.ts): what the
 * dashboards read, fresh at once, without a nightly batch. `category` '' holds the members'
 * totals over every category; a category's key, that category alone.
 */
export const indicatorRollups = pgTable(
  'indicator_rollups',
  {
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text().notNull(),
    category: text().notNull(),
    sum: figure().notNull(),
    max: figure().notNull(),
    members: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.category, t.period] })],
);

// ─── Pledges ──────────────────────────────────────────────────────────────────────────────

export const pledges = pgTable(
  'pledges',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    lineOfEffortId: uuid()
      .notNull()
      .references(() => linesOfEffort.id, { onDelete: 'restrict' }),
    kind: enumColumn(PledgeKind).notNull(),
    status: enumColumn(PledgeStatus).notNull().default(PledgeStatus.enum.pledged),
    amountMinor: bigint({ mode: 'number' }),
    currency: text(),
    valueDate: date({ mode: 'string' }),
    description: text(),
    quantity: figure(),
    unit: text(),
    note: text(),
    /** What the commitment committed (minor units), and the disbursements' sum. */
    committedMinor: bigint({ mode: 'number' }),
    disbursedMinor: bigint({ mode: 'number' }).notNull().default(0),
    importId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('pledges_kind_check', t.kind, PledgeKind),
    enumCheck('pledges_status_check', t.status, PledgeStatus),
    check(
      'pledges_fields_check',
      sql`case ${t.kind}
        when ${sqlLiteral(PledgeKind.enum.financial)} then ${t.amountMinor} > 0 and ${t.currency} is not null and ${t.valueDate} is not null and ${t.quantity} is null
        else ${t.description} is not null and ${t.quantity} > 0 and ${t.unit} is not null and ${t.amountMinor} is null and ${t.currency} is null end`,
    ),
    check(
      'pledges_amounts_check',
      sql`${t.disbursedMinor} >= 0 and (${t.committedMinor} is null or ${t.disbursedMinor} <= ${t.committedMinor})`,
    ),
    index('pledges_member_idx').on(t.memberId),
    index('pledges_line_idx').on(t.lineOfEffortId),
  ],
);
export type PledgeRow = typeof pledges.$inferSelect;

export const pledgeEvents = pgTable(
  'pledge_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    pledgeId: uuid()
      .notNull()
      .references(() => pledges.id, { onDelete: 'cascade' }),
    status: enumColumn(PledgeEventStatus).notNull(),
    on: date({ mode: 'string' }).notNull(),
    amountMinor: bigint({ mode: 'number' }),
    note: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('pledge_events_status_check', t.status, PledgeEventStatus),
    index('pledge_events_pledge_idx').on(t.pledgeId, t.on),
  ],
);
export type PledgeEventRow = typeof pledgeEvents.$inferSelect;

/** US dollars per unit of a currency on a day, as the secretariat imports them. */
export const fxRates = pgTable(
  'fx_rates',
  {
    currency: text().notNull(),
    date: date({ mode: 'string' }).notNull(),
    usdPerUnit: numeric({ precision: 30, scale: 12, mode: 'number' }).notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.date] }), check('fx_rates_positive_check', sql`${t.usdPerUnit} > 0`)],
);

// ─── Imports ──────────────────────────────────────────────────────────────────────────────

/** An import of report values or pledges from CSV or XLSX: its progress, and its bad rows when it failed. */
export const imports = pgTable(
  'imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: enumColumn(ImportKind).notNull(),
    format: enumColumn(ImportFormat).notNull(),
    fileName: text(),
    status: enumColumn(ImportStatus).notNull().default(ImportStatus.enum.validating),
    rowsRead: integer().notNull().default(0),
    rowsWritten: integer().notNull().default(0),
    rowsTotal: integer(),
    errors: jsonb().$type<RowError[]>().notNull().default([]),
    errorCount: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    enumCheck('imports_kind_check', t.kind, ImportKind),
    enumCheck('imports_format_check', t.format, ImportFormat),
    enumCheck('imports_status_check', t.status, ImportStatus),
  ],
);
export type ImportRow = typeof imports.$inferSelect;
