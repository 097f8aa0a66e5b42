import { BarChart, CompositeChart, DonutChart, LineChart } from '@mantine/charts';
import {
  Anchor,
  Breadcrumbs,
  Button,
  ColorSwatch,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Breakdown, Series } from '../../../shared/progress.js';
import { IndicatorVisibility } from '../../../shared/progress.js';
import { isApiError } from '../../app/api.js';
import { CiteThis } from '../../components/CiteThis.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useSearchFilter } from '../../components/useSearchFilter.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { MAP_HEIGHT, MAP_WIDTH } from '../members/map-size.js';
import { nameIn } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { LazyCitations } from '../sources/LazyCitations.js';
import { ChartSection, Figure, useChartDirection } from './Charts.js';
import { DASHBOARD_FILTERS, type DashboardFilters, readFilters, valuesPath } from './dashboard-filters.js';
import { useBreakdown, useSeries } from './dashboards.api.js';
import { namesIn, usePeriodName } from './period-label.js';

// The map and its atlas are heavy: loaded with the dashboard's map only.
const WorldMap = lazy(() => import('../members/WorldMap.js'));

/** The filters of the dashboard: the range, a member, a category, kept in the address. */
function FiltersBar({
  series,
  filters,
  members,
}: {
  series: Series;
  filters: DashboardFilters;
  members: Breakdown | undefined;
}) {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const periodName = usePeriodName();
  const language = useLanguage();
  const [, set, clear] = useSearchFilter<keyof DashboardFilters>();
  const periods = series.points.map((p) => ({ value: p.period, label: periodName(p.period) }));
  const withCurrent = (value: string | undefined) =>
    value && !periods.some((p) => p.value === value) ? [{ value, label: periodName(value) }, ...periods] : periods;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} role="search" aria-label={t('dashboard.filters')}>
      <NativeSelect
        label={t('dashboard.from')}
        data={[{ value: '', label: t('dashboard.start') }, ...withCurrent(filters.from)]}
        value={filters.from ?? ''}
        onChange={(e) => set('from', e.currentTarget.value)}
      />
      <NativeSelect
        label={t('dashboard.to')}
        data={[{ value: '', label: t('dashboard.latest') }, ...withCurrent(filters.to)]}
        value={filters.to ?? ''}
        onChange={(e) => set('to', e.currentTarget.value)}
      />
      <NativeSelect
        label={t('dashboard.member')}
        data={[
          { value: '', label: t('dashboard.allMembers') },
          ...(members?.items ?? [])
            .flatMap((item) => (item.member ? [item.member] : []))
            .map((m) => ({ value: m.code, label: nameIn(m.names, m.code, language) }))
            .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
          ...(filters.member && !members?.items.some((i) => i.member?.code === filters.member)
            ? [{ value: filters.member, label: filters.member }]
            : []),
        ]}
        value={filters.member ?? ''}
        onChange={(e) => set('member', e.currentTarget.value)}
      />
      {series.categories.length > 0 ? (
        <NativeSelect
          label={t('dashboard.category')}
          data={[
            { value: '', label: t('dashboard.allCategories') },
            ...series.categories.map((c) => ({ value: c.key, label: namesIn(c.names, language) })),
          ]}
          value={filters.category ?? ''}
          onChange={(e) => set('category', e.currentTarget.value)}
        />
      ) : null}
      <Button
        variant="default"
        style={{ alignSelf: 'end' }}
        onClick={() => clear(DASHBOARD_FILTERS)}
        disabled={Object.keys(filters).length === 0}
      >
        {t('dashboard.reset')}
      </Button>
    </SimpleGrid>
  );
}

