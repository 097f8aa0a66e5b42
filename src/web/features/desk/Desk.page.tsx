import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../shared/auth.js';
import type { MeetingAttention } from '../../../shared/desk.js';
import type { Notification } from '../../../shared/notifications.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { canUseSecretariat, useMe, useRoleLabel } from '../auth/auth.api.js';
import { useMarkRead, useMyInvitations, useNotifications, useSecretariatDesk } from './desk.api.js';
import { ToAct } from './ToAct.js';

/** One notification in the reader's words: its kind's sentence from the catalog, with its params. */
function NotificationText({ notification }: { notification: Notification }) {
  const { t } = useTranslation('desk');
  const format = useFormat();
  if (notification.kind !== 'delegation_invited') {
    const p = notification.params;
    return (
      <Trans
        t={t}
        i18nKey={`notifications.kind.${notification.kind}`}
        values={{
          member: p.memberCode ?? '',
          procedure: t(`notifications.procedureKind.${p.procedureKind}`),
          deadline: format.dateTime(p.deadline),
          hours: p.hoursLeft ?? '',
          decision: p.decisionNumber ?? '',
        }}
        components={{
          member: <bdi />,
          statement: (
            <Anchor component={Link} to={`/statements/${p.statementId}`}>
              <LocalizedTitle
                title={p.statementTitle}
                titleTranslations={Object.fromEntries(
                  Object.entries(p.translations).map(([language, value]) => [language, value?.title]),
                )}
                language={p.language}
              />
            </Anchor>
          ),
        }}
      />
    );
  }
  const p = notification.params;
  return (
    <Trans
      t={t}
      i18nKey="notifications.kind.delegation_invited"
      values={{ member: p.memberCode, dates: format.dateRange(p.startDate, p.endDate) }}
      components={{
        member: <bdi />,
        meeting: (
          <Anchor component={Link} to={`/meetings/${p.meetingId}`}>
            <LocalizedTitle
              title={p.meetingTitle}
              titleTranslations={p.titleTranslations}
              language={p.workingLanguage}
            />
          </Anchor>
        ),
      }}
    />
  );
}

