import { Anchor, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { meetingDateTime, useMeetingTime } from '../meetings/meeting-time.js';
import type { When } from '../meetings/meetings.api.js';
import { useMemberName } from '../members/member-name.js';
import { useActors, useMembers } from '../members/members.api.js';
import { HomeFigures, HomeMap, HomePress, HomeStatements } from './HomeSections.js';
import { homeMeetingsQuery } from './home.api.js';

function Stat({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  const f = useFormat();
  return (
    <Paper withBorder p="md" component={Link} to={to} className="stat-card">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton height={36} width={60} mt={4} />
      ) : (
        <Text fz={32} fw={700} lh={1.2}>
          {f.number(value)}
        </Text>
      )}
    </Paper>
  );
}

function HomeMeetings({ when }: { when: When }) {
  const { t } = useTranslation('home');
  const time = useMeetingTime();
  const meetings = useQuery(homeMeetingsQuery(when));
  const headingId = `home-meetings-${when}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId} size="h3">
        {t(`meetings.${when}.title`)}
      </Title>
      {meetings.isPending ? <Skeleton height={72} /> : null}
      {meetings.isError ? (
        <ErrorAlert error={meetings.error} title={t('meetings.notLoaded')} onRetry={() => meetings.refetch()} />
      ) : null}
      {meetings.data?.length === 0 ? <Text c="dimmed">{t(`meetings.${when}.none`)}</Text> : null}
      {meetings.data && meetings.data.length > 0 ? (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {meetings.data.map((meeting) => (
            <li key={meeting.id} data-meeting={meeting.id}>
              <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600}>
                <LocalizedTitle
                  title={meeting.title}
                  titleTranslations={meeting.titleTranslations}
                  language={meeting.workingLanguage}
                />
              </Anchor>
              <Text size="sm" c="dimmed">
                <time dateTime={meetingDateTime(meeting)}>{time.dates(meeting)}</time>
                {meeting.city ? (
                  <>
                    {' · '}
                    <bdi>{meeting.city}</bdi>
                  </>
                ) : null}
              </Text>
            </li>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * The public front page: what the coalition is, in figures read from the registry, its headline
 * indicators, its latest adopted statements, its meetings, the latest press and its members on the map.
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const memberNameOf = useMemberName();
  const members = useMembers();
  const actors = useActors();
  const active = members.data?.filter((m) => m.status === 'active');
  const states = active?.filter((m) => m.kind === 'state').length;
  const organizations = active?.filter((m) => m.kind === 'organization').length;
  const memberName = (code: string) => {
    const member = members.data?.find((m) => m.code === code);
    return member ? memberNameOf(member) : code;
  };

  return (
    <Stack gap="xl">
      <PageTitle title={t('title')} />
      <Stack gap="sm" maw={720}>
        <Title order={1}>{t('heading')}</Title>
        <Text size="lg">{active ? t('intro', { count: active.length }) : t('introPending')}</Text>
        <Text>{t('register')}</Text>
      </Stack>

      {members.isError ? (
        <ErrorAlert error={members.error} title={t('membersNotLoaded')} onRetry={() => members.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 3 }} maw={720} component="section" aria-label={t('figures.label')}>
          <Stat label={t('figures.members', { count: active?.length ?? 0 })} value={active?.length} to="/members" />
          <Stat label={t('figures.states', { count: states ?? 0 })} value={states} to="/members?kind=state" />
          <Stat
            label={t('figures.organizations', { count: organizations ?? 0 })}
            value={organizations}
            to="/members?kind=organization"
          />
        </SimpleGrid>
      )}

      <HomeFigures />
      <HomeStatements />

      <Stack gap="sm" maw={720}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
          <HomeMeetings when="upcoming" />
          <HomeMeetings when="past" />
        </SimpleGrid>
        <Group>
          <Anchor component={Link} to="/meetings">
            {t('meetings.all')}
          </Anchor>
        </Group>
      </Stack>

      <HomePress />
      <HomeMap members={members.data} />

      {actors.data && actors.data.length > 0 ? (
        <Stack gap="xs" maw={720} component="section" aria-labelledby="partner-forces">
          <Title order={2} id="partner-forces" size="h3">
            {t('partnerForces.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('partnerForces.text')}
          </Text>
          <List spacing={4}>
            {actors.data.map((actor) => (
              <List.Item key={actor.id}>
                {/* Names and notes as the register has them, in their own direction (isolated). */}
                <Text span fw={600}>
                  <bdi>{actor.name}</bdi>
                </Text>
                {actor.countryCode ? ` (${memberName(actor.countryCode)})` : null}
                {actor.note ? (
                  <Text span c="dimmed">
                    {' — '}
                    <bdi>{actor.note}</bdi>
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}

      <Text size="sm" c="dimmed">
        {/* An address reads left to right, in an Arabic sentence too. */}
        <Trans t={t} i18nKey="openData" components={{ docs: <Anchor href="/api/docs" dir="ltr" /> }} />
      </Text>
    </Stack>
  );
}
