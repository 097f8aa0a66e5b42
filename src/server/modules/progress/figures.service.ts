import type { FieldError } from '../../../shared/problem.js';
import type {
  ApprovedValueList,
  Breakdown,
  BreakdownQuery,
  HeadlineFigures,
  LineOfEffortFigures,
  MemberContributions,
  MemberRef,
  Series,
  SeriesQuery,
  ValuesQuery,
} from '../../../shared/progress.js';
import { requireVisible } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { fieldError, invalid, notFound, unknownMember } from '../../lib/errors.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { readMemberByCode } from '../members/members.repo.js';
import { MEMBERS_TAG } from '../members/members.service.js';
import {
  combineOverTime,
  comparePeriods,
  groupBy,
  isBackwards,
  type PeriodFigures,
  periodRange,
  seriesPoints,
} from './figures.compute.js';
import {
  type FiguresIndicator,
  readAllFiguresIndicators,
  readAllRollups,
  readApprovedValues,
  readCategoryRollups,
  readFiguresIndicator,
  readLineIndicators,
  readLineRollups,
  readMemberBreakdown,
  readMemberCategoryPeriods,
  readMemberIndicatorPeriods,
  readMemberPeriods,
  readRollups,
} from './figures.repo.js';
import { canSeeIndicator, visibilitiesOf } from './reporting.policy.js';
import { FIGURES_TAG, INDICATORS_TAG, LINES_TAG } from './tags.js';

/** What every figure depends on: approved values, the indicators' definitions, the lines' keys, the members' names. */
const TAGS = [FIGURES_TAG, INDICATORS_TAG, LINES_TAG, MEMBERS_TAG];
/** The points a line of effort's card draws. */
const CARD_POINTS = 24;

interface Filters {
  member?: string;
  category?: string;
  from?: string;
  to?: string;
}

/** What zod cannot check of a dashboard's filters: a category the indicator has, a range that runs forward. */
function checkFilters(indicator: FiguresIndicator, query: Filters): void {
  const errors: FieldError[] = [];
  if (query.category !== undefined) {
    const options = indicator.categories.map((c) => c.key);
    if (options.length === 0) {
      errors.push(fieldError('category', 'no_categories', 'the indicator has no categories'));
    } else if (!options.includes(query.category)) {
      errors.push(
        fieldError('category', 'unknown_category', `must be one of ${options.join(', ')}`, {
          category: query.category,
          options: options.join(', '),
        }),
      );
    }
  }
  if (isBackwards(query.from, query.to)) errors.push(fieldError('to', 'before_start', 'must not be before from'));
  if (errors.length > 0) throw invalid(errors);
}

const memberRef = (row: { code: string; nameEn: string; nameFr: string; nameAr: string }): MemberRef => ({
  code: row.code,
  names: { en: row.nameEn, fr: row.nameFr, ar: row.nameAr },
});

const filtersKey = (query: Filters & Record<string, unknown>) =>
  JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));

