import { Anchor, Breadcrumbs, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { nameIn } from '../members/member-name.js';
import { dashboardPath, readFilters } from './dashboard-filters.js';
import { useApprovedValues, useSeries } from './dashboards.api.js';
import { namesIn, usePeriodName } from './period-label.js';

/** The approved values a figure of the dashboard came from: member, period, category, value, source, approval. */
export function IndicatorValuesPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation('progress');
  const f = useFormat();
  const periodName = usePeriodName();
  const language = useLanguage();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const series = useSeries(key, {});
  const values = useApprovedValues(key, filters);

  const failed = values.error ?? series.error;
  if (failed && isApiError(failed, 404)) return <NotFoundPage />;
  if (failed) return <ErrorAlert error={failed} onRetry={() => values.refetch()} />;
  if (!values.data || !series.data) return <Loading label={t('dashboard.loading')} />;
  const s = series.data;
  const name = namesIn(s.names, language);
  const categoryName = (category: string | null) => {
    const found = s.categories.find((c) => c.key === category);
    return found ? namesIn(found.names, language) : '—';
  };
  const scope = [
    filters.period ? periodName(filters.period) : null,
    filters.from ? t('dashboard.fromPeriod', { period: periodName(filters.from) }) : null,
    filters.to ? t('dashboard.toPeriod', { period: periodName(filters.to) }) : null,
    filters.member ?? null,
    filters.category ? categoryName(filters.category) : null,
  ].filter((part): part is string => part !== null);
  const { period: _period, ...back } = filters;

  return (
    <Stack gap="lg">
      <PageTitle title={t('dashboard.valuesTitle', { indicator: name })} />
      <Breadcrumbs>
        <Anchor component={Link} to={dashboardPath(key, back)}>
          <bdi>{name}</bdi>
        </Anchor>
        <Text>{t('dashboard.values')}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>{t('dashboard.valuesTitle', { indicator: name })}</Title>
        <Text c="dimmed">{scope.length > 0 ? f.list(scope) : t('dashboard.allValues')}</Text>
      </Stack>
      {values.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{t('dashboard.noValues')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
            <Table.Caption ta="start">{t('dashboard.valuesCaption', { unit: f.unit(s) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.member')}</Table.Th>
                <Table.Th>{t('dashboard.period')}</Table.Th>
                {s.categories.length > 0 ? <Table.Th>{t('dashboard.category')}</Table.Th> : null}
                <Table.Th>{t('dashboard.value')}</Table.Th>
                <Table.Th>{t('dashboard.note')}</Table.Th>
                <Table.Th>{t('dashboard.approvedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.data.items.map((v) => (
                <Table.Tr key={`${v.period} ${v.member.code} ${v.category ?? ''}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/members/${encodeURIComponent(v.member.code)}`}>
                      <bdi>{nameIn(v.member.names, v.member.code, language)}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{periodName(v.period)}</Table.Td>
                  {s.categories.length > 0 ? <Table.Td>{categoryName(v.category)}</Table.Td> : null}
                  <Table.Td>{f.number(v.value)}</Table.Td>
                  <Table.Td>{v.note ? <bdi>{v.note}</bdi> : '—'}</Table.Td>
                  <Table.Td>{f.dateTime(v.approvedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {values.data.truncated ? (
        <Text c="dimmed">{t('dashboard.truncated', { count: values.data.items.length })}</Text>
      ) : null}
    </Stack>
  );
}
