import { Anchor, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_STATUSES } from '../../../shared/enums.js';
import type { ReportStatus } from '../../../shared/progress.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { usePeriods, useReportQueue } from './reporting.api.js';
import { StatusBadge } from './StatusBadge.js';

/** The secretariat's queue: every member's report by period and status, submitted first to hand. */
export function ReportQueuePage() {
  const { t } = useTranslation('reporting');
  const f = useFormat();
  const periods = usePeriods();
  const [period, setPeriod] = useState<string>('');
  const [status, setStatus] = useState<ReportStatus | ''>('submitted');
  const chosen = period || periods.data?.[0]?.period || null;
  const queue = useReportQueue({ period: chosen, status: status || null });
  if (periods.isPending) return <Loading />;
  if (periods.isError) return <ErrorAlert error={periods.error} onRetry={() => periods.refetch()} />;
  return (
    <Stack gap="lg">
      <PageTitle title={t('queue.title')} />
      <Title order={1}>{t('queue.title')}</Title>
      <Group>
        <NativeSelect
          label={t('field.period')}
          value={chosen ?? ''}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          data={periods.data.map((p) => p.period)}
        />
        <NativeSelect
          label={t('field.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ReportStatus | '')}
          data={[
            { value: '', label: t('queue.anyStatus') },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </Group>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Text c="dimmed">{t('queue.none')}</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.member')}</Table.Th>
              <Table.Th>{t('field.period')}</Table.Th>
              <Table.Th>{t('field.status')}</Table.Th>
              <Table.Th>{t('queue.values')}</Table.Th>
              <Table.Th>{t('queue.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((r) => (
              <Table.Tr key={`${r.period} ${r.member.code}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/secretariat/reports/${r.period}/${r.member.code}`}>
                    {r.member.names[f.language] ?? r.member.names.en}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <bdi>{r.period}</bdi>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>{f.number(r.values)}</Table.Td>
                <Table.Td>{r.submittedAt ? f.dateTime(r.submittedAt) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
