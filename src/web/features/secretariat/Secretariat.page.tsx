import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../shared/audit.js';
import type { Language } from '../../../shared/i18n.js';
import type { MeetingSummary } from '../../../shared/meetings.js';
import { api } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { useMembers } from '../members/members.api.js';
import { matchesSearch } from '../members/members-filter.js';
import { ReportingLinks } from '../reporting/ReportingLinks.js';
import { memberName } from './member-name.js';

/** The actions the desk says in words; any other is named by its code. */
const ACTIONS = [
  'member.created',
  'member.updated',
  'meeting.created',
  'meeting.updated',
  'delegation.invited',
  'delegation.named',
  'attendance.recorded',
  'remark.created',
  'remark.updated',
  'remark.deleted',
  'delegation.uninvited',
  'person.created',
  'actor.created',
  'user.created',
  'user.language_changed',
  'calendar_token.created',
  'calendar_token.rotated',
] as const;
type Action = (typeof ACTIONS)[number];
const isKnownAction = (action: string): action is Action => ACTIONS.includes(action as Action);

/** The demo seed recorded its rows, with a column a language (`nameFr`); the API records members with `names`. */
const ROW_NAME: Record<Language, string> = { en: 'nameEn', fr: 'nameFr', ar: 'nameAr' };

const held = (state: unknown): Record<string, unknown> =>
  typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};

/** What the record's states hold under `key`, the latest first. */
const recorded = (event: AuditEvent, key: string): unknown => held(event.after)[key] ?? held(event.before)[key];

/** The record an event is about, named from what it holds in the reader's language: an id means nothing to a reader. */
function subject(event: AuditEvent, language: Language): string {
  for (const state of [event.after, event.before].map(held)) {
    const names = held(state.names);
    const shown = [names[language], state[ROW_NAME[language]], state.name, state.nameEn, state.title, state.email].find(
      (name): name is string => typeof name === 'string' && name !== '',
    );
    if (shown) return typeof state.code === 'string' ? `${shown} (${state.code})` : shown;
  }
  return `${event.entityType} ${event.entityId ?? ''}`.trim();
}