function Notifications() {
  const { t } = useTranslation('desk');
  const format = useFormat();
  const list = useNotifications(true);
  const markRead = useMarkRead();
  if (list.isPending) return <Loading label={t('notifications.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  const { items, unread } = list.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('notifications.unread', { count: unread })}
        </Text>
        {unread > 0 ? (
          <Button variant="subtle" size="compact-sm" onClick={() => markRead.mutate(null)} loading={markRead.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      {items.length === 0 ? <Text c="dimmed">{t('notifications.none')}</Text> : null}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
        {items.map((n) => (
          <Paper
            key={n.id}
            component="li"
            withBorder
            p="sm"
            data-read={n.readAt ? 'true' : 'false'}
            bg={n.readAt ? undefined : 'var(--mantine-color-blue-light)'}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  <NotificationText notification={n} />
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
                  {' · '}
                  {n.readAt ? t('notifications.read') : t('notifications.new')}
                </Text>
              </Stack>
              {n.readAt ? null : (
                <Button variant="light" size="compact-xs" onClick={() => markRead.mutate(n.id)}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** What the focal point's member is asked to do: name delegations (later: silence procedures, reports). */
function FocalPointTasks({ me }: { me: Me }) {
  const { t } = useTranslation(['desk', 'enums']);
  const format = useFormat();
  const invitations = useMyInvitations(true);
  return (
    <Stack gap="sm" component="section" aria-labelledby="invitations-heading">
      <Title order={2} size="h3" id="invitations-heading">
        {t('invitations.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('invitations.text', { member: me.memberCode })}
      </Text>
      {invitations.isPending ? <Loading label={t('invitations.loading')} /> : null}
      {invitations.isError ? <ErrorAlert error={invitations.error} onRetry={() => invitations.refetch()} /> : null}
      {invitations.data && invitations.data.items.length === 0 ? <Text c="dimmed">{t('invitations.none')}</Text> : null}
      {invitations.data && invitations.data.items.length > 0 ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invitations.meeting')}</Table.Th>
                  <Table.Th>{t('invitations.dates')}</Table.Th>
                  <Table.Th>{t('invitations.delegation')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.items.map((i) => (
                  <Table.Tr key={i.meetingId} data-meeting={i.meetingId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/meetings/${i.meetingId}`}>
                        <LocalizedTitle
                          title={i.title}
                          titleTranslations={i.titleTranslations}
                          language={i.workingLanguage}
                        />
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`enums:meetingKind.${i.kind}`)}
                        {i.city ? ` · ${i.city}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{format.dateRange(i.startDate, i.endDate)}</Table.Td>
                    <Table.Td>
                      {i.named ? (
                        <Badge color="green" variant="light">
                          {t('invitations.named', { count: i.seats })}
                        </Badge>
                      ) : (
                        <Badge color="orange" variant="light">
                          {t('invitations.notNamed')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="end">
                      <Button
                        component={Link}
                        to={`/meetings/${i.meetingId}/delegations/${invitations.data.memberCode}`}
                        size="compact-sm"
                        variant={i.named ? 'default' : 'filled'}
                      >
                        {i.named ? t('invitations.change') : t('invitations.name')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}

function MeetingsToChase({
  items,
  empty,
  kind,
}: {
  items: MeetingAttention[];
  empty: string;
  kind: 'upcoming' | 'overdue';
}) {
  const { t } = useTranslation('desk');
  const format = useFormat();
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={520} type="native">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('secretariat.meeting')}</Table.Th>
              <Table.Th>{t('secretariat.dates')}</Table.Th>
              <Table.Th>{t('secretariat.delegations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.meetingId} data-meeting={m.meetingId}>
                <Table.Td>
                  <Anchor component={Link} to={`/meetings/${m.meetingId}`}>
                    <LocalizedTitle
                      title={m.title}
                      titleTranslations={m.titleTranslations}
                      language={m.workingLanguage}
                    />
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.dateRange(m.startDate, m.endDate)}</Table.Td>
                <Table.Td>
                  {m.invited === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('secretariat.noneInvited')}
                    </Text>
                  ) : (
                    <Badge color={m.unnamed > 0 && kind === 'upcoming' ? 'orange' : 'gray'} variant="light">
                      {t('secretariat.unnamedOf', { count: m.unnamed, invited: format.number(m.invited) })}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** What needs the secretariat: delegations to chase for the coming weeks, meetings to close. */
function SecretariatTasks() {
  const { t } = useTranslation('desk');
  const desk = useSecretariatDesk(true);
  if (desk.isPending) return <Loading label={t('secretariat.loading')} />;
  if (desk.isError) return <ErrorAlert error={desk.error} onRetry={() => desk.refetch()} />;
  const { upcoming, overdue, horizonDays } = desk.data;
  const toChase = upcoming.reduce((n, m) => n + m.unnamed, 0);
  return (
    <>
      <Stack gap="sm" component="section" aria-labelledby="upcoming-heading">
        <Title order={2} size="h3" id="upcoming-heading">
          {t('secretariat.upcoming.title', { count: Math.round(horizonDays / 7) })}
        </Title>
        {upcoming.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('secretariat.upcoming.text', { count: toChase })}
          </Text>
        ) : null}
        <MeetingsToChase items={upcoming} empty={t('secretariat.upcoming.none')} kind="upcoming" />
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="overdue-heading">
        <Title order={2} size="h3" id="overdue-heading">
          {t('secretariat.overdue.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('secretariat.overdue.text')}
        </Text>
        <MeetingsToChase items={overdue} empty={t('secretariat.overdue.none')} kind="overdue" />
      </Stack>
    </>
  );
}

/**
 * Each signed-in user's starting point: what is asked of them. A focal point sees their member's
 * invitations; the secretariat the meetings to chase; everyone their notifications. Later modules
 * add their sections here, beside the invitations (silence procedures to answer, reports to submit).
 */
export function DeskPage() {
  const { t } = useTranslation('desk');
  const me = useMe();
  const roleLabel = useRoleLabel();
  const location = useLocation();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return (
      <Stack maw={640}>
        <PageTitle title={t('title')} />
        <Title order={1}>{t('title')}</Title>
        <Text>{t('signInText')}</Text>
        <div>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
            {t('signIn')}
          </Button>
        </div>
      </Stack>
    );
  }
  const user = me.data;
  return (
    <Stack gap="xl">
      <PageTitle title={t('title')} />
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">
          <Trans
            t={t}
            i18nKey="signedInAs"
            values={{ name: user.name, role: roleLabel(user) }}
            components={{ name: <bdi /> }}
          />
        </Text>
      </Stack>
      {user.role === 'focal_point' || canUseSecretariat(user) ? <ToAct me={user} /> : null}
      {user.role === 'focal_point' ? <FocalPointTasks me={user} /> : null}
      {canUseSecretariat(user) ? <SecretariatTasks /> : null}
      <Stack gap="sm" component="section" aria-labelledby="notifications-heading">
        <Title order={2} size="h3" id="notifications-heading">
          {t('notifications.title')}
        </Title>
        <Notifications />
      </Stack>
      {canUseSecretariat(user) ? (
        <Text>
          <Anchor component={Link} to="/secretariat">
            {t('secretariat.register')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}
