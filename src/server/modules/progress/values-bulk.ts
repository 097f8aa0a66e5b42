import { sql } from 'drizzle-orm';
import type { VALUE_COLUMNS } from '../../../shared/imports.js';
import { MAX_VALUE, PERIOD_PATTERN, ReportStatus, ValueStatus } from '../../../shared/progress.js';
import type { Tx } from '../../db/client.js';
import { sqlLiteral } from '../../db/schema/columns.js';
import { memberOfFocalPoint } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { type StageColumn, type StageRow, stageRows } from '../../lib/bulk-stage.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import {
  actsForEveryMember,
  type Cells,
  NUMBER_PATTERN,
  type RowChecker,
  RowsRefused,
  type WriteCounts,
} from '../imports/rows.js';
import { reportStatusSql } from './report-status.js';
import { visibilitiesOf } from './reporting.policy.js';
import { refreshIndicators } from './rollups.js';

// Report values in bulk (issue 10): what the import and the export ask of the progress module,
// which owns the tables. One row of a file is one value: (period, member, indicator, category).

type ValueColumn = (typeof VALUE_COLUMNS)[number];
export type ValueFileRow = Record<ValueColumn, string | number | null>;

const STAGE: StageColumn[] = [
  { name: 'line', type: 'integer' },
  { name: 'period', type: 'text' },
  { name: 'member_id', type: 'uuid' },
  { name: 'indicator_id', type: 'uuid' },
  { name: 'category', type: 'text' },
  { name: 'value', type: 'numeric' },
  { name: 'note', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'approve', type: 'boolean' },
];
const NOTE_MAX = 2000;

interface IndicatorInfo {
  index: number;
  id: string;
  periodType: string;
  categories: string[];
}
interface PeriodInfo {
  index: number;
  type: string;
  closesOn: string;
  locked: boolean;
}

/**
 * Pass 1 of a values import: reads the registry, the indicators and the periods once, then
 * checks each row as the API would (and finds a key twice in one file). Memory per row is one
 * number in a set, for the duplicates.
 */
export async function valueChecker(deps: ServiceDeps, auth: Auth): Promise<RowChecker> {
  const { db, clock } = deps;
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const members = rows<{ id: string; code: string }>(await db.execute(sql`select id, code from members`));
  const indicators = rows<{ id: string; key: string; period_type: string; categories: { key: string }[] }>(
    await db.execute(sql`select id, key, period_type, categories from indicators`),
  );
  const periods = rows<{ period: string; type: string; closes_on: string; locked: boolean }>(
    await db.execute(sql`select period, type, closes_on::text as closes_on,
        (${clock.sql()} at time zone 'UTC')::date > closes_on as locked from reporting_periods`),
  );
  const secretariat = actsForEveryMember(auth);
  const ownMember = auth.user?.memberId ?? null;
  // A focal point's reports under review (submitted): changed only once returned.
  const underReview = new Set(
    ownMember && !secretariat
      ? rows<{ period: string }>(
          await db.execute(
            sql`select period from reports where member_id = ${ownMember} and status = ${ReportStatus.enum.submitted}`,
          ),
        ).map((r) => r.period)
      : [],
  );
  const memberIndex = new Map(members.map((m, i) => [m.code, { id: m.id, index: i }]));
  const indicatorByKey = new Map<string, IndicatorInfo>(
    indicators.map((ind, i) => [
      ind.key,
      { index: i, id: ind.id, periodType: ind.period_type, categories: ind.categories.map((c) => c.key) },
    ]),
  );
  const periodByName = new Map<string, PeriodInfo>(
    periods.map((p, i) => [p.period, { index: i, type: p.type, closesOn: p.closes_on, locked: p.locked }]),
  );
  const maxCategories = Math.max(1, ...indicators.map((i) => i.categories.length + 1));
  const seen = new Set<number>();

  return {
    check(cells: Cells, line, report) {
      let ok = true;
      const fail: typeof report = (...args) => {
        ok = false;
        report(...args);
      };
      const member = memberIndex.get(cells.member.toUpperCase());
      if (!cells.member) fail('member', 'required', 'is required');
      else if (!member) fail('member', 'unknown_member', `no member has code ${cells.member}`, { code: cells.member });
      else if (!secretariat && member.id !== ownMember)
        fail('member', 'other_member', 'a focal point imports only their own member’s values', { code: cells.member });

      const indicator = indicatorByKey.get(cells.indicator);
      if (!cells.indicator) fail('indicator', 'required', 'is required');
      else if (!indicator)
        fail('indicator', 'unknown_indicator', `no indicator has key ${cells.indicator}`, { key: cells.indicator });

      const period = periodByName.get(cells.period);
      if (!cells.period) fail('period', 'required', 'is required');
      else if (!PERIOD_PATTERN.test(cells.period))
        fail('period', 'period_format', 'must be a period written 2015-01, 2015-Q1 or 2015');
      else if (!period)
        fail('period', 'unknown_period', `no reporting period ${cells.period} is open`, { period: cells.period });
      else if (indicator && indicator.periodType !== period.type)
        fail('period', 'period_type_mismatch', `the indicator is reported by ${indicator.periodType}`, {
          periodType: indicator.periodType,
        });
      else if (!secretariat && period.locked)
        fail('period', 'period_closed', `the period closed for reporting on ${period.closesOn}`, {
          period: cells.period,
          closesOn: period.closesOn,
        });
      else if (!secretariat && underReview.has(cells.period))
        fail('period', 'under_review', 'the report waits for the secretariat’s review');

      const category = cells.category;
      let categoryIndex = 0;
      if (indicator) {
        const options = indicator.categories.join(', ');
        if (indicator.categories.length === 0) {
          if (category) fail('category', 'no_categories', 'the indicator has no categories');
        } else if (!category)
          fail('category', 'category_required', 'the indicator is broken down by category', { options });
        else {
          categoryIndex = indicator.categories.indexOf(category) + 1;
          if (categoryIndex === 0)
            fail('category', 'unknown_category', `the indicator has no category ${category}`, { category, options });
        }
      }

      const value = Number(cells.value);
      if (!cells.value) fail('value', 'required', 'is required');
      else if (!NUMBER_PATTERN.test(cells.value)) fail('value', 'not_a_number', 'must be a number such as 12 or 3.5');
      else if (Math.abs(value) > MAX_VALUE)
        fail('value', 'too_big', `must be at most ${MAX_VALUE}`, { maximum: MAX_VALUE });

      if (cells.note.length > NOTE_MAX)
        fail('note', 'too_long', `must be at most ${NOTE_MAX} characters`, { maximum: NOTE_MAX });
      if (cells.note.includes('\u0000') || cells.category.includes('\u0000'))
        fail('note', 'nul_character', 'holds a NUL character');

      const status = cells.status.toLowerCase();
      let approve = false;
      let stored: string = ValueStatus.enum.draft;
      if (secretariat) {
        if (status === '' || status === ValueStatus.enum.approved) {
          approve = true;
          stored = ValueStatus.enum.approved;
        } else if ((ValueStatus.options as readonly string[]).includes(status)) stored = status;
        else
          fail('status', 'invalid_value', 'must be approved, submitted, draft or empty', {
            options: 'approved, submitted, draft',
          });
      } else if (status !== '' && status !== ValueStatus.enum.draft)
        fail('status', 'invalid_value', 'a focal point imports drafts: draft or empty', { options: 'draft' });

      if (!ok || !member || !indicator || !period) return null;
      const key =
        ((member.index * periodByName.size + period.index) * indicators.length + indicator.index) * maxCategories +
        categoryIndex;
      if (seen.has(key)) {
        report('indicator', 'value_twice', 'this period, member, indicator and category are in the file twice', {
          indicator: cells.indicator,
          category: category,
        });
        return null;
      }
      seen.add(key);
      return [line, cells.period, member.id, indicator.id, category, cells.value, cells.note || null, stored, approve];
    },
  };
}

