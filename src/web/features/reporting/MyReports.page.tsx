import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { useMe } from '../auth/auth.api.js';
import { usePeriods, useReportQueue } from './reporting.api.js';
import { StatusBadge } from './StatusBadge.js';

/** A focal point's reports: each open period with their member's report and its status. */
export function MyReportsPage() {
  const { t } = useTranslation('reporting');
  const f = useFormat();
  const me = useMe();
  const queue = useReportQueue({ period: null, status: null });
  const periods = usePeriods();
  if (me.isPending || queue.isPending || periods.isPending) return <Loading />;
  if (queue.isError) return <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} />;
  if (periods.isError) return <ErrorAlert error={periods.error} onRetry={() => periods.refetch()} />;
  const periodOf = new Map(periods.data.map((p) => [p.period, p]));
  const mine = queue.data.filter((r) => r.member.code === me.data?.memberCode || !me.data?.memberCode);
  return (
    <Stack gap="lg">
      <PageTitle title={t('mine.title')} />
      <Title order={1}>{t('mine.title')}</Title>
      <Text c="dimmed">{t('mine.intro')}</Text>
      {mine.length === 0 ? (
        <Alert color="gray">{t('mine.none')}</Alert>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.period')}</Table.Th>
              <Table.Th>{t('field.member')}</Table.Th>
              <Table.Th>{t('field.closesOn')}</Table.Th>
              <Table.Th>{t('field.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((r) => {
              const period = periodOf.get(r.period);
              return (
                <Table.Tr key={`${r.period} ${r.member.code}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${r.period}/${r.member.code}`}>
                      <bdi>{r.period}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.member.names[f.language] ?? r.member.names.en}</Table.Td>
                  <Table.Td>
                    {period ? f.date(period.closesOn) : ''}
                    {period?.locked ? ` · ${t('period.locked')}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