export function createFiguresService(deps: ServiceDeps) {
  const { read, cache } = deps;

  /** The indicator, or 404 when it is missing or the caller may not see it; its filters checked. */
  async function visibleIndicator(auth: Auth, key: string, query: Filters): Promise<FiguresIndicator> {
    // An unknown key throws inside the load: it is never kept, whoever asks for how many.
    const indicator = await cache.get([INDICATORS_TAG, LINES_TAG], `figures-indicator:${key}`, async () => {
      const row = await readFiguresIndicator(read, key);
      if (!row) throw notFound(`Indicator ${key}`);
      return row;
    });
    requireVisible(indicator, (i) => canSeeIndicator(auth.user, i), `Indicator ${key}`);
    checkFilters(indicator, query);
    return indicator;
  }

  /** The member a filter names (its id and names), null without one; 400 for a code nobody has. */
  async function filterMember(code: string | undefined) {
    if (code === undefined) return null;
    const row = await readMemberByCode(read, code);
    if (!row) throw invalid([unknownMember('member', code)]);
    return { id: row.id, ref: memberRef(row) };
  }

  const targetsOf = (indicator: FiguresIndicator) => new Map(indicator.targets.map((t) => [t.period, t.value]));

  /** The figures of the range combined, per category: the members' (rollups), or one member's own. */
  async function categoryPeriods(
    indicator: FiguresIndicator,
    memberId: string | null,
    category: string,
    range: { from: string; to: string },
  ) {
    return memberId
      ? readMemberCategoryPeriods(read, indicator.id, memberId, category, range)
      : readCategoryRollups(read, indicator.id, category, range);
  }

  return {
    /** An indicator's approved figures per period, combined over members, with running totals and targets. */
    async series(auth: Auth, key: string, query: SeriesQuery): Promise<Series> {
      const indicator = await visibleIndicator(auth, key, query);
      // Checked, the answer no longer depends on the caller: one entry serves everyone.
      return cache.get(TAGS, `series:${key}:${filtersKey(query)}`, async () => {
        const member = await filterMember(query.member);
        const range = periodRange(indicator.periodType, query.from, query.to);
        const category = query.category ?? '';
        const rows: PeriodFigures[] = member
          ? await readMemberPeriods(read, indicator.id, member.id, category, range)
          : await readRollups(read, indicator.id, category, range);
        const points = seriesPoints(rows, indicator, targetsOf(indicator));
        return {
          indicator: indicator.key,
          names: indicator.names,
          lineOfEffort: indicator.lineOfEffort,
          lineOfEffortNames: indicator.lineOfEffortNames,
          categories: indicator.categories,
          visibility: indicator.visibility,
          unit: indicator.unit,
          unitTranslations: indicator.unitTranslations,
          periodType: indicator.periodType,
          memberAggregation: indicator.memberAggregation,
          timeAggregation: indicator.timeAggregation,
          member: query.member ?? null,
          category: query.category ?? null,
          points,
          total: combineOverTime(points, indicator.timeAggregation)?.value ?? null,
          targets: indicator.targets.filter((t) => t.period >= range.from && t.period <= range.to),
        };
      });
    },

    /** An indicator's figures over a range per member or per category (flow: summed; stock: the latest), largest first. */
    async breakdown(auth: Auth, key: string, query: BreakdownQuery): Promise<Breakdown> {
      const indicator = await visibleIndicator(auth, key, query);
      return cache.get(TAGS, `breakdown:${key}:${filtersKey(query)}`, async () => {
        const member = await filterMember(query.member);
        const range = periodRange(indicator.periodType, query.from, query.to);
        const category = query.category ?? '';
        if (query.by === 'member') {
          const rows = await readMemberBreakdown(read, indicator.id, indicator.timeAggregation, {
            category,
            memberId: member?.id ?? null,
            ...range,
          });
          return {
            indicator: indicator.key,
            by: query.by,
            items: rows.map((row) => ({
              member: memberRef(row),
              category: query.category ?? null,
              value: row.value,
              through: row.through,
            })),
          };
        }
        const rows = await categoryPeriods(indicator, member?.id ?? null, category, range);
        const byCategory = groupBy(rows, (row) => row.category);
        const items = [...byCategory].flatMap(([name, periods]) => {
          const combined = combineOverTime(seriesPoints(periods, indicator, new Map()), indicator.timeAggregation);
          return combined ? [{ member: member?.ref ?? null, category: name, ...combined }] : [];
        });
        items.sort((a, b) => b.value - a.value || comparePeriods(a.category, b.category));
        return { indicator: indicator.key, by: query.by, items };
      });
    },

    /** The approved values a figure came from: newest period first, then by member and category. */
    async values(auth: Auth, key: string, query: ValuesQuery): Promise<ApprovedValueList> {
      const indicator = await visibleIndicator(auth, key, query);
      return cache.get(TAGS, `values:${key}:${filtersKey(query)}`, async () => {
        const member = await filterMember(query.member);
        const range = periodRange(indicator.periodType, query.period ?? query.from, query.period ?? query.to);
        const rows = await readApprovedValues(
          read,
          indicator.id,
          { category: query.category ?? '', memberId: member?.id ?? null, ...range },
          query.limit + 1,
        );
        return {
          items: rows.slice(0, query.limit).map((row) => ({
            period: row.period,
            member: memberRef(row),
            category: row.category === '' ? null : row.category,
            value: row.value,
            note: row.note,
            approvedAt: new Date(row.approvedAt).toISOString(),
          })),
          truncated: rows.length > query.limit,
        };
      });
    },

    /** Per indicator of a line of effort the caller may see: its latest figure, total and target, and its latest points. */
    async lineFigures(auth: Auth, lineKey: string): Promise<LineOfEffortFigures> {
      const visibilities = visibilitiesOf(auth.user);
      // The answer depends on the caller only through the visibilities they may read.
      return cache.get(TAGS, `line:${lineKey}:${visibilities.join(',')}`, async () => {
        const found = await readLineIndicators(read, lineKey);
        if (!found) throw notFound(`Line of effort ${lineKey}`);
        const rows = groupBy(await readLineRollups(read, lineKey), (row) => row.indicatorId);
        const items = found.indicators
          .filter((indicator) => visibilities.includes(indicator.visibility))
          .map((indicator) => {
            const targets = targetsOf(indicator);
            const points = seriesPoints(rows.get(indicator.id) ?? [], indicator, targets);
            const latest = points.at(-1);
            return {
              indicator: indicator.key,
              names: indicator.names,
              unit: indicator.unit,
              unitTranslations: indicator.unitTranslations,
              periodType: indicator.periodType,
              memberAggregation: indicator.memberAggregation,
              timeAggregation: indicator.timeAggregation,
              latest: latest ? { period: latest.period, value: latest.value, members: latest.members } : null,
              total: combineOverTime(points, indicator.timeAggregation)?.value ?? null,
              target: latest ? (targets.get(latest.period) ?? null) : null,
              points: points.slice(-CARD_POINTS).map((p) => ({ period: p.period, value: p.value })),
            };
          });
        return { lineOfEffort: found.line.key, names: found.line.names, items };
      });
    },

    /** Per indicator the caller may see that has approved values: its latest figure and its total over time (the home page). */
    async headline(auth: Auth): Promise<HeadlineFigures> {
      const visibilities = visibilitiesOf(auth.user);
      return cache.get(TAGS, `headline:${visibilities.join(',')}`, async () => {
        const indicators = (await readAllFiguresIndicators(read)).filter((i) => visibilities.includes(i.visibility));
        const rows = groupBy(await readAllRollups(read), (row) => row.indicatorId);
        const items = indicators.flatMap((indicator) => {
          const targets = targetsOf(indicator);
          const points = seriesPoints(rows.get(indicator.id) ?? [], indicator, targets);
          const latest = points.at(-1);
          if (!latest) return [];
          return [
            {
              indicator: indicator.key,
              names: indicator.names,
              unit: indicator.unit,
              unitTranslations: indicator.unitTranslations,
              lineOfEffort: indicator.lineOfEffort,
              lineOfEffortNames: indicator.lineOfEffortNames,
              periodType: indicator.periodType,
              memberAggregation: indicator.memberAggregation,
              timeAggregation: indicator.timeAggregation,
              latest: { period: latest.period, value: latest.value, members: latest.members },
              total: combineOverTime(points, indicator.timeAggregation)?.value ?? null,
              target: targets.get(latest.period) ?? null,
            },
          ];
        });
        return { items };
      });
    },

    /** A member's approved values per indicator the caller may see, combined over time; 404 for a code nobody has. */
    async memberContributions(auth: Auth, code: string): Promise<MemberContributions> {
      const visibilities = visibilitiesOf(auth.user);
      return cache.get(TAGS, `member:${code}:${visibilities.join(',')}`, async () => {
        const member = await readMemberByCode(read, code);
        if (!member) throw notFound(`Member ${code}`);
        const indicators = (await readAllFiguresIndicators(read)).filter((i) => visibilities.includes(i.visibility));
        const rows = groupBy(await readMemberIndicatorPeriods(read, member.id), (row) => row.indicatorId);
        const items = indicators.flatMap((indicator) => {
          const points = seriesPoints(rows.get(indicator.id) ?? [], indicator, new Map());
          const combined = combineOverTime(points, indicator.timeAggregation);
          if (!combined) return [];
          return [
            {
              indicator: indicator.key,
              names: indicator.names,
              unit: indicator.unit,
              unitTranslations: indicator.unitTranslations,
              lineOfEffort: indicator.lineOfEffort,
              lineOfEffortNames: indicator.lineOfEffortNames,
              timeAggregation: indicator.timeAggregation,
              value: combined.value,
              through: combined.through,
            },
          ];
        });
        return { member: member.code, items };
      });
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
