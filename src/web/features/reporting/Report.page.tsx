import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Report, ReportValue, ValueRef } from '../../../shared/progress.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { entriesOf, type ReportRow, reportRows, rowKey, toPutBody } from './report-form.js';
import { useIndicators, useReport, useReportActions } from './reporting.api.js';
import { StatusBadge } from './StatusBadge.js';

/** A name or a period kept in its own direction inside a sentence (2030-06 stays 2030-06 in Arabic). */
const isolate = (text: string) => `\u2068${text}\u2069`;

interface Entries {
  entries: string[];
}

/**
 * A member's report for a period: the focal point enters figures (one row per indicator, or per
 * category) grouped by line of effort, saves a draft and submits; the secretariat reviews the
 * submitted values here too (approve all, approve or return one, return the report with a reason).
 */
export function ReportPage() {
  const { period = '', memberCode = '' } = useParams();
  const { t } = useTranslation('reporting');
  const me = useMe();
  const report = useReport(period, memberCode);
  const indicators = useIndicators();
  if (report.isPending || indicators.isPending || me.isPending) return <Loading />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => report.refetch()} />;
  if (indicators.isError) return <ErrorAlert error={indicators.error} onRetry={() => indicators.refetch()} />;
  const rows = reportRows(indicators.data, period);
  return (
    <Stack gap="lg">
      <PageTitle title={t('report.title', { period: isolate(period) })} />
      <ReportForm
        key={report.data.version}
        report={report.data}
        rows={rows}
        reviewer={canUseSecretariat(me.data)}
        reload={async () => (await report.refetch()).isSuccess}
      />
      {rows.length === 0 ? <Text c="dimmed">{t('report.noIndicators')}</Text> : null}
      <Text size="sm" c="dimmed">
        {t('report.statusOf', { status: t(`status.${report.data.status}`) })}
      </Text>
    </Stack>
  );
}

