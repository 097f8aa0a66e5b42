import { Badge, Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportingPeriod } from '../../../shared/progress.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { useOpenPeriod, usePeriods, useReopenPeriod } from './reporting.api.js';

/** The secretariat opens periods for reporting and reopens a locked one until a later day. */
export function PeriodsPage() {
  const { t } = useTranslation('reporting');
  const f = useFormat();
  const periods = usePeriods();
  if (periods.isPending) return <Loading />;
  if (periods.isError) return <ErrorAlert error={periods.error} onRetry={() => periods.refetch()} />;
  return (
    <Stack gap="lg">
      <PageTitle title={t('periods.title')} />
      <Title order={1}>{t('periods.title')}</Title>
      <OpenPeriodForm />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.period')}</Table.Th>
            <Table.Th>{t('field.closesOn')}</Table.Th>
            <Table.Th>{t('periods.reports')}</Table.Th>
            <Table.Th>{t('periods.reopen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <bdi>{p.period}</bdi> <Badge variant="outline">{t(`periodType.${p.type}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {f.date(p.closesOn)} {p.locked ? <Badge color="gray">{t('period.locked')}</Badge> : null}
              </Table.Td>
              <Table.Td>
                {t('periods.counts', {
                  submitted: f.number(p.reports.submitted ?? 0),
                  approved: f.number(p.reports.approved ?? 0),
                  notStarted: f.number(p.reports.not_started ?? 0),
                })}
              </Table.Td>
              <Table.Td>
                <ReopenForm period={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function OpenPeriodForm() {
  const { t } = useTranslation('reporting');
  const open = useOpenPeriod();
  const form = useForm({ mode: 'controlled', initialValues: { period: '', closesOn: '' } });
  const submission = useFormSubmission(form, { record: 'period' });
  const submit = (values: { period: string; closesOn: string }) => {
    submission.send(open, values, () => {
      notifications.show({ color: 'green', message: t('periods.opened', { period: values.period }) });
      form.reset();
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('periods.open')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        <Group align="flex-end">
          <TextInput
            label={t('field.period')}
            description={t('periods.periodHelp')}
            required
            dir="ltr"
            {...form.getInputProps('period')}
          />
          <TextInput label={t('field.closesOn')} type="date" required {...form.getInputProps('closesOn')} />
          <Button type="submit" loading={open.isPending}>
            {t('periods.openSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ReopenForm({ period }: { period: ReportingPeriod }) {
  const { t } = useTranslation('reporting');
  const reopen = useReopenPeriod();
  const [closesOn, setClosesOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () =>
    reopen.mutate(
      { period: period.period, version: period.version, closesOn },
      {
        onSuccess: () => {
          setClosesOn('');
          setError(null);
          notifications.show({ color: 'green', message: t('periods.reopened', { period: period.period }) });
        },
        onError: () => setError(t('periods.notReopened')),
      },
    );
  return (
    <Group gap="xs" align="flex-start">
      <TextInput
        aria-label={t('periods.newClosesOn', { period: period.period })}
        type="date"
        size="xs"
        value={closesOn}
        error={error}
        onChange={(e) => setClosesOn(e.currentTarget.value)}
      />
      <Button size="xs" variant="light" onClick={submit} disabled={closesOn === ''} loading={reopen.isPending}>
        {t('periods.reopenSubmit')}
      </Button>
    </Group>
  );
}
