import { Button, Group, Input, Paper, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberKind } from '../../../shared/members.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useAddressParams } from '../../components/useSearchFilter.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { MembersTable } from './MembersTable.js';
import { MAP_HEIGHT, MAP_WIDTH } from './map-size.js';
import { useMembers } from './members.api.js';
import { filterMembers, type MembersFilter, readFilter, type SortKey, writeFilter } from './members-filter.js';

// The map and its atlas are the heaviest part of the app: loaded only on this page.
const WorldMap = lazy(() => import('./WorldMap.js'));

/** The registry: the world map of member states and a searchable, sortable table of every member. */
export function MembersPage() {
  const { t } = useTranslation(['members', 'enums']);
  const language = useLanguage();
  const f = useFormat();
  const [params, setParams] = useAddressParams();
  // The search box keeps its own state: a router update lands a moment later, and an input
  // controlled by the address bar alone would drop keys typed in between.
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const filter = { ...readFilter(params), q };
  const members = useMembers();

  // The values this page wrote to the address, oldest first. An address whose q is not one of
  // them came from elsewhere (the Members link, Back): the box follows it.
  const written = useRef<string[]>([]);
  const urlQ = params.get('q') ?? '';
  useEffect(() => {
    const index = written.current.indexOf(urlQ);
    if (index >= 0) written.current.splice(0, index + 1);
    else {
      written.current = [];
      setQ(urlQ);
    }
  }, [urlQ]);

  // Built on the address as it is when the update runs (useAddressParams), not as it was at the last render.
  const update = (change: Partial<MembersFilter>) => {
    if (change.q !== undefined) {
      setQ(change.q);
      written.current.push(change.q);
    }
    setParams((current) => writeFilter({ ...readFilter(current), ...change }));
  };

  const onSort = (column: SortKey) =>
    setParams((current) => {
      const now = readFilter(current);
      const direction = now.sort === column && now.direction === 'asc' ? 'desc' : 'asc';
      return writeFilter({ ...now, sort: column, direction });
    });

  const all = members.data ?? [];
  const shown = filterMembers([...all], filter, language);
  const searching = filter.q.trim() !== '' || filter.kind !== null;
  const highlighted = searching ? new Set(shown.map((m) => m.code)) : null;
  const active = all.filter((m) => m.status === 'active');
  const states = active.filter((m) => m.kind === 'state').length;
  const former = all.length - active.length;
  const order = t(`list.order.${filter.sort}.${filter.direction}`);
  const counts = {
    members: t('count.members', { count: active.length }),
    states: t('count.states', { count: states }),
    organizations: t('count.organizations', { count: active.length - states }),
    former: t('count.former', { count: former }),
  };

  return (
    <Stack gap="lg">
      <PageTitle title={t('list.title')} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          {members.data ? (
            <Text c="dimmed">{former > 0 ? t('list.summaryWithFormer', counts) : t('list.summary', counts)}</Text>
          ) : null}
        </Stack>
        {/* A plain link: the browser downloads the file (the open data's members dataset). */}
        <Button component="a" href="/api/v1/open-data/members.csv" download variant="default">
          {t('list.downloadCsv')}
        </Button>
      </Group>

      {members.isPending ? <Loading label={t('list.loading')} /> : null}
      {members.isError ? (
        <ErrorAlert error={members.error} title={t('list.notLoaded')} onRetry={() => members.refetch()} />
      ) : null}

      {members.data ? (
        <>
          <Paper withBorder p="sm" component="section" aria-label={t('list.mapRegion')}>
            <Suspense fallback={<Skeleton style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} />}>
              <WorldMap members={all} highlighted={highlighted} />
            </Suspense>
          </Paper>

          <Stack gap="sm" component="section" aria-label={t('list.tableRegion')}>
            <Group align="flex-end" gap="md" wrap="wrap">
              <TextInput
                type="search"
                label={t('list.search')}
                placeholder={t('list.searchPlaceholder')}
                value={filter.q}
                onChange={(event) => update({ q: event.currentTarget.value })}
                style={{ flex: '1 1 18rem' }}
                maxLength={100}
              />
              <Stack gap={4}>
                <Input.Label component="span" id="kind-filter-label">
                  {t('list.kind')}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby="kind-filter-label"
                  data={[
                    { value: 'all', label: t('list.allKinds') },
                    { value: 'state', label: t('enums:memberKindPlural.state') },
                    { value: 'organization', label: t('enums:memberKindPlural.organization') },
                  ]}
                  value={filter.kind ?? 'all'}
                  onChange={(value) => update({ kind: value === 'all' ? null : (value as MemberKind) })}
                />
              </Stack>
            </Group>

            <Text size="sm" aria-live="polite" role="status">
              {searching ? t('list.found', { count: shown.length, total: f.number(all.length) }) : null}
            </Text>

            {shown.length > 0 ? (
              <MembersTable
                members={shown}
                sort={filter.sort}
                direction={filter.direction}
                onSort={onSort}
                caption={searching ? t('list.captionFound', { order }) : t('list.captionAll', { order })}
              />
            ) : (
              <Paper withBorder p="lg">
                <Text>{t('list.noMatch')}</Text>
                <Button variant="subtle" mt="xs" onClick={() => update({ q: '', kind: null })}>
                  {t('list.clear')}
                </Button>
              </Paper>
            )}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
