import type { FieldError } from '../../../shared/problem.js';
import {
  type CategoryAnswer,
  type CreateIndicatorBody,
  type Indicator,
  type IndicatorList,
  parsePeriod,
  type UpdateIndicatorBody,
} from '../../../shared/progress.js';
import { type IndicatorRow, indicators } from '../../db/schema/progress.js';
import { requireRole, requireVisible } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, fieldError, invalid } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { updateVersioned } from '../../lib/versioned-write.js';
import {
  allIndicators,
  type IndicatorWithLine,
  indicatorHasValues,
  insertIndicator,
  lineOfEffortIdByKey,
  lineOfEffortKeyById,
  lockIndicatorByKey,
  replaceTargets,
  targetsOf,
} from './indicators.repo.js';
import { canManageReporting, canSeeIndicator } from './reporting.policy.js';
import { INDICATORS_TAG, LINES_TAG } from './tags.js';

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

/** An indicator as the API shows it. */
export function toIndicator(row: IndicatorWithLine, targets: { period: string; value: number }[]): Indicator {
  return {
    id: row.id,
    key: row.key,
    names: row.names,
    unit: row.unit,
    unitTranslations: row.unitTranslations,
    lineOfEffort: row.lineOfEffort,
    memberAggregation: row.memberAggregation,
    timeAggregation: row.timeAggregation,
    periodType: row.periodType,
    categories: row.categories,
    visibility: row.visibility,
    targets,
    description: row.description,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  };
}

/** What zod cannot check of categories and targets: each category and each target's period once, targets of the indicator's period type. */
function checkCategoriesAndTargets(
  periodType: IndicatorRow['periodType'],
  categories: readonly { key: string }[] | undefined,
  targets: readonly { period: string }[] | undefined,
): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  (categories ?? []).forEach((c, i) => {
    if (seen.has(c.key)) {
      errors.push(fieldError(`categories.${i}.key`, 'category_twice', `lists ${c.key} twice`, { category: c.key }));
    }
    seen.add(c.key);
  });
  const periods = new Set<string>();
  (targets ?? []).forEach((t, i) => {
    const parsed = parsePeriod(t.period);
    if (parsed && parsed.type !== periodType) {
      errors.push(
        fieldError(`targets.${i}.period`, 'period_type_mismatch', `the indicator is reported by ${periodType}`, {
          periodType,
        }),
      );
    } else if (periods.has(t.period)) {
      errors.push(
        fieldError(`targets.${i}.period`, 'target_twice', `has two targets for ${t.period}`, { period: t.period }),
      );
    }
    periods.add(t.period);
  });
  if (errors.length > 0) throw invalid(errors);
}

const toCategories = (categories: CreateIndicatorBody['categories']): CategoryAnswer[] =>
  (categories ?? []).map((c) => ({ key: c.key, names: c.names }));

const unknownLine = (key: string) =>
  invalid([fieldError('lineOfEffort', 'unknown_line_of_effort', `no line of effort has key ${key}`, { key })]);

