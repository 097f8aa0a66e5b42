import { Anchor, Breadcrumbs, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Delegation } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { nameIn } from '../members/member-name.js';
import { InLanguage } from './InLanguage.js';
import { MeetingPlace, PersonWithTitle } from './MeetingFacts.js';
import { useMeetingTime } from './meeting-time.js';
import { useMeeting, useProtocolOrder } from './meetings.api.js';

function OtherDelegates({ delegation }: { delegation: Delegation }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const others = delegation.delegates.filter((d) => d.role !== 'head');
  if (others.length === 0) return <span className="dimmed">—</span>;
  return (
    <ul className="plain-list">
      {others.map((d) => (
        <li key={d.person.id}>
          <PersonWithTitle name={d.person.name} title={d.person.title} />{' '}
          <span className="dimmed">{t(`print.role.${d.role}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The list of delegations as it is handed out on the day: protocol order, member, head, level
 * and the others on each delegation. Printed without the site's header and navigation.
 */
export function PrintDelegationsPage() {
  const { t } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const language = useLanguage();
  const time = useMeetingTime();
  const id = useParams().id ?? '';
  const meeting = useMeeting(id);
  const order = useProtocolOrder(id);

  if (meeting.isPending) return <Loading label={t('meeting.loading')} />;
  if (meeting.isError) {
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)) {
      return (
        <NotFoundPage title={t('meeting.notFound')}>
          <Text>{t('print.notFoundText')}</Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  }

  const m = meeting.data;
  const title = <InLanguage language={m.workingLanguage}>{m.title}</InLanguage>;
  return (
    <Stack gap="md" className="print-page">
      <PageTitle title={t('print.pageTitle', { title: m.title })} />
      <Breadcrumbs className="no-print">
        <Anchor component={Link} to="/meetings">
          {t('list.title')}
        </Anchor>
        <Anchor component={Link} to={`/meetings/${id}`} truncate="end" maw="50vw">
          {title}
        </Anchor>
        <Text span>{t('print.breadcrumb')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('print.title')}
          </Title>
          <Text fw={600}>{title}</Text>
          <Text size="sm">
            {time.when(m)}
            {m.venue || m.city ? (
              <>
                {' · '}
                <MeetingPlace venue={m.venue} city={m.city} />
              </>
            ) : null}
          </Text>
        </Stack>
        <Button className="no-print" onClick={() => window.print()}>
          {t('print.print')}
        </Button>
      </Group>
      {order.data ? (
        <Text size="sm">
          {t('print.inProtocolOrder', {
            count: m.delegations.length,
            rule: t(`protocolOrder.${order.data.rule}.${order.data.language}`),
          })}
        </Text>
      ) : null}
      {m.delegations.length === 0 ? (
        <Text>{t('delegations.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table withTableBorder withColumnBorders verticalSpacing={4} className="print-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44}>{t('table.position')}</Table.Th>
                <Table.Th>{t('table.member')}</Table.Th>
                <Table.Th>{t('table.head')}</Table.Th>
                <Table.Th>{t('table.level')}</Table.Th>
                <Table.Th>{t('print.others')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.delegations.map((d, index) => (
                <Table.Tr key={d.memberCode} data-code={d.memberCode}>
                  <Table.Td>{f.number(index + 1)}</Table.Td>
                  <Table.Td>
                    {nameIn(d.memberNames, d.memberName, language)}{' '}
                    <span className="dimmed">
                      (<bdi>{d.memberCode}</bdi>)
                    </span>
                  </Table.Td>
                  <Table.Td>
                    {d.head ? (
                      <>
                        <strong>
                          <bdi>{d.head.name}</bdi>
                        </strong>
                        {d.head.title ? (
                          <div className="dimmed">
                            <bdi>{d.head.title}</bdi>
                          </div>
                        ) : null}
                      </>
                    ) : (
                      <span className="dimmed">{t('notKnown')}</span>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.level ? t(`enums:level.${d.level}`) : <span className="dimmed">{t('notKnown')}</span>}
                  </Table.Td>
                  <Table.Td>
                    <OtherDelegates delegation={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
