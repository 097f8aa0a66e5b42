import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_KINDS } from '../../../shared/enums.js';
import type { MeetingSummary } from '../../../shared/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useAddressParams } from '../../components/useSearchFilter.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { useMemberName } from '../members/member-name.js';
import { useMembers } from '../members/members.api.js';
import { CalendarSubscription } from './CalendarSubscription.js';
import { StatusBadge } from './MeetingBadges.js';
import { meetingDateTime, useMeetingTime } from './meeting-time.js';
import { useMeetingList, type When } from './meetings.api.js';
import {
  emptyMeetingsFilter,
  filterChoices,
  isFiltered,
  type MeetingsFilter,
  meetingsQuery,
  readMeetingsFilter,
} from './meetings-filter.js';
import { NotKnown } from './NotKnown.js';

function MeetingRow({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const time = useMeetingTime();
  const listTime = time.listTime(meeting);
  const kind = t(`enums:meetingKind.${meeting.kind}`);
  return (
    <Table.Tr data-meeting={meeting.id}>
      <Table.Td className="date-cell">
        <time dateTime={meetingDateTime(meeting)}>{time.dates(meeting)}</time>
        {listTime ? (
          <Text size="sm" c="dimmed">
            {listTime}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600}>
          <LocalizedTitle
            title={meeting.title}
            titleTranslations={meeting.titleTranslations}
            language={meeting.workingLanguage}
          />
        </Anchor>
        {meeting.visibility !== 'public' ? (
          <Badge ms="xs" size="sm" variant="outline" color="grape">
            {t(`enums:visibility.${meeting.visibility}`)}
          </Badge>
        ) : null}
        {/* On a phone the Kind, City and Status columns give way; what they say stays under the title. */}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {[kind, meeting.city].filter(Boolean).join(' · ')}
          <Text span size="xs" hiddenFrom="xs">
            {` · ${t(`enums:meetingStatus.${meeting.status}`)}`}
          </Text>
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        {kind}
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ verticalAlign: 'top' }}>
        {meeting.city ? <bdi>{meeting.city}</bdi> : <NotKnown />}
      </Table.Td>
      <Table.Td visibleFrom="xs" style={{ verticalAlign: 'top' }}>
        <StatusBadge status={meeting.status} />
      </Table.Td>
    </Table.Tr>
  );
}