/**
 * Pass 2: writes every checked row in the caller's transaction. Rows are staged (COPY), then
 * written by a few statements over the whole file: reports created where missing, values
 * inserted or changed only where they differ (an unchanged row is not touched, so re-importing
 * an export changes nothing), each changed report's status recomputed from its values and its
 * version bumped once, and the rollups of the indicators whose approved values moved.
 *
 * A secretariat's `returned` row is taken only where the value is already returned with that
 * figure (an export re-imported): returning a value needs a reason, which the review gives.
 */
export async function writeValues(
  tx: Tx,
  deps: Pick<ServiceDeps, 'clock'>,
  rows: AsyncIterable<StageRow>,
  importId: string,
  onStaged?: (n: number) => void,
): Promise<WriteCounts> {
  const now = deps.clock.sql();
  await stageRows(tx, 'import_values', STAGE, rows, onStaged);
  const result = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const returned = result<{ line: number }>(
    await tx.execute(sql`
      select s.line from import_values s
        left join reports r on r.period = s.period and r.member_id = s.member_id
        left join report_values v on v.report_id = r.id and v.indicator_id = s.indicator_id and v.category = s.category
       where s.status = ${ValueStatus.enum.returned}
         and (v.id is null or v.status <> ${ValueStatus.enum.returned} or v.value <> s.value)
       order by s.line limit 1000`),
  );
  if (returned.length > 0)
    throw new RowsRefused(
      returned.map(({ line }) => ({
        line,
        column: 'status',
        code: 'return_needs_reason',
        message: 'returning a value needs a reason: return it from the review',
      })),
    );

  await tx.execute(sql`
    insert into reports (period, member_id, status, version, created_at, updated_at)
    select distinct s.period, s.member_id, ${ValueStatus.enum.draft}, 0, ${now}, ${now} from import_values s
    on conflict (period, member_id) do nothing`);
  await tx.execute(sql`
    create temporary table import_values_changed on commit drop as
    select s.*, r.id as report_id, v.id as value_id, v.approved_value as old_approved,
           v.approved_at as old_approved_at, v.return_reason as old_reason
      from import_values s
      join reports r on r.period = s.period and r.member_id = s.member_id
      left join report_values v on v.report_id = r.id and v.indicator_id = s.indicator_id and v.category = s.category
     where v.id is null
        or (v.value, v.note, v.status, v.approved_value)
           is distinct from (s.value, s.note, s.status, case when s.approve then s.value else v.approved_value end)`);
  await tx.execute(sql`
    insert into report_values (report_id, indicator_id, period, member_id, category, value, note, status,
                               approved_value, approved_at, return_reason, import_id, created_at, updated_at)
    select c.report_id, c.indicator_id, c.period, c.member_id, c.category, c.value, c.note, c.status,
           case when c.approve then c.value else c.old_approved end,
           case when not c.approve then c.old_approved_at
                when c.old_approved = c.value then c.old_approved_at else ${now} end,
           case when c.status = ${ValueStatus.enum.returned} then c.old_reason end,
           ${importId}, ${now}, ${now}
      from import_values_changed c
    on conflict (report_id, indicator_id, category) do update set
      value = excluded.value, note = excluded.note, status = excluded.status,
      approved_value = excluded.approved_value, approved_at = excluded.approved_at,
      return_reason = excluded.return_reason, import_id = excluded.import_id, updated_at = excluded.updated_at`);
  await tx.execute(sql`
    update reports r set version = r.version + 1, updated_at = ${now},
           status = (select ${reportStatusSql(sql`v.status`)} from report_values v where v.report_id = r.id)
     where r.id in (select report_id from import_values_changed)`);
  const [counts] = result<{ created: number; updated: number }>(
    await tx.execute(sql`select count(*) filter (where value_id is null)::int as created,
                                count(*) filter (where value_id is not null)::int as updated
                           from import_values_changed`),
  );
  const moved = result<{ indicator_id: string }>(
    await tx.execute(sql`select distinct indicator_id from import_values_changed where approve`),
  );
  await refreshIndicators(
    tx,
    moved.map((m) => m.indicator_id),
  );
  return counts;
}