export function createIndicatorsService(deps: ServiceDeps) {
  const { db, cache } = deps;

  /** Every indicator with its targets: one load, shared by every reader until an indicator changes. */
  const everyIndicator = () =>
    cache.get([INDICATORS_TAG, LINES_TAG], 'all', async () => {
      const rows = await allIndicators(db);
      const targets = await targetsOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toIndicator(r, targets.get(r.id) ?? []));
    });

  async function viewOf(conn: Parameters<typeof targetsOf>[0], row: IndicatorRow): Promise<Indicator> {
    const lineOfEffort = await lineOfEffortKeyById(conn, row.lineOfEffortId);
    const targets = (await targetsOf(conn, [row.id])).get(row.id) ?? [];
    return toIndicator({ ...row, lineOfEffort }, targets);
  }

  return {
    /** The indicators the caller may see, by line of effort then key; `lineOfEffort` narrows them. */
    async listIndicators(auth: Auth, query: { lineOfEffort?: string }): Promise<IndicatorList> {
      const items = (await everyIndicator()).filter(
        (i) => canSeeIndicator(auth.user, i) && (!query.lineOfEffort || i.lineOfEffort === query.lineOfEffort),
      );
      return { items };
    },

    /** One indicator, or 404 when it does not exist or the caller may not see it. */
    async getIndicator(auth: Auth, key: string): Promise<Indicator> {
      const found = (await everyIndicator()).find((i) => i.key === key);
      return requireVisible(found, (i) => canSeeIndicator(auth.user, i), `Indicator ${key}`);
    },

    /** Defines an indicator (secretariat). */
    async createIndicator(auth: Auth, body: CreateIndicatorBody): Promise<Indicator> {
      requireRole(auth, canManageReporting, 'Only the secretariat defines indicators.');
      checkCategoriesAndTargets(body.periodType, body.categories, body.targets);
      return write(deps, [INDICATORS_TAG], async (tx) => {
        const lineOfEffortId = await lineOfEffortIdByKey(tx, body.lineOfEffort);
        if (!lineOfEffortId) throw unknownLine(body.lineOfEffort);
        const row = await insertIndicator(tx, {
          key: body.key,
          names: body.names,
          unit: body.unit,
          unitTranslations: body.unitTranslations ?? {},
          lineOfEffortId,
          memberAggregation: body.memberAggregation,
          timeAggregation: body.timeAggregation,
          periodType: body.periodType,
          categories: toCategories(body.categories),
          visibility: body.visibility,
          description: body.description ?? null,
        });
        if (!row) {
          throw new AppError('conflict', `An indicator with key ${body.key} already exists.`, {
            reason: 'indicator_key_taken',
            params: { key: body.key },
          });
        }
        await replaceTargets(tx, row.id, body.targets ?? []);
        const indicator = await viewOf(tx, row);
        await recordAudit(tx, auth, {
          action: 'indicator.created',
          entityType: 'indicator',
          entityId: row.id,
          after: indicator,
        });
        return indicator;
      });
    },

    /**
     * Changes an indicator (secretariat, If-Match). Names, unit, description, visibility, line of
     * effort and targets change freely; aggregation, period type and categories (their keys) only
     * while no member has reported a value of it (400 `fixed_once_reported`).
     */
    async updateIndicator(auth: Auth, key: string, version: number, body: UpdateIndicatorBody): Promise<Indicator> {
      requireRole(auth, canManageReporting, 'Only the secretariat changes indicators.');
      const { after } = await write(deps, [INDICATORS_TAG], (tx) =>
        updateVersioned(tx, deps, auth, {
          table: indicators,
          entity: 'indicator',
          action: 'indicator.updated',
          version,
          lock: () => lockIndicatorByKey(tx, key),
          view: (row) => viewOf(tx, row),
          change: async (current) => {
            const periodType = body.periodType ?? current.periodType;
            checkCategoriesAndTargets(periodType, body.categories, body.targets);
            const categories = body.categories ? toCategories(body.categories) : current.categories;
            const keysOf = (list: readonly CategoryAnswer[]) => JSON.stringify(list.map((c) => c.key).sort());
            const fixed: [string, boolean][] = [
              [
                'memberAggregation',
                (body.memberAggregation ?? current.memberAggregation) !== current.memberAggregation,
              ],
              ['timeAggregation', (body.timeAggregation ?? current.timeAggregation) !== current.timeAggregation],
              ['periodType', periodType !== current.periodType],
              ['categories', keysOf(categories) !== keysOf(current.categories)],
            ];
            const changed = fixed.filter(([, differs]) => differs).map(([path]) => path);
            if (changed.length > 0 && (await indicatorHasValues(tx, current.id))) {
              throw invalid(
                changed.map((path) =>
                  fieldError(path, 'fixed_once_reported', 'cannot change: members have reported values'),
                ),
              );
            }
            let lineOfEffortId = current.lineOfEffortId;
            if (body.lineOfEffort !== undefined) {
              const id = await lineOfEffortIdByKey(tx, body.lineOfEffort);
              if (!id) throw unknownLine(body.lineOfEffort);
              lineOfEffortId = id;
            }
            if (body.targets !== undefined) {
              await replaceTargets(tx, current.id, body.targets);
            } else if (periodType !== current.periodType) {
              // Targets of the old period type no longer fit.
              await replaceTargets(tx, current.id, []);
            }
            return {
              names: body.names ?? current.names,
              unit: body.unit ?? current.unit,
              // Sent, the translations replace the old ones (`{}` removes them).
              unitTranslations: body.unitTranslations ?? current.unitTranslations,
              lineOfEffortId,
              memberAggregation: body.memberAggregation ?? current.memberAggregation,
              timeAggregation: body.timeAggregation ?? current.timeAggregation,
              periodType,
              categories,
              visibility: body.visibility ?? current.visibility,
              description: body.description === undefined ? current.description : body.description,
            };
          },
        }),
      );
      return after;
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