function MeetingsSection({ when, filter }: { when: When; filter: MeetingsFilter }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const meetings = useMeetingList(when, filter);
  const kind = filter.kind;
  const headingId = `meetings-${when}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t(`list.${when}.title`)}
        {meetings.data ? (
          <Text span c="dimmed" fw={400} ms="xs">
            ({f.number(meetings.data.length)})
          </Text>
        ) : null}
      </Title>
      {meetings.isPending ? <Loading label={t(`list.${when}.loading`)} /> : null}
      {meetings.isError ? (
        <ErrorAlert error={meetings.error} title={t('list.notLoaded')} onRetry={() => meetings.refetch()} />
      ) : null}
      {meetings.data && meetings.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text>
            {isFiltered({ ...filter, kind: null })
              ? t(`list.${when}.noneFiltered`)
              : kind
                ? t(`list.${when}.noneOfKind`, {
                    kind: t(`enums:meetingKind.${kind}`).toLocaleLowerCase(f.locale),
                  })
                : t(`list.${when}.none`)}
          </Text>
        </Paper>
      ) : null}
      {meetings.data && meetings.data.length > 0 ? (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
            <Table.Caption ta="start">{t(`list.${when}.caption`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.date')}</Table.Th>
                <Table.Th>{t('list.meeting')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('list.kind')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('list.city')}</Table.Th>
                <Table.Th visibleFrom="xs">{t('list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.map((meeting) => (
                <MeetingRow key={meeting.id} meeting={meeting} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** Search words, year, kind, city and invited member: kept in the address, so a filtered list can be shared. */
function MeetingsFilters({ filter, onChange }: { filter: MeetingsFilter; onChange: (filter: MeetingsFilter) => void }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const memberName = useMemberName();
  const kinds = useEnumOptions('meetingKind', MEETING_KINDS);
  const members = useMembers();
  // Every meeting the caller may see gives the years and cities to choose from.
  const all = useMeetingList(null);
  const [words, setWords] = useState(filter.q);
  // The words last put in the address: another change of it (back, a link) shows its own words.
  const sent = useRef(filter.q);
  const sendWords = useDebouncedCallback((q: string) => {
    sent.current = q;
    onChange({ ...filter, q });
  }, 300);
  useEffect(() => {
    if (filter.q !== sent.current) {
      sent.current = filter.q;
      setWords(filter.q);
    }
  }, [filter.q]);
  const choices = useMemo(
    () => filterChoices(all.data ?? [], new Intl.Collator(f.locale, { sensitivity: 'base' })),
    [all.data, f.locale],
  );
  const years = filter.year && !choices.years.includes(filter.year) ? [filter.year, ...choices.years] : choices.years;
  const cities =
    filter.city && !choices.cities.includes(filter.city) ? [filter.city, ...choices.cities] : choices.cities;
  const memberOptions = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ value: m.code, label: memberName(m) }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, memberName, f.locale],
  );

  return (
    <Stack gap="xs" role="search" aria-label={t('list.filters.label')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        <TextInput
          label={t('list.filters.search')}
          placeholder={t('list.filters.searchPlaceholder')}
          type="search"
          value={words}
          onChange={(event) => {
            setWords(event.currentTarget.value);
            sendWords(event.currentTarget.value);
          }}
        />
        <NativeSelect
          label={t('list.filters.year')}
          data={[
            { value: '', label: t('list.filters.allYears') },
            ...years.map((year) => ({ value: String(year), label: String(year) })),
          ]}
          value={filter.year ? String(filter.year) : ''}
          onChange={(event) => onChange({ ...filter, year: Number(event.currentTarget.value) || null })}
        />
        <NativeSelect
          label={t('list.kind')}
          data={[{ value: '', label: t('list.allKinds') }, ...kinds]}
          value={filter.kind ?? ''}
          onChange={(event) =>
            onChange({ ...filter, kind: (event.currentTarget.value || null) as MeetingsFilter['kind'] })
          }
        />
        <NativeSelect
          label={t('list.city')}
          data={[{ value: '', label: t('list.filters.allCities') }, ...cities]}
          value={filter.city ?? ''}
          onChange={(event) => onChange({ ...filter, city: event.currentTarget.value || null })}
        />
        <Select
          label={t('list.filters.member')}
          placeholder={t('list.filters.anyMember')}
          data={memberOptions}
          value={filter.member}
          onChange={(member) => onChange({ ...filter, member })}
          searchable
          clearable
          nothingFoundMessage={t('list.filters.noMember')}
        />
      </SimpleGrid>
      {isFiltered(filter) ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(emptyMeetingsFilter)}>
            {t('list.filters.clear')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The coalition's meetings, upcoming then past, searched and filtered (kept in the address). */
export function MeetingsPage() {
  const { t } = useTranslation(['meetings', 'enums']);
  const [params, setParams] = useAddressParams();
  const filter = readMeetingsFilter(params);
  const { data: me } = useMe();

  // The filter's own parameters replaced, any other (?lang=) kept.
  const setFilter = (next: MeetingsFilter) =>
    setParams((current) => {
      const params = new URLSearchParams(current);
      for (const key of Object.keys(emptyMeetingsFilter)) params.delete(key);
      for (const [key, value] of meetingsQuery(next)) params.set(key, value);
      return params;
    });

  return (
    <Stack gap="lg">
      <PageTitle title={t('list.title')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{me ? t('list.introSignedIn') : t('list.introPublic')}</Text>
        </Stack>
        <Group gap="sm">
          {canUseSecretariat(me) ? (
            <Button component={Link} to="/secretariat/meetings/new">
              {t('list.new')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <MeetingsFilters filter={filter} onChange={setFilter} />

      <MeetingsSection when="upcoming" filter={filter} />
      <MeetingsSection when="past" filter={filter} />
      <CalendarSubscription me={me} />
    </Stack>
  );
}
