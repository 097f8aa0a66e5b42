import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberStatementStanding } from '../../../shared/statements.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { useFormat } from '../../i18n/format.js';
import { usePeriodName } from '../dashboards/period-label.js';
import { PledgeAmount, PledgeStatusBadge } from '../pledges/money.js';
import { memberPledgesQuery } from '../pledges/pledges.api.js';
import { LocalName } from '../progress/names.js';
import { titlesOf } from '../statements/statement-title.js';
import { useMemberContributions, useMemberStatements } from './member-record.api.js';

/** How many rows each section of a member's page shows; the rest is one link away. */
const SHORT = 5;

const STANDING_COLOR: Record<MemberStatementStanding, string> = {
  endorsed: 'green',
  kept_silence: 'blue',
  broke_silence: 'red',
  not_endorsed: 'gray',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} id={id} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function More({ to, label, shown, total }: { to: string; label: string; shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <Group>
      <Anchor component={Link} to={to}>
        {label}
      </Anchor>
    </Group>
  );
}

/** The adopted statements circulated to the member, newest first, and where it stood on each. */
export function MemberStatements({ code }: { code: string }) {
  const { t } = useTranslation('members');
  const f = useFormat();
  const statements = useMemberStatements(code);
  return (
    <Section id="member-statements" title={t('record.statements.title')}>
      {statements.isPending ? <Loading label={t('record.statements.loading')} /> : null}
      {statements.isError ? (
        <ErrorAlert
          error={statements.error}
          title={t('record.statements.notLoaded')}
          onRetry={() => statements.refetch()}
        />
      ) : null}
      {statements.data?.length === 0 ? <Text c="dimmed">{t('record.statements.none')}</Text> : null}
      {statements.data && statements.data.length > 0 ? (
        <>
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {statements.data.slice(0, SHORT).map(({ statement, standing, hasPosition }) => (
              <li key={statement.id} data-statement={statement.id}>
                <Anchor component={Link} to={`/statements/${statement.id}`} fw={600}>
                  <LocalizedTitle
                    title={statement.title}
                    titleTranslations={titlesOf(statement.translations)}
                    language={statement.language}
                  />
                </Anchor>
                <Group gap="xs" mt={2}>
                  <Badge variant="light" color={STANDING_COLOR[standing]}>
                    {t(`record.statements.standing.${standing}`)}
                  </Badge>
                  {hasPosition ? (
                    <Badge variant="outline" color="gray">
                      {t('record.statements.position')}
                    </Badge>
                  ) : null}
                  {statement.adoptedOn ? (
                    <Text size="sm" c="dimmed">
                      <time dateTime={statement.adoptedOn}>{f.date(statement.adoptedOn)}</time>
                    </Text>
                  ) : null}
                </Group>
              </li>
            ))}
          </Stack>
          <More
            to="/statements?status=adopted"
            label={t('record.statements.all', { count: statements.data.length })}
            shown={SHORT}
            total={statements.data.length}
          />
        </>
      ) : null}
    </Section>
  );
}

/** The member's pledges, as the pledges page lists them, the first few. */
export function MemberPledges({ code }: { code: string }) {
  const { t } = useTranslation(['members', 'pledges']);
  const pledges = useQuery(memberPledgesQuery(code));
  return (
    <Section id="member-pledges" title={t('record.pledges.title')}>
      {pledges.isPending ? <Loading label={t('record.pledges.loading')} /> : null}
      {pledges.isError ? (
        <ErrorAlert error={pledges.error} title={t('record.pledges.notLoaded')} onRetry={() => pledges.refetch()} />
      ) : null}
      {pledges.data?.length === 0 ? <Text c="dimmed">{t('record.pledges.none')}</Text> : null}
      {pledges.data && pledges.data.length > 0 ? (
        <>
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {pledges.data.slice(0, SHORT).map((pledge) => (
              <li key={pledge.id} data-pledge={pledge.id}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <Anchor component={Link} to={`/pledges/${pledge.id}`} fw={600} style={{ flexShrink: 0 }}>
                    {t(`pledges:kind.${pledge.kind}`)}
                  </Anchor>
                  <PledgeAmount pledge={pledge} />
                  <PledgeStatusBadge status={pledge.status} />
                </Group>
              </li>
            ))}
          </Stack>
          <Group>
            <Anchor component={Link} to={`/pledges?member=${encodeURIComponent(code)}`}>
              {t('record.pledges.all', { count: pledges.data.length })}
            </Anchor>
          </Group>
        </>
      ) : null}
    </Section>
  );
}

/** The member's approved figures per indicator: a flow summed over time, a stock's latest. */
export function MemberContributions({ code }: { code: string }) {
  const { t } = useTranslation('members');
  const f = useFormat();
  const periodName = usePeriodName();
  const contributions = useMemberContributions(code);
  return (
    <Section id="member-contributions" title={t('record.contributions.title')}>
      {contributions.isPending ? <Loading label={t('record.contributions.loading')} /> : null}
      {contributions.isError ? (
        <ErrorAlert
          error={contributions.error}
          title={t('record.contributions.notLoaded')}
          onRetry={() => contributions.refetch()}
        />
      ) : null}
      {contributions.data?.length === 0 ? <Text c="dimmed">{t('record.contributions.none')}</Text> : null}
      {contributions.data && contributions.data.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={300} type="native">
            <Table striped verticalSpacing="xs" captionSide="top">
              <Table.Caption ta="start">{t('record.contributions.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('record.contributions.indicator')}</Table.Th>
                  <Table.Th ta="end">{t('record.contributions.value')}</Table.Th>
                  <Table.Th>{t('record.contributions.through')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contributions.data.slice(0, SHORT).map((item) => (
                  <Table.Tr key={item.indicator} data-indicator={item.indicator}>
                    <Table.Td>
                      <Anchor component={Link} to={`/indicators/${item.indicator}?member=${encodeURIComponent(code)}`}>
                        <LocalName names={item.names} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {f.number(item.value)} <bdi>{f.unit(item)}</bdi>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {t(`record.contributions.${item.timeAggregation}`, { period: periodName(item.through) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <More
            to="/lines-of-effort"
            label={t('record.contributions.all', { count: contributions.data.length })}
            shown={SHORT}
            total={contributions.data.length}
          />
        </>
      ) : null}
    </Section>
  );
}
