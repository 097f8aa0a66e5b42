import { Alert, Button, FileInput, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/problem.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessage, useFormT } from '../../components/form-errors.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { badLine } from './pledge-form.js';
import { useFxRates, useImportFxRates } from './pledges.api.js';

/** The file's header and a line of it, as the import takes them (not words: they stay as they are in every language). */
const FX_EXAMPLE = 'date,currency,usd_per_unit\n2015-03-31,EUR,1.0759';

/** The bad lines of a refused file, line by line, in the reader's words. */
function BadLines({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation('pledges');
  const formT = useFormT();
  return (
    <Alert color="red" title={t('fx.badTitle', { count: errors.length })} role="alert">
      <Text size="sm" mb="xs">
        {t('fx.badText')}
      </Text>
      <Table verticalSpacing={4} data-testid="bad-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fx.line')}</Table.Th>
            <Table.Th>{t('fx.column')}</Table.Th>
            <Table.Th>{t('fx.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error) => {
            const where = badLine(error);
            return (
              <Table.Tr key={`${error.path}|${error.code}`}>
                <Table.Td>{where?.line ?? '—'}</Table.Td>
                <Table.Td>
                  <bdi>{where?.column ?? '—'}</bdi>
                </Table.Td>
                <Table.Td>{fieldMessage(formT, error)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** The secretariat's FX table: import a CSV of daily rates (all or nothing), and the rates kept. */
export function FxRatesPage() {
  const { t } = useTranslation('pledges');
  const common = useTranslation().t;
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [bad, setBad] = useState<FieldError[]>([]);
  const [currency, setCurrency] = useState('');
  const rates = useFxRates(currency || null);
  const all = useFxRates(null);
  const importRates = useImportFxRates();
  const currencies = useMemo(() => [...new Set((all.data ?? []).map((r) => r.currency))].sort(), [all.data]);
  const rateFormat = useMemo(() => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 12 }), [f.locale]);

  const submit = async () => {
    if (!file) return;
    setBad([]);
    const text = await file.text();
    importRates.mutate(text, {
      onSuccess: (result) => {
        notifications.show({
          color: 'green',
          message: t('fx.imported', { imported: result.imported, replaced: result.replaced }),
        });
        setFile(null);
      },
      onError: (error) => {
        if (isApiError(error, 400) && error.fieldErrors.length > 0) setBad(error.fieldErrors);
        else notifications.show({ color: 'red', title: t('fx.failed'), message: problemMessage(common, error) });
      },
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle title={t('fx.title')} />
      <Title order={1}>{t('fx.title')}</Title>
      <Text c="dimmed">{t('fx.intro')}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="fx-import-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="fx-import-heading">
            {t('fx.import')}
          </Title>
          <Text size="sm">{t('fx.format')}</Text>
          <Text component="pre" size="sm" ff="monospace" dir="ltr" ta="start" m={0}>
            {FX_EXAMPLE}
          </Text>
          <Group align="flex-end">
            <FileInput
              label={t('fx.file')}
              accept=".csv,text/csv"
              value={file}
              onChange={(value) => {
                setFile(value);
                setBad([]);
              }}
              clearable
              w={320}
            />
            <Button onClick={submit} disabled={!file} loading={importRates.isPending}>
              {t('fx.submit')}
            </Button>
          </Group>
          {bad.length > 0 ? <BadLines errors={bad} /> : null}
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="fx-table-heading">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id="fx-table-heading">
            {t('fx.table')}
          </Title>
          <NativeSelect
            label={t('fx.currency')}
            data={[{ value: '', label: t('fx.allCurrencies') }, ...currencies]}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
          />
        </Group>
        {rates.isPending ? <Loading label={t('fx.loading')} /> : null}
        {rates.isError ? <ErrorAlert error={rates.error} onRetry={() => rates.refetch()} /> : null}
        {rates.data && rates.data.length === 0 ? <Text>{t('fx.none')}</Text> : null}
        {rates.data && rates.data.length > 0 ? (
          <Table.ScrollContainer minWidth={320} type="native">
            <Table striped verticalSpacing={4} data-testid="fx-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fx.date')}</Table.Th>
                  <Table.Th>{t('fx.currency')}</Table.Th>
                  <Table.Th ta="end">{t('fx.rate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.data.map((r) => (
                  <Table.Tr key={`${r.currency}|${r.date}`}>
                    <Table.Td>{f.date(r.date)}</Table.Td>
                    <Table.Td>
                      <bdi>{r.currency}</bdi>
                    </Table.Td>
                    <Table.Td ta="end">{rateFormat.format(r.usdPerUnit)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Stack>
  );
}