/** The last changes people made, in every module: not the seed's rows, nor sign-ins. */
function RecentChanges() {
  const { t } = useTranslation('secretariat');
  const format = useFormat();
  const members = useMembers();
  const meetings = useQuery({
    queryKey: ['meetings', 'all-for-desk'],
    queryFn: ({ signal }) => api<{ items: MeetingSummary[] }>('/meetings', { signal }).then((r) => r.items),
  });
  const audit = useQuery({
    queryKey: ['audit', 'recent'],
    queryFn: ({ signal }) =>
      api<{ items: AuditEvent[] }>('/audit?excludeSystem=true&excludeSessions=true&limit=15', { signal }).then(
        (r) => r.items,
      ),
    staleTime: 0,
  });
  // A delegation's event holds ids: the member and the meeting are named from the lists.
  const memberById = (id: unknown) => members.data?.find((m) => m.id === id);
  const meetingTitle = (id: unknown) => {
    const meeting = meetings.data?.find((m) => m.id === id);
    return meeting && (meeting.titleTranslations[format.language] ?? meeting.title);
  };
  if (audit.isPending) return <Loading label={t('desk.changes.loading')} />;
  if (audit.isError) return <ErrorAlert error={audit.error} title={t('desk.changes.couldNotLoad')} />;
  if (audit.data.length === 0) return <Text c="dimmed">{t('desk.changes.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desk.changes.when')}</Table.Th>
            <Table.Th>{t('desk.changes.who')}</Table.Th>
            <Table.Th>{t('desk.changes.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.data.map((event) => {
            const member = memberById(recorded(event, 'memberId'));
            const meetingId = event.entityType === 'meeting' ? event.entityId : recorded(event, 'meetingId');
            const values = {
              subject: subject(event, format.language),
              action: event.action,
              member: member ? memberName(member, format.language) : t('desk.changes.aMember'),
              meeting: meetingTitle(meetingId) ?? t('desk.changes.aMeeting'),
            };
            // Names are often in another script than the sentence: isolated, they keep their order.
            const parts = { subject: <bdi />, action: <bdi />, member: <bdi />, meeting: <bdi /> };
            return (
              <Table.Tr key={event.seq}>
                <Table.Td>
                  <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                </Table.Td>
                <Table.Td>{event.actorEmail ?? t('desk.changes.system')}</Table.Td>
                <Table.Td>
                  {isKnownAction(event.action) ? (
                    <Trans t={t} i18nKey={`desk.changes.action.${event.action}`} values={values} components={parts} />
                  ) : (
                    <Trans t={t} i18nKey="desk.changes.action.other" values={values} components={parts} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The secretariat's desk: the register to edit, a way to add to it, and what changed lately. */
export function SecretariatPage() {
  const { t } = useTranslation(['secretariat', 'enums']);
  const tPledges = useTranslation('pledges').t;
  const { language, locale } = useFormat();
  const members = useMembers();
  const [search, setSearch] = useState('');
  // In the reader's alphabet: by the names they read.
  const collator = useMemo(() => new Intl.Collator(locale, { sensitivity: 'base' }), [locale]);
  const shown = (members.data ?? [])
    .filter((member) => matchesSearch(member, search))
    .map((member) => ({ ...member, shownName: memberName(member, language) }))
    .sort((a, b) => collator.compare(a.shownName, b.shownName));

  return (
    <Stack gap="xl">
      <PageTitle title={t('desk.title')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('desk.title')}</Title>
          <Text c="dimmed">{t('desk.intro')}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/secretariat/fx-rates" variant="default">
            {tPledges('fx.title')}
          </Button>
          <Button component={Link} to="/secretariat/meetings/new" variant="default">
            {t('desk.newMeeting')}
          </Button>
          <Button component={Link} to="/secretariat/sources/new" variant="default">
            {t('desk.addSource')}
          </Button>
          <Button component={Link} to="/secretariat/members/new">
            {t('desk.addMember')}
          </Button>
        </Group>
      </Group>

      <ReportingLinks />

      <Paper withBorder p="md" component="section" aria-labelledby="meetings-heading">
        <Group justify="space-between" align="center">
          <Stack gap={2}>
            <Title order={2} size="h3" id="meetings-heading">
              {t('desk.meetings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('desk.meetings.text')}
            </Text>
          </Stack>
          <Anchor component={Link} to="/meetings">
            {t('desk.meetings.see')}
          </Anchor>
        </Group>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="register-heading">
        <Title order={2} size="h3" id="register-heading">
          {t('desk.register.title')}
        </Title>
        <TextInput
          type="search"
          label={t('desk.register.find')}
          placeholder={t('desk.register.findPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={420}
        />
        {members.isPending ? <Loading label={t('desk.register.loading')} /> : null}
        {members.isError ? <ErrorAlert error={members.error} onRetry={() => members.refetch()} /> : null}
        {members.data ? (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={520} mah={420} type="native">
              <Table stickyHeader striped verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('desk.register.code')}</Table.Th>
                    <Table.Th>{t('desk.register.name')}</Table.Th>
                    <Table.Th>{t('desk.register.kind')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('desk.register.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((member) => (
                    <Table.Tr key={member.code} data-code={member.code}>
                      <Table.Td ff="monospace">{member.code}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/members/${member.code}`}>
                          {member.shownName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`enums:memberKind.${member.kind}`)}</Table.Td>
                      <Table.Td ta="end">
                        <Button
                          component={Link}
                          to={`/secretariat/members/${member.code}/edit`}
                          size="compact-sm"
                          variant="light"
                          aria-label={t('desk.register.editMember', { name: member.shownName })}
                        >
                          {t('desk.register.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
        {members.data && shown.length === 0 ? <Text c="dimmed">{t('desk.register.noMatch')}</Text> : null}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="changes-heading">
        <Title order={2} size="h3" id="changes-heading">
          {t('desk.changes.title')}
        </Title>
        <RecentChanges />
      </Stack>
    </Stack>
  );
}
