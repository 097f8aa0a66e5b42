import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, List, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeTotals as Totals } from '../../../shared/pledges.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useFormat } from '../../i18n/format.js';
import { nameIn } from '../members/member-name.js';
import { useMoney } from './money.js';
import { usePledgeTotals } from './pledges.api.js';

const SERIES = [
  { name: 'pledgedUsd', color: 'gray.5' },
  { name: 'committedUsd', color: 'blue.6' },
  { name: 'disbursedUsd', color: 'teal.6' },
] as const;

/** Rates the totals needed and the FX table lacks: said plainly, with what it means. */
function MissingRates({ totals }: { totals: Totals }) {
  const { t } = useTranslation('pledges');
  const f = useFormat();
  if (totals.missingRates.length === 0) return null;
  return (
    <Alert color="yellow" title={t('totals.missingTitle', { count: totals.missingRates.length })} role="status">
      <Text size="sm">{t('totals.missingText')}</Text>
      <List size="sm" mt="xs">
        {totals.missingRates.map((r) => (
          <List.Item key={`${r.currency}|${r.date}`}>
            <bdi>{r.currency}</bdi> · {f.date(r.date)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Pledged vs committed vs disbursed in US dollars, by member or by line of effort: bars and a table. */
export function PledgeTotalsPanel() {
  const { t } = useTranslation('pledges');
  const f = useFormat();
  const money = useMoney();
  const [by, setBy] = useState<Totals['by']>('member');
  const totals = usePledgeTotals(by);
  const rtl = f.language === 'ar';
  const label = (item: Totals['items'][number]) =>
    item.member ? nameIn(item.member.names, item.member.code, f.language) : (item.lineOfEffort ?? '');
  const data = (totals.data?.items ?? []).map((item) => ({ name: label(item), ...item }));
  const compact = new Intl.NumberFormat(f.locale, { notation: 'compact', style: 'currency', currency: 'USD' });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="totals-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="totals-heading">
          {t('totals.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('totals.intro')}
        </Text>
        <SegmentedControl
          value={by}
          onChange={(value) => setBy(value as Totals['by'])}
          data={[
            { value: 'member', label: t('totals.byMember') },
            { value: 'lineOfEffort', label: t('totals.byLine') },
          ]}
          aria-label={t('totals.by')}
          w="fit-content"
        />
        {totals.isPending ? <Loading label={t('totals.loading')} /> : null}
        {totals.isError ? <ErrorAlert error={totals.error} onRetry={() => totals.refetch()} /> : null}
        {totals.data ? <MissingRates totals={totals.data} /> : null}
        {totals.data && data.length === 0 ? <Text>{t('totals.none')}</Text> : null}
        {data.length > 0 ? (
          <>
            {/* Bars grow from the reading side: in Arabic the amounts run right to left, names on the right. */}
            <BarChart
              h={Math.max(160, 56 * data.length + 60)}
              data={data}
              dataKey="name"
              orientation="vertical"
              series={SERIES.map((s) => ({ ...s, label: t(`totals.${s.name}`) }))}
              withLegend
              legendProps={{ verticalAlign: 'top' }}
              valueFormatter={(value) => money.usd(value)}
              xAxisProps={{ reversed: rtl, tickFormatter: (value: number) => compact.format(value) }}
              // Right to left, the names stand on the right of the bars, which grow from the right.
              yAxisProps={{ width: 140, orientation: rtl ? 'right' : 'left' }}
              // Hidden from assistive technology (the table below says the same), so nothing in it takes focus.
              accessibilityLayer={false}
              aria-hidden="true"
            />
            <Table.ScrollContainer minWidth={520} type="native">
              <Table striped verticalSpacing="xs" captionSide="top" data-testid="totals-table">
                <Table.Caption ta="start">{t('totals.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{by === 'member' ? t('list.member') : t('list.lineOfEffort')}</Table.Th>
                    <Table.Th ta="end">{t('totals.pledgedUsd')}</Table.Th>
                    <Table.Th ta="end">{t('totals.committedUsd')}</Table.Th>
                    <Table.Th ta="end">{t('totals.disbursedUsd')}</Table.Th>
                    <Table.Th ta="end">{t('totals.inKind')}</Table.Th>
                    <Table.Th ta="end">{t('totals.unconverted')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((item) => (
                    <Table.Tr key={item.member?.code ?? item.lineOfEffort}>
                      <Table.Td>
                        <bdi>{item.name}</bdi>
                      </Table.Td>
                      <Table.Td ta="end">{money.usd(item.pledgedUsd)}</Table.Td>
                      <Table.Td ta="end">{money.usd(item.committedUsd)}</Table.Td>
                      <Table.Td ta="end">{money.usd(item.disbursedUsd)}</Table.Td>
                      <Table.Td ta="end">{f.number(item.inKind)}</Table.Td>
                      <Table.Td ta="end">{f.number(item.unconverted)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
