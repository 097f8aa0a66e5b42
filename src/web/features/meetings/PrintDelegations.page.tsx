import { Anchor, Breadcrumbs, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Delegation } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LEVEL_LABELS } from './meeting-labels.js';
import { formatMeetingWhen } from './meeting-time.js';
import { useMeeting, useProtocolOrder } from './meetings.api.js';

const ROLE_WORDS = { head: 'head', alternate: 'alternate', adviser: 'adviser' } as const;

function OtherDelegates({ delegation }: { delegation: Delegation }) {
  const others = delegation.delegates.filter((d) => d.role !== 'head');
  if (others.length === 0) return <span className="dimmed">—</span>;
  return (
    <ul className="plain-list">
      {others.map((d) => (
        <li key={d.person.id}>
          {d.person.name}
          {d.person.title ? `, ${d.person.title}` : ''} <span className="dimmed">({ROLE_WORDS[d.role]})</span>
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
  const id = useParams().id ?? '';
  const meeting = useMeeting(id);
  const order = useProtocolOrder(id);

  if (meeting.isPending) return <Loading label="Loading the meeting" />;
  if (meeting.isError) {
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)) {
      return (
        <NotFoundPage title="Meeting not found">
          <Text>There is no meeting at this address, or it is not one you may see.</Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  }

  const m = meeting.data;
  const where = [m.venue, m.city].filter(Boolean).join(', ');
  return (
    <Stack gap="md" className="print-page">
      <PageTitle title={`Delegations · ${m.title}`} />
      <Breadcrumbs className="no-print">
        <Anchor component={Link} to="/meetings">
          Meetings
        </Anchor>
        <Anchor component={Link} to={`/meetings/${id}`} truncate="end" maw="50vw">
          {m.title}
        </Anchor>
        <Text span>Printable list</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            List of delegations
          </Title>
          <Text fw={600}>{m.title}</Text>
          <Text size="sm">
            {formatMeetingWhen(m)}
            {where ? ` · ${where}` : ''}
          </Text>
        </Stack>
        <Button className="no-print" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      {order.data ? (
        <Text size="sm">
          {m.delegations.length} delegations, in protocol order: {order.data.rule}
        </Text>
      ) : null}
      {m.delegations.length === 0 ? (
        <Text>No member is invited yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table withTableBorder withColumnBorders verticalSpacing={4} className="print-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44}>No.</Table.Th>
                <Table.Th>Member</Table.Th>
                <Table.Th>Head of delegation</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Other delegates</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.delegations.map((d, index) => (
                <Table.Tr key={d.memberCode} data-code={d.memberCode}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    {d.memberName} <span className="dimmed">({d.memberCode})</span>
                  </Table.Td>
                  <Table.Td>
                    {d.head ? (
                      <>
                        <strong>{d.head.name}</strong>
                        {d.head.title ? <div className="dimmed">{d.head.title}</div> : null}
                      </>
                    ) : (
                      <span className="dimmed">not known</span>
                    )}
                  </Table.Td>
                  <Table.Td>{d.level ? LEVEL_LABELS[d.level] : <span className="dimmed">not known</span>}</Table.Td>
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