function ReportForm({
  report,
  rows,
  reviewer,
  reload,
}: {
  report: Report;
  rows: ReportRow[];
  reviewer: boolean;
  reload: () => Promise<boolean>;
}) {
  const { t } = useTranslation('reporting');
  const f = useFormat();
  const actions = useReportActions(report.period, report.member.code);
  const form = useForm<Entries>({ mode: 'controlled', initialValues: { entries: entriesOf(rows, report) } });
  const [rowOf, setRowOf] = useState<number[]>([]);
  const submission = useFormSubmission(form, {
    record: 'report',
    reload,
    fieldOf: (path) => {
      const m = /^values\.(\d+)/.exec(path);
      return m ? `entries.${rowOf[Number(m[1])] ?? 0}` : path;
    },
  });
  const [reason, setReason] = useState('');
  useEffect(() => form.setValues({ entries: entriesOf(rows, report) }), [rows, report, form.setValues]);

  const valueAt = useMemo(() => new Map(report.values.map((v) => [rowKey(v.indicator, v.category), v])), [report]);
  const memberName = report.member.names[f.language] ?? report.member.names.en;
  const underReview = report.status === 'submitted';
  const readOnly = (report.locked && !reviewer) || underReview;
  const submitted = report.values.filter((v) => v.status === 'submitted');
  const open = report.values.filter((v) => v.status === 'draft' || v.status === 'returned');

  const done = (message: string) => () => notifications.show({ color: 'green', message });
  const save = (values: Entries) => {
    submission.clear();
    const { body, rowOf: rows2 } = toPutBody(rows, values.entries, report);
    setRowOf(rows2);
    actions.save.mutate(
      { version: report.version, body },
      { onSuccess: done(t('report.saved')), onError: submission.fail },
    );
  };
  const submit = () => {
    submission.send(actions.submit, { version: report.version }, done(t('report.submitted')));
  };
  const approve = (values?: ValueRef[]) => {
    submission.send(actions.approve, { version: report.version, values }, done(t('review.approvedDone')));
  };
  const giveBack = (values?: ValueRef[]) => {
    submission.send(actions.giveBack, { version: report.version, reason, values }, () => {
      setReason('');
      done(t('review.returnedDone'))();
    });
  };
  const refOf = (v: ReportValue): ValueRef => ({ indicator: v.indicator, category: v.category });

  // One table per line of effort, in the order the indicators come.
  const groups = new Map<string, { row: ReportRow; index: number }[]>();
  rows.forEach((row, index) => {
    const list = groups.get(row.indicator.lineOfEffort) ?? [];
    list.push({ row, index });
    groups.set(row.indicator.lineOfEffort, list);
  });
  const busy = Object.values(actions).some((a) => a.isPending);

  return (
    <form onSubmit={form.onSubmit(save, focusFirstError)} noValidate>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>
              {t('report.heading', { member: isolate(memberName), period: isolate(report.period) })}
            </Title>
            <Group gap="xs">
              <StatusBadge status={report.status} />
              <Text size="sm" c="dimmed">
                {t('report.closesOn', { date: f.date(report.closesOn) })}
              </Text>
            </Group>
          </Stack>
        </Group>
        <FormBanner>{submission.banner}</FormBanner>
        {report.locked ? (
          <Alert color={reviewer ? 'yellow' : 'gray'} title={t('report.lockedTitle')} role="status">
            {reviewer ? t('report.lockedSecretariat') : t('report.lockedText', { date: f.date(report.closesOn) })}
          </Alert>
        ) : null}
        {underReview && !reviewer ? (
          <Alert color="violet" title={t('report.underReviewTitle')} role="status">
            {t('report.underReviewText')}
          </Alert>
        ) : null}
        {report.status === 'returned' && report.returnReason ? (
          <Alert
            color="orange"
            title={reviewer ? t('report.returnedToMember') : t('report.returnedTitle')}
            role="alert"
          >
            {report.returnReason}
          </Alert>
        ) : null}

        {[...groups.entries()].map(([line, items]) => (
          <Paper withBorder p="md" key={line} component="section" aria-label={line}>
            <Title order={2} size="h4" mb="sm">
              <bdi>{line}</bdi>
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.indicator')}</Table.Th>
                  <Table.Th w={180}>{t('field.value')}</Table.Th>
                  <Table.Th>{t('field.status')}</Table.Th>
                  {reviewer ? <Table.Th>{t('review.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map(({ row, index }) => {
                  const value = valueAt.get(rowKey(row.indicator.key, row.category));
                  const name = row.indicator.names[f.language] ?? row.indicator.names.en;
                  const category = row.category
                    ? row.indicator.categories.find((c) => c.key === row.category)?.names
                    : undefined;
                  const label = category ? `${name} — ${category[f.language] ?? category.en}` : name;
                  return (
                    <Table.Tr key={rowKey(row.indicator.key, row.category)}>
                      <Table.Td>
                        <Text size="sm">{label}</Text>
                        <Text size="xs" c="dimmed">
                          {f.unit(row.indicator)}
                        </Text>
                        {value?.status === 'returned' && value.returnReason ? (
                          <Text size="xs" c="orange.8">
                            {t('report.returnedBecause', { reason: value.returnReason })}
                          </Text>
                        ) : null}
                        {value && value.approvedValue !== null && value.status !== 'approved' ? (
                          <Text size="xs" c="dimmed">
                            {t('report.approvedFigure', { value: f.number(value.approvedValue) })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={label}
                          inputMode="decimal"
                          readOnly={readOnly}
                          variant={readOnly ? 'filled' : 'default'}
                          dir="ltr"
                          {...form.getInputProps(`entries.${index}`)}
                        />
                      </Table.Td>
                      <Table.Td>{value ? <StatusBadge status={value.status} /> : null}</Table.Td>
                      {reviewer ? (
                        <Table.Td>
                          {value?.status === 'submitted' ? (
                            <Group gap={4}>
                              <Button
                                size="compact-xs"
                                variant="light"
                                color="green"
                                disabled={busy}
                                onClick={() => approve([refOf(value)])}
                              >
                                {t('review.approve')}
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="light"
                                color="orange"
                                disabled={busy || reason.trim() === ''}
                                onClick={() => giveBack([refOf(value)])}
                              >
                                {t('review.return')}
                              </Button>
                            </Group>
                          ) : null}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}

        {readOnly ? null : (
          <Group>
            <Button type="submit" variant="default" loading={actions.save.isPending} disabled={busy}>
              {t('report.save')}
            </Button>
            <Button
              onClick={submit}
              loading={actions.submit.isPending}
              disabled={busy || open.length === 0 || form.isDirty()}
            >
              {t('report.submit')}
            </Button>
            {form.isDirty() ? <Badge variant="outline">{t('report.unsaved')}</Badge> : null}
          </Group>
        )}

        {reviewer && submitted.length > 0 ? (
          <Paper withBorder p="md" component="section" aria-labelledby="review-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="review-heading">
                {t('review.title')}
              </Title>
              <Text size="sm">{t('review.intro', { number: f.number(submitted.length) })}</Text>
              <Textarea
                label={t('review.reason')}
                description={t('review.reasonHelp')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
              />
              <Group>
                <Button color="green" onClick={() => approve()} loading={actions.approve.isPending} disabled={busy}>
                  {t('review.approveAll')}
                </Button>
                <Button
                  color="orange"
                  variant="light"
                  onClick={() => giveBack()}
                  loading={actions.giveBack.isPending}
                  disabled={busy || reason.trim() === ''}
                >
                  {t('review.returnAll')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </form>
  );
}