/** The series over time: the value per period against its target, then the running total (flow) or the stock. */
function OverTime({ series, filters }: { series: Series; filters: DashboardFilters }) {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const periodName = usePeriodName();
  const axes = useChartDirection();
  const key = series.indicator;
  const data = series.points.map((p) => ({
    period: p.period,
    value: p.value,
    cumulative: p.cumulative,
    target: p.target ?? undefined,
  }));
  const tick = (period: string) => periodName(period);
  const link = (period: string) => valuesPath(key, { ...filters, from: undefined, to: undefined, period });
  const flow = series.timeAggregation === 'flow';
  const table = (
    <Table.ScrollContainer minWidth={320} type="native" mah={420}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="start">{t('dashboard.overTimeCaption', { unit: f.unit(series) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.period')}</Table.Th>
            <Table.Th>{t('dashboard.value')}</Table.Th>
            <Table.Th>{flow ? t('dashboard.cumulative') : t('dashboard.stock')}</Table.Th>
            <Table.Th>{t('dashboard.target')}</Table.Th>
            <Table.Th>{t('dashboard.members')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.points.map((p) => (
            <Table.Tr key={p.period}>
              <Table.Td>{tick(p.period)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={link(p.period)}>
                  {f.number(p.value)}
                </Anchor>
              </Table.Td>
              <Table.Td>{f.number(p.cumulative)}</Table.Td>
              <Table.Td>{p.target === null ? '—' : f.number(p.target)}</Table.Td>
              <Table.Td>{f.number(p.members)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  const hasTargets = series.points.some((p) => p.target !== null);
  return (
    <>
      <ChartSection
        title={t('dashboard.overTime')}
        label={t('dashboard.overTimeLabel', { unit: f.unit(series), count: series.points.length })}
        table={table}
      >
        <CompositeChart
          h={280}
          data={data}
          dataKey="period"
          dir={axes.dir}
          xAxisProps={{ ...axes.xAxisProps, tickFormatter: tick }}
          yAxisProps={axes.yAxisProps}
          valueFormatter={f.number}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          connectNulls={false}
          series={[
            { name: 'value', label: t('dashboard.value'), color: 'blue.6', type: 'bar' },
            ...(hasTargets
              ? [{ name: 'target', label: t('dashboard.target'), color: 'red.6', type: 'line' as const }]
              : []),
          ]}
        />
      </ChartSection>
      <ChartSection
        title={flow ? t('dashboard.cumulativeTitle') : t('dashboard.stockTitle')}
        label={t('dashboard.cumulativeLabel', { unit: f.unit(series) })}
        table={table}
      >
        <LineChart
          h={220}
          data={data}
          dataKey="period"
          dir={axes.dir}
          xAxisProps={{ ...axes.xAxisProps, tickFormatter: tick }}
          yAxisProps={axes.yAxisProps}
          valueFormatter={f.number}
          curveType="linear"
          series={[
            { name: 'cumulative', label: flow ? t('dashboard.cumulative') : t('dashboard.stock'), color: 'teal.6' },
          ]}
        />
      </ChartSection>
    </>
  );
}

/** The figures over the range per member (bars) or per category (a donut), each linking to its values. */
function BreakdownSection({
  breakdown,
  series,
  filters,
}: {
  breakdown: Breakdown;
  series: Series;
  filters: DashboardFilters;
}) {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const periodName = usePeriodName();
  const language = useLanguage();
  const axes = useChartDirection();
  const byMember = breakdown.by === 'member';
  const categoryName = (key: string | null) => {
    const category = series.categories.find((c) => c.key === key);
    return category ? namesIn(category.names, language) : (key ?? '');
  };
  const rows = breakdown.items.map((item) => ({
    key: byMember ? (item.member?.code ?? '') : (item.category ?? ''),
    name: byMember && item.member ? nameIn(item.member.names, item.member.code, language) : categoryName(item.category),
    value: item.value,
    through: item.through,
    to: valuesPath(
      series.indicator,
      byMember ? { ...filters, member: item.member?.code } : { ...filters, category: item.category ?? undefined },
    ),
  }));
  const title = byMember ? t('dashboard.byMember') : t('dashboard.byCategory');
  const table = (
    <Table.ScrollContainer minWidth={320} type="native" mah={420}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="start">{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{byMember ? t('dashboard.member') : t('dashboard.category')}</Table.Th>
            <Table.Th>{t('dashboard.value')}</Table.Th>
            <Table.Th>{t('dashboard.throughHeader')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <bdi>{row.name}</bdi>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={row.to}>
                  {f.number(row.value)}
                </Anchor>
              </Table.Td>
              <Table.Td>{periodName(row.through)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  if (rows.length === 0) {
    return (
      <Paper withBorder p="md">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed">{t('dashboard.noValues')}</Text>
      </Paper>
    );
  }
  const colors = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6'];
  return (
    <ChartSection
      title={title}
      label={t(byMember ? 'dashboard.byMemberLabel' : 'dashboard.byCategoryLabel', { count: rows.length })}
      table={table}
    >
      {byMember ? (
        <BarChart
          h={Math.max(160, Math.min(rows.length, 15) * 28 + 40)}
          data={rows.slice(0, 15)}
          dataKey="name"
          orientation="vertical"
          dir={axes.dir}
          xAxisProps={axes.xAxisProps}
          yAxisProps={{ ...axes.yAxisProps, width: 140 }}
          valueFormatter={f.number}
          series={[{ name: 'value', label: t('dashboard.value'), color: 'blue.6' }]}
        />
      ) : (
        <Stack align="center" gap="sm">
          <DonutChart
            mx="auto"
            size={200}
            thickness={36}
            withLabelsLine={false}
            valueFormatter={f.number}
            withTooltip
            tooltipDataSource="segment"
            data={rows.map((row, i) => ({
              name: row.name,
              value: Math.max(0, row.value),
              color: colors[i % colors.length],
            }))}
          />
          <Group gap="md" justify="center" wrap="wrap">
            {rows.map((row, i) => (
              <Group key={row.key} gap={6} wrap="nowrap">
                <ColorSwatch
                  component="span"
                  color={`var(--mantine-color-${colors[i % colors.length].replace('.', '-')})`}
                  size={14}
                  radius={2}
                  withShadow={false}
                  aria-hidden="true"
                />
                <Text size="sm">
                  <bdi>{row.name}</bdi>
                </Text>
              </Group>
            ))}
          </Group>
        </Stack>
      )}
    </ChartSection>
  );
}

/** The map of the members whose approved values make the figures of the range. */
function ContributorsMap({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useTranslation('progress');
  const members = useMembers();
  const contributors = useMemo(
    () => new Set(breakdown.items.flatMap((item) => (item.member ? [item.member.code] : []))),
    [breakdown],
  );
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('dashboard.mapLabel')}>
      <Title order={2} size="h3" mb="xs">
        {t('dashboard.map', { count: contributors.size })}
      </Title>
      {members.data ? (
        <Suspense fallback={<Skeleton style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} />}>
          <WorldMap
            members={members.data}
            highlighted={contributors}
            keyLabels={{ highlighted: t('dashboard.mapContributing'), other: t('dashboard.mapOther') }}
          />
        </Suspense>
      ) : (
        <Skeleton style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} />
      )}
    </Paper>
  );
}

/** An indicator's dashboard: its series against targets, its total, its breakdowns and map, every figure linked to its values. */
export function IndicatorDashboardPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation(['progress', 'enums']);
  const f = useFormat();
  const periodName = usePeriodName();
  const language = useLanguage();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const { period: _period, ...rangeFilters } = filters;
  const series = useSeries(key, rangeFilters);
  // The periods to choose from: every one with values, whatever the range.
  const all = useSeries(key, {});
  const { member: _member, ...withoutMember } = rangeFilters;
  const byMember = useBreakdown(key, 'member', withoutMember);
  const hasCategories = (series.data?.categories.length ?? 0) > 0;
  const byCategory = useBreakdown(key, 'category', rangeFilters, hasCategories);

  if (series.isError && isApiError(series.error, 404)) return <NotFoundPage />;
  if (series.isError) return <ErrorAlert error={series.error} onRetry={() => series.refetch()} />;
  if (!series.data) return <Loading label={t('dashboard.loading')} />;
  const s = series.data;
  const name = namesIn(s.names, language);
  const first = s.points.at(0);
  const last = s.points.at(-1);
  const range = {
    from: rangeFilters.from,
    to: rangeFilters.to,
    member: rangeFilters.member,
    category: rangeFilters.category,
  };
  const memberName = (() => {
    const found = byMember.data?.items.find((i) => i.member?.code === filters.member)?.member;
    return found ? nameIn(found.names, found.code, language) : filters.member;
  })();

  return (
    <Stack gap="lg">
      <PageTitle title={name} />
      <Breadcrumbs>
        <Anchor component={Link} to={`/lines-of-effort/${encodeURIComponent(s.lineOfEffort)}/dashboard`}>
          <bdi>{namesIn(s.lineOfEffortNames, language)}</bdi>
        </Anchor>
        <Text>{t('dashboard.indicator')}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>{name}</Title>
        <Text c="dimmed">
          {t('dashboard.definition', {
            unit: f.unit(s),
            members: t(`dashboard.memberAggregation.${s.memberAggregation}`),
            time: t(`dashboard.timeAggregation.${s.timeAggregation}`),
            period: t(`dashboard.periodType.${s.periodType}`),
          })}
        </Text>
        {filters.member ? <Text>{t('dashboard.forMember', { member: memberName })}</Text> : null}
      </Stack>
      {all.data ? <FiltersBar series={all.data} filters={rangeFilters} members={byMember.data} /> : null}
      <SimpleGrid cols={{ base: 1, xs: 3 }} component="section" aria-label={t('dashboard.figures')}>
        <Figure
          label={
            s.timeAggregation === 'flow'
              ? first
                ? t('dashboard.totalSince', { unit: f.unit(s), since: periodName(first.period) })
                : t('dashboard.total', { unit: f.unit(s) })
              : t('dashboard.latestStock', { unit: f.unit(s) })
          }
          value={s.total === null ? '—' : f.number(s.total)}
          to={valuesPath(key, range)}
          note={last ? t('dashboard.through', { period: periodName(last.period) }) : undefined}
        />
        <Figure
          label={last ? t('dashboard.latestPeriod', { period: periodName(last.period) }) : t('dashboard.noValues')}
          value={last ? f.number(last.value) : '—'}
          to={valuesPath(key, { ...range, from: undefined, to: undefined, period: last?.period })}
          note={last?.target != null ? t('dashboard.againstTarget', { target: f.number(last.target) }) : undefined}
        />
        <Figure
          label={t('dashboard.contributing')}
          value={byMember.data ? f.number(byMember.data.items.length) : '—'}
          to={valuesPath(key, range)}
        />
      </SimpleGrid>
      {s.points.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{t('dashboard.noValues')}</Text>
        </Paper>
      ) : (
        <OverTime series={s} filters={rangeFilters} />
      )}
      <SimpleGrid cols={{ base: 1, md: hasCategories ? 2 : 1 }}>
        {byMember.data ? <BreakdownSection breakdown={byMember.data} series={s} filters={withoutMember} /> : null}
        {hasCategories && byCategory.data ? (
          <BreakdownSection breakdown={byCategory.data} series={s} filters={rangeFilters} />
        ) : null}
      </SimpleGrid>
      {byMember.data ? <ContributorsMap breakdown={byMember.data} /> : null}
      {s.visibility === IndicatorVisibility.enum.public ? (
        <CiteThis title={name} date={null} dateLabel={last ? periodName(last.period) : undefined} />
      ) : null}
      <LazyCitations subject="indicator" subjectKey={key} />
    </Stack>
  );
}
