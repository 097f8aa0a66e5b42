import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../shared/audit.js';
import { api } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { KIND_LABELS } from '../members/MembersTable.js';
import { useMembers } from '../members/members.api.js';
import { filterMembers } from '../members/members-filter.js';

const ACTIONS: Record<string, string> = {
  'member.created': 'added',
  'member.updated': 'changed',
};

/** The record an event is about, named from what it holds: an id means nothing to a reader. */
function subject(event: AuditEvent): string {
  for (const state of [event.after, event.before]) {
    if (typeof state === 'object' && state !== null) {
      // Members are recorded as the API shows them (`name`); the demo seed recorded its rows (`nameEn`).
      const { name, nameEn, code } = state as { name?: unknown; nameEn?: unknown; code?: unknown };
      const shown = typeof name === 'string' ? name : typeof nameEn === 'string' ? nameEn : null;
      if (shown) return typeof code === 'string' ? `${shown} (${code})` : shown;
    }
  }
  return `${event.entityType} ${event.entityId ?? ''}`.trim();
}

function RecentChanges() {
  const audit = useQuery({
    queryKey: ['audit', 'members'],
    queryFn: ({ signal }) =>
      api<{ items: AuditEvent[] }>('/audit?entityType=member&limit=10', { signal }).then((r) => r.items),
    staleTime: 0,
  });
  if (audit.isPending) return <Loading label="Loading the recent changes" />;
  if (audit.isError) return <ErrorAlert error={audit.error} title="The recent changes could not be loaded" />;
  if (audit.data.length === 0) return <Text c="dimmed">Nothing has changed yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.data.map((event) => (
            <Table.Tr key={event.seq}>
              <Table.Td>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </Table.Td>
              <Table.Td>{event.actorEmail ?? 'the system'}</Table.Td>
              <Table.Td>
                {subject(event)} {ACTIONS[event.action] ?? event.action}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The secretariat's desk: the register to edit, a way to add to it, and what changed lately. */
export function SecretariatPage() {
  const members = useMembers();
  const [search, setSearch] = useState('');
  const shown = filterMembers([...(members.data ?? [])], { q: search, kind: null, sort: 'name', direction: 'asc' });

  return (
    <Stack gap="xl">
      <PageTitle title="Secretariat" />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>Secretariat</Title>
          <Text c="dimmed">Keep the register of members up to date, and plan the coalition's meetings.</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/secretariat/meetings/new" variant="default">
            New meeting
          </Button>
          <Button component={Link} to="/secretariat/members/new">
            Add a member
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="meetings-heading">
        <Group justify="space-between" align="center">
          <Stack gap={2}>
            <Title order={2} size="h3" id="meetings-heading">
              Meetings
            </Title>
            <Text size="sm" c="dimmed">
              Invite members, follow their delegations, record attendance on each meeting's page.
            </Text>
          </Stack>
          <Anchor component={Link} to="/meetings">
            See the meetings
          </Anchor>
        </Group>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="register-heading">
        <Title order={2} size="h3" id="register-heading">
          Register
        </Title>
        <TextInput
          type="search"
          label="Find a member to edit"
          placeholder="Name or code"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={420}
        />
        {members.isPending ? <Loading label="Loading the members" /> : null}
        {members.isError ? <ErrorAlert error={members.error} onRetry={() => members.refetch()} /> : null}
        {members.data ? (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={520} mah={420} type="native">
              <Table stickyHeader striped verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Code</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Version</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((member) => (
                    <Table.Tr key={member.code} data-code={member.code}>
                      <Table.Td ff="monospace">{member.code}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/members/${member.code}`}>
                          {member.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{KIND_LABELS[member.kind]}</Table.Td>
                      <Table.Td>{member.version}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          component={Link}
                          to={`/secretariat/members/${member.code}/edit`}
                          size="compact-sm"
                          variant="light"
                          aria-label={`Edit ${member.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
        {members.data && shown.length === 0 ? <Text c="dimmed">No member matches this search.</Text> : null}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="changes-heading">
        <Title order={2} size="h3" id="changes-heading">
          Recent changes to members
        </Title>
        <RecentChanges />
      </Stack>
    </Stack>
  );
}
