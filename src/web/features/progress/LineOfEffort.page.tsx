import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api.js';
import { CiteThis } from '../../components/CiteThis.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { GroupOffices } from './GroupOffices.js';
import { LocalName, useMemberRefName } from './names.js';
import { nameIn } from './office-form.js';
import { useLineOfEffort } from './progress.api.js';

/** A section of the page with its heading, and what to say when it has nothing. */
function Section({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {empty ? <Text c="dimmed">{empty}</Text> : children}
    </Stack>
  );
}

/**
 * A line of effort: its working groups with who led when, its indicators, the meetings that
 * discussed it and their statements, and its pledges' totals when known.
 */
export function LineOfEffortPage() {
  const { t } = useTranslation(['progress', 'enums']);
  const key = useParams().key ?? '';
  const f = useFormat();
  const language = useLanguage();
  const memberName = useMemberRefName();
  const me = useMe().data;
  const line = useLineOfEffort(key);

  if (line.isPending) return <Loading label={t('line.loading')} />;
  if (line.isError) {
    if (isApiError(line.error, 404) || isApiError(line.error, 400)) {
      return <NotFoundPage title={t('line.notFound')} />;
    }
    return <ErrorAlert error={line.error} onRetry={() => line.refetch()} />;
  }
  const l = line.data;
  const name = nameIn(l.names, language).text;
  const usd = (n: number) => f.number(n);
  return (
    <Stack gap="xl">
      <PageTitle title={name} />
      <Stack gap="xs">
        <Anchor component={Link} to="/lines-of-effort" size="sm">
          {t('line.back')}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Text c="dimmed" size="sm">
              {t('lines.number', { number: f.number(l.number) })}
            </Text>
            <Title order={1}>
              <LocalName names={l.names} />
            </Title>
          </Stack>
          <Button component={Link} to={`/lines-of-effort/${encodeURIComponent(l.key)}/dashboard`}>
            {t('line.dashboard')}
          </Button>
        </Group>
        {l.summary ? (
          <Text lang="en" dir="auto">
            {l.summary}
          </Text>
        ) : null}
        <Text>
          <Text span fw={600}>
            {t('lines.leads')}
          </Text>{' '}
          {l.leads.length > 0 ? f.list(l.leads.map(memberName)) : t('lines.noLeads')}
        </Text>
      </Stack>

      <Section
        id="groups-heading"
        title={t('line.groups')}
        empty={l.workingGroups.length === 0 ? t('line.noGroups') : null}
      >
        {l.workingGroups.map((group) => (
          <GroupOffices key={group.id} group={group} secretariat={canUseSecretariat(me)} />
        ))}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section
          id="indicators-heading"
          title={t('line.indicators')}
          empty={l.indicators.length === 0 ? t('line.noIndicators') : null}
        >
          <List spacing={4}>
            {l.indicators.map((indicator) => (
              <List.Item key={indicator.id}>
                <Anchor component={Link} to={`/indicators/${encodeURIComponent(indicator.key)}`}>
                  <LocalName names={indicator.names} />
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  (<bdi>{f.unit(indicator)}</bdi>)
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>

        <Section id="pledges-heading" title={t('line.pledges')} empty={l.pledgeTotals ? null : t('line.noPledges')}>
          {l.pledgeTotals ? (
            <Paper withBorder p="sm">
              <Stack gap={2}>
                <Text>{t('line.pledged', { amount: usd(l.pledgeTotals.pledgedUsd) })}</Text>
                <Text>{t('line.committed', { amount: usd(l.pledgeTotals.committedUsd) })}</Text>
                <Text>{t('line.disbursed', { amount: usd(l.pledgeTotals.disbursedUsd) })}</Text>
              </Stack>
            </Paper>
          ) : null}
        </Section>

        <Section
          id="meetings-heading"
          title={t('line.meetings')}
          empty={l.meetings.length === 0 ? t('line.noMeetings') : null}
        >
          <List spacing={4}>
            {l.meetings.map((meeting) => (
              <List.Item key={meeting.id}>
                <Anchor component={Link} to={`/meetings/${meeting.id}`}>
                  <bdi>{meeting.title}</bdi>
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {f.date(meeting.startsOn)}
                </Text>
                {meeting.agendaItems.length > 0 ? (
                  <Text size="sm" c="dimmed">
                    <bdi>{meeting.agendaItems.join(' · ')}</bdi>
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Section>

        <Section
          id="statements-heading"
          title={t('line.statements')}
          empty={l.statements.length === 0 ? t('line.noStatements') : null}
        >
          <List spacing={4}>
            {l.statements.map((statement) => (
              <List.Item key={statement.id}>
                <Anchor component={Link} to={`/statements/${statement.id}`}>
                  <bdi>{statement.title}</bdi>
                </Anchor>{' '}
                <Badge size="sm" variant="light">
                  {t(`enums:statementStatus.${statement.status}` as 'enums:statementStatus.adopted')}
                </Badge>
              </List.Item>
            ))}
          </List>
        </Section>
      </SimpleGrid>
      <CiteThis title={name} date={null} />
    </Stack>
  );
}
