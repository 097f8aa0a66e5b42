import { and, eq, sql } from 'drizzle-orm';
import type { IndicatorVisibility, MemberAggregation, PeriodType, TimeAggregation } from '../../shared/progress.js';
import { parsePeriod } from '../../shared/progress.js';
import {
  type IndicatorRow,
  indicators,
  indicatorTargets,
  reportingPeriods,
  reports,
  reportValues,
} from '../db/schema/progress.js';
import { refreshRollups } from '../modules/progress/rollups.js';
import { FIGURES_TAG, INDICATORS_TAG } from '../modules/progress/tags.js';
import { type Ctx, next } from './factories.js';
import { buildLineOfEffort } from './progress-factories.js';

/**
 * Factories for the dashboards' tests (figures): an indicator and approved values inserted with
 * drizzle, as the demo seed does, with the rollups refreshed in the same transaction as the
 * approving path does. The write side's API is another module's; these stand in for it.
 * Each call drops the app's read-cache tags it changed, as a write through the API would.
 */

export interface FiguresIndicatorOverrides {
  key?: string;
  lineOfEffortId?: string;
  memberAggregation?: MemberAggregation;
  timeAggregation?: TimeAggregation;
  periodType?: PeriodType;
  /** Category keys; names are made from them. */
  categories?: string[];
  visibility?: IndicatorVisibility;
  targets?: { period: string; value: number }[];
  unit?: string;
  unitTranslations?: { fr?: string; ar?: string };
  names?: { en: string; fr?: string; ar?: string };
}

/** An indicator with a fresh key (on a fresh line of effort unless one is named), and its targets. */
export async function buildFiguresIndicator(
  ctx: Ctx,
  overrides: FiguresIndicatorOverrides = {},
): Promise<IndicatorRow & { targets: { period: string; value: number }[] }> {
  const token = next().toLowerCase();
  const lineOfEffortId = overrides.lineOfEffortId ?? (await buildLineOfEffort(ctx)).id;
  const [row] = await ctx.database.db
    .insert(indicators)
    .values({
      key: overrides.key ?? `ind_${token}`,
      names: overrides.names ?? { en: `Indicator ${token}`, fr: `Indicateur ${token}`, ar: `مؤشر ${token}` },
      unit: overrides.unit ?? 'strikes',
      unitTranslations: overrides.unitTranslations ?? {},
      lineOfEffortId,
      memberAggregation: overrides.memberAggregation ?? 'sum',
      timeAggregation: overrides.timeAggregation ?? 'flow',
      periodType: overrides.periodType ?? 'month',
      categories: (overrides.categories ?? []).map((key) => ({
        key,
        names: { en: `Category ${key}`, fr: `Catégorie ${key}`, ar: `فئة ${key}` },
      })),
      visibility: overrides.visibility ?? 'public',
    })
    .returning();
  const targets = overrides.targets ?? [];
  if (targets.length > 0) {
    await ctx.database.db.insert(indicatorTargets).values(targets.map((t) => ({ indicatorId: row.id, ...t })));
  }
  ctx.app.cache.invalidate(INDICATORS_TAG);
  return { ...row, targets };
}

/** A value of a member's report: approved (it counts) unless `approved: false` (a draft: it must not). */
export interface FactoryValue {
  memberId: string;
  period: string;
  /** A category's key; none for an indicator without categories. */
  category?: string;
  value: number;
  note?: string;
  approved?: boolean;
}

/**
 * Writes values of members' reports for one indicator, as approved (or draft) figures, and
 * refreshes the rollups of the indicator-periods touched in the same transaction. A value
 * already there for the member, period and category is replaced.
 */
export async function approveValues(ctx: Ctx, indicatorId: string, values: readonly FactoryValue[]): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    for (const period of new Set(values.map((v) => v.period))) {
      const parsed = parsePeriod(period);
      if (!parsed) throw new Error(`factory: bad period ${period}`);
      await tx
        .insert(reportingPeriods)
        .values({
          period,
          type: parsed.type,
          startsOn: parsed.startsOn,
          endsOn: parsed.endsOn,
          closesOn: parsed.endsOn,
        })
        .onConflictDoNothing();
    }
    const reportIds = new Map<string, string>();
    for (const v of values) {
      const key = `${v.period} ${v.memberId}`;
      if (reportIds.has(key)) continue;
      await tx
        .insert(reports)
        .values({ period: v.period, memberId: v.memberId, status: 'approved' })
        .onConflictDoNothing();
      const [report] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.period, v.period), eq(reports.memberId, v.memberId)));
      reportIds.set(key, report.id);
    }
    for (const v of values) {
      const approved = v.approved ?? true;
      const row = {
        reportId: reportIds.get(`${v.period} ${v.memberId}`) as string,
        indicatorId,
        period: v.period,
        memberId: v.memberId,
        category: v.category ?? '',
        value: v.value,
        note: v.note ?? null,
        status: approved ? ('approved' as const) : ('draft' as const),
        approvedValue: approved ? v.value : null,
        approvedAt: approved ? new Date('2027-03-01T09:00:00Z') : null,
      };
      await tx
        .insert(reportValues)
        .values(row)
        .onConflictDoUpdate({
          target: [reportValues.reportId, reportValues.indicatorId, reportValues.category],
          set: {
            value: row.value,
            note: row.note,
            status: row.status,
            approvedValue: approved ? row.value : sql`${reportValues.approvedValue}`,
            approvedAt: approved ? row.approvedAt : sql`${reportValues.approvedAt}`,
          },
        });
    }
    await refreshRollups(
      tx,
      values.map((v) => ({ indicatorId, period: v.period })),
    );
  });
  ctx.app.cache.invalidate(FIGURES_TAG);
}
