import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isOneOf, PLEDGE_KINDS, PLEDGE_STATUSES } from '../../../shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useSearchFilter } from '../../components/useSearchFilter.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { nameIn } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { useLinesOfEffort } from '../progress/progress.api.js';
import { canRecordPledges, PledgeAmount, PledgeStatusBadge } from './money.js';
import { PledgeTotalsPanel } from './PledgeTotals.js';
import { type PledgesFilter, usePledges } from './pledges.api.js';

function readFilter(params: URLSearchParams): PledgesFilter {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    member: params.get('member') || null,
    lineOfEffort: params.get('lineOfEffort') || null,
    status: isOneOf(PLEDGE_STATUSES, status) ? status : null,
    kind: isOneOf(PLEDGE_KINDS, kind) ? kind : null,
  };
}

/** Every pledge, public as OCHA FTS publishes them: filters, totals in US dollars, the list. */
export function PledgesPage() {
  const { t } = useTranslation('pledges');
  const f = useFormat();
  const me = useMe().data;
  const [params, setFilter] = useSearchFilter<keyof PledgesFilter>();
  const filter = readFilter(params);
  const pledges = usePledges(filter);
  const members = useMembers();
  const lines = useLinesOfEffort();
  const memberOptions = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ value: m.code, label: nameIn(m.names, m.name, f.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, f.language, f.locale],
  );
  return (
    <Stack gap="lg">
      <PageTitle title={t('title')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('intro')}</Text>
        </Stack>
        <Group gap="sm">
          {canUseSecretariat(me) ? (
            <Button component={Link} to="/secretariat/fx-rates" variant="default">
              {t('list.fxRates')}
            </Button>
          ) : null}
          {canRecordPledges(me) ? (
            <Button component={Link} to="/pledges/new">
              {t('list.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <PledgeTotalsPanel />
      <Title order={2} size="h3">
        {t('list.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} role="search" aria-label={t('list.filters')}>
        <NativeSelect
          label={t('list.member')}
          data={[{ value: '', label: t('list.allMembers') }, ...memberOptions]}
          value={filter.member ?? ''}
          onChange={(e) => setFilter('member', e.currentTarget.value)}
        />
        {lines.data ? (
          <NativeSelect
            label={t('list.lineOfEffort')}
            data={[
              { value: '', label: t('list.allLines') },
              ...lines.data.map((l) => ({ value: l.key, label: l.names[f.language] ?? l.names.en })),
            ]}
            value={filter.lineOfEffort ?? ''}
            onChange={(e) => setFilter('lineOfEffort', e.currentTarget.value)}
          />
        ) : null}
        <NativeSelect
          label={t('list.status')}
          data={[
            { value: '', label: t('list.allStatuses') },
            ...PLEDGE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          value={filter.status ?? ''}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('list.kind')}
          data={[
            { value: '', label: t('list.allKinds') },
            ...PLEDGE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ]}
          value={filter.kind ?? ''}
          onChange={(e) => setFilter('kind', e.currentTarget.value)}
        />
      </SimpleGrid>
      {pledges.isPending ? <Loading label={t('list.loading')} /> : null}
      {pledges.isError ? <ErrorAlert error={pledges.error} onRetry={() => pledges.refetch()} /> : null}
      {pledges.data && pledges.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{t('list.none')}</Text>
        </Paper>
      ) : null}
      {pledges.data && pledges.data.length > 0 ? (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
            <Table.Caption ta="start">{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.member')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('list.lineOfEffort')}</Table.Th>
                <Table.Th>{t('list.amount')}</Table.Th>
                <Table.Th visibleFrom="xs">{t('list.valueDate')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pledges.data.map((p) => (
                <Table.Tr key={p.id} data-pledge={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/pledges/${p.id}`} fw={600}>
                      <bdi>{nameIn(p.member.names, p.member.code, f.language)}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <bdi>{p.lineOfEffort}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <PledgeAmount pledge={p} />
                  </Table.Td>
                  <Table.Td visibleFrom="xs">{p.valueDate ? f.date(p.valueDate) : '—'}</Table.Td>
                  <Table.Td>
                    <PledgeStatusBadge status={p.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
