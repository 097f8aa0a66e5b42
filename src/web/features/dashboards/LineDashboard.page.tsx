import { Sparkline } from '@mantine/charts';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IndicatorFigures } from '../../../shared/progress.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import './dashboards.css';
import { useChartDirection } from './Charts.js';
import { dashboardPath } from './dashboard-filters.js';
import { useLineFigures } from './dashboards.api.js';
import { namesIn, usePeriodName } from './period-label.js';

/** One indicator of the line: its latest value, total and target, a small chart, and a link to its dashboard. */
function IndicatorCard({ item }: { item: IndicatorFigures }) {
  const { t } = useTranslation('progress');
  const f = useFormat();
  const periodName = usePeriodName();
  const language = useLanguage();
  const { dir } = useChartDirection();
  const name = namesIn(item.names, language);
  // The sparkline has no axis: in Arabic its time runs from right to left as the page does.
  const values = item.points.map((p) => p.value);
  return (
    <Paper withBorder p="md" component="article" className="indicator-card">
      <Stack gap={6}>
        <Anchor component={Link} to={dashboardPath(item.indicator)} fw={600}>
          <bdi>{name}</bdi>
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('dashboard.definition', {
            unit: f.unit(item),
            members: t(`dashboard.memberAggregation.${item.memberAggregation}`),
            time: t(`dashboard.timeAggregation.${item.timeAggregation}`),
            period: t(`dashboard.periodType.${item.periodType}`),
          })}
        </Text>
        {item.latest ? (
          <dl className="card-figures">
            <div>
              <dt>{t('dashboard.latestPeriod', { period: periodName(item.latest.period) })}</dt>
              <dd>{f.number(item.latest.value)}</dd>
            </div>
            <div>
              <dt>
                {item.timeAggregation === 'flow'
                  ? t('dashboard.total', { unit: f.unit(item) })
                  : t('dashboard.latestStock', { unit: f.unit(item) })}
              </dt>
              <dd>{item.total === null ? '—' : f.number(item.total)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.target')}</dt>
              <dd>{item.target === null ? '—' : f.number(item.target)}</dd>
            </div>
          </dl>
        ) : (
          <Text>{t('dashboard.noValues')}</Text>
        )}
        {values.length > 1 ? (
          <div aria-hidden="true" style={{ transform: dir === 'rtl' ? 'scaleX(-1)' : undefined }}>
            <Sparkline h={48} data={values} curveType="linear" color="blue.6" fillOpacity={0.3} strokeWidth={2} />
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A line of effort's dashboard: each of its indicators the reader may see, as a card. */
export function LineDashboardPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation('progress');
  const language = useLanguage();
  const figures = useLineFigures(key);
  if (figures.isError && isApiError(figures.error, 404)) return <NotFoundPage />;
  if (figures.isError) return <ErrorAlert error={figures.error} onRetry={() => figures.refetch()} />;
  if (!figures.data) return <Loading label={t('dashboard.loading')} />;
  const name = namesIn(figures.data.names, language);
  return (
    <Stack gap="lg">
      <PageTitle title={t('dashboard.lineTitle', { line: name })} />
      <Title order={1}>{t('dashboard.lineTitle', { line: name })}</Title>
      {figures.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{t('dashboard.noIndicators')}</Text>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {figures.data.items.map((item) => (
            <IndicatorCard key={item.indicator} item={item} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
