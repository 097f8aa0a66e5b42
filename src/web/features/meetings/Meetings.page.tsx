import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isOneOf, MEETING_KINDS } from '../../../shared/enums.js';
import type { MeetingKind, MeetingSummary } from '../../../shared/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { CalendarSubscription } from './CalendarSubscription.js';
import { StatusBadge } from './MeetingBadges.js';
import { meetingDateTime, useMeetingTime } from './meeting-time.js';
import { useMeetings, type When } from './meetings.api.js';
import { NotKnown } from './NotKnown.js';

function readKind(params: URLSearchParams): MeetingKind | null {
  const kind = params.get('kind');
  return isOneOf(MEETING_KINDS, kind) ? kind : null;
}

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

function MeetingsSection({ when, kind }: { when: When; kind: MeetingKind | null }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const meetings = useMeetings(when, kind);
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
            {kind
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

/** The coalition's meetings, upcoming then past, filtered by kind (kept in the address). */
export function MeetingsPage() {
  const { t } = useTranslation(['meetings', 'enums']);
  const [params, setParams] = useSearchParams();
  const kind = readKind(params);
  const { data: me } = useMe();
  const kinds = useEnumOptions('meetingKind', MEETING_KINDS);

  const setKind = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('kind', value);
        else next.delete('kind');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

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

      <NativeSelect
        label={t('list.kind')}
        data={[{ value: '', label: t('list.allKinds') }, ...kinds]}
        value={kind ?? ''}
        onChange={(event) => setKind(event.currentTarget.value)}
        maw={260}
      />

      <MeetingsSection when="upcoming" kind={kind} />
      <MeetingsSection when="past" kind={kind} />
      <CalendarSubscription me={me} />
    </Stack>
  );
}
