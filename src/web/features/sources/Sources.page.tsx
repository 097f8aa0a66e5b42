import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useSearchFilter } from '../../components/useSearchFilter.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { useMeetingList } from '../meetings/meetings.api.js';
import { nameIn } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { SourceEntry } from './SourceEntry.js';
import { useSources } from './sources.api.js';

type Filter = 'member' | 'meeting';

/**
 * Sources and press: what the coalition's figures and facts come from, and what the press wrote
 * about it. The press list filters by member and meeting, in the address so that it can be shared;
 * each entry has its own anchor (`/sources#<id>`), where the citations on other pages point.
 */
export function SourcesPage() {
  const { t } = useTranslation('sources');
  const f = useFormat();
  const me = useMe().data;
  const editable = canUseSecretariat(me);
  const [params, setFilter] = useSearchFilter<Filter>();
  const member = params.get('member') || null;
  const meeting = params.get('meeting') || null;
  const press = useSources({ kind: 'press', member, meeting });
  const register = useSources({ kind: 'source' });
  const members = useMembers();
  const meetings = useMeetingList(null, {});
  const byCode = useMemo(
    () => (members.data ? new Map<string, Member>(members.data.map((m) => [m.code, m])) : null),
    [members.data],
  );
  const memberOptions = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ value: m.code, label: nameIn(m.names, m.name, f.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, f.language, f.locale],
  );
  const meetingOptions = useMemo(
    () => (meetings.data ?? []).map((m) => ({ value: m.id, label: `${f.date(m.startDate)} · ${m.title}` })),
    [meetings.data, f],
  );

  // An address with an entry's anchor: once the lists are there, the entry is brought into view.
  const { hash } = useLocation();
  const loaded = Boolean(press.data && register.data);
  useEffect(() => {
    if (!loaded || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);

  return (
    <Stack gap="lg">
      <PageTitle title={t('title')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('intro')}</Text>
        </Stack>
        {editable ? (
          <Button component={Link} to="/secretariat/sources/new">
            {t('add')}
          </Button>
        ) : null}
      </Group>

      <Stack gap="sm" component="section" aria-labelledby="press-heading">
        <Title order={2} size="h3" id="press-heading">
          {t('press.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} role="search" aria-label={t('press.filters')}>
          <NativeSelect
            label={t('press.member')}
            data={[{ value: '', label: t('press.allMembers') }, ...memberOptions]}
            value={member ?? ''}
            onChange={(e) => setFilter('member', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('press.meeting')}
            data={[{ value: '', label: t('press.allMeetings') }, ...meetingOptions]}
            value={meeting ?? ''}
            onChange={(e) => setFilter('meeting', e.currentTarget.value)}
          />
        </SimpleGrid>
        {press.isPending ? <Loading label={t('loading')} /> : null}
        {press.isError ? <ErrorAlert error={press.error} onRetry={() => press.refetch()} /> : null}
        {press.data ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('press.count', { count: press.data.length })}
          </Text>
        ) : null}
        {press.data && press.data.length === 0 ? (
          <Paper withBorder p="md">
            <Text>{t('press.none')}</Text>
            {member || meeting ? (
              <Anchor component={Link} to="/sources" size="sm">
                {t('press.clear')}
              </Anchor>
            ) : null}
          </Paper>
        ) : null}
        {press.data?.map((source) => (
          <SourceEntry key={source.id} source={source} members={byCode} editable={editable} />
        ))}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="register-heading">
        <Title order={2} size="h3" id="register-heading">
          {t('register.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('register.intro')}
        </Text>
        {register.isPending ? <Loading label={t('loading')} /> : null}
        {register.isError ? <ErrorAlert error={register.error} onRetry={() => register.refetch()} /> : null}
        {register.data?.map((source) => (
          <SourceEntry key={source.id} source={source} members={byCode} editable={editable} />
        ))}
      </Stack>
    </Stack>
  );
}