/** What an export of values takes (all optional): a period, an indicator, a member, a line of effort. */
export interface ValueFilters {
  period?: string;
  indicator?: string;
  member?: string;
  lineOfEffort?: string;
}

const EXPORT_BATCH = 5000;

/**
 * The values a caller may see, as the file's rows, in batches (keyset over the values' unique
 * index, so that memory stays flat however many there are). The secretariat gets every value
 * (its working figure and status); a focal point their own member's; anyone else approved
 * figures only, of the indicators they may see (`coalition` ones need sign-in).
 */
export async function* exportValues(
  deps: Pick<ServiceDeps, 'db'>,
  auth: Auth,
  filters: ValueFilters,
): AsyncGenerator<ValueFileRow[]> {
  const secretariat = actsForEveryMember(auth);
  const own = secretariat ? null : memberOfFocalPoint(auth.user);
  const working = secretariat || own !== null;
  const conditions = [sql`true`];
  if (own) conditions.push(sql`v.member_id = ${own}`);
  if (!working) {
    conditions.push(sql`v.approved_value is not null`);
    conditions.push(sql`i.visibility in (${sql.join(visibilitiesOf(auth.user).map(sqlLiteral), sql`, `)})`);
  }
  if (filters.period) conditions.push(sql`v.period = ${filters.period}`);
  if (filters.indicator) conditions.push(sql`i.key = ${filters.indicator}`);
  if (filters.member) conditions.push(sql`m.code = ${filters.member}`);
  if (filters.lineOfEffort)
    conditions.push(sql`i.line_of_effort_id = (select id from lines_of_effort where key = ${filters.lineOfEffort})`);
  const where = sql.join(conditions, sql` and `);
  let after: [string, string, string] | null = null;
  for (;;) {
    const keyset = after
      ? sql`and (v.report_id, v.indicator_id, v.category) > (${after[0]}::uuid, ${after[1]}::uuid, ${after[2]})`
      : sql``;
    const { rows } = (await deps.db.execute(sql`
      select v.report_id, v.indicator_id, v.category, v.period, m.code as member, i.key as indicator,
             trim_scale(${working ? sql`v.value` : sql`v.approved_value`})::text as value,
             ${working ? sql`v.note` : sql`null::text`} as note,
             ${working ? sql`v.status` : sql`'approved'`} as status
        from report_values v join members m on m.id = v.member_id join indicators i on i.id = v.indicator_id
       where ${where} ${keyset}
       order by v.report_id, v.indicator_id, v.category
       limit ${EXPORT_BATCH}`)) as unknown as {
      rows: {
        report_id: string;
        indicator_id: string;
        category: string;
        period: string;
        member: string;
        indicator: string;
        value: string;
        note: string | null;
        status: string;
      }[];
    };
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      period: r.period,
      member: r.member,
      indicator: r.indicator,
      category: r.category || null,
      value: r.value,
      note: r.note,
      status: r.status,
    }));
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1];
    after = [last.report_id, last.indicator_id, last.category];
  }
}
