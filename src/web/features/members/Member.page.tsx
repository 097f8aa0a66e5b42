import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { KIND_LABELS } from './MembersTable.js';
import { useMember, usePeople } from './members.api.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function JoinedDetail({ member }: { member: Member }) {
  if (member.joinedOn) {
    return (
      <Stack gap={2}>
        <time dateTime={member.joinedOn}>{formatDate(member.joinedOn)}</time>
        {member.joinedNote ? (
          <Text size="sm" c="dimmed">
            {member.joinedNote}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (member.joinedNote) {
    return (
      <Stack gap={4} align="flex-start">
        <Badge variant="light" color="orange">
          Date uncertain
        </Badge>
        <Text size="sm">{member.joinedNote}</Text>
      </Stack>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Not recorded
    </Text>
  );
}

function People({ code }: { code: string }) {
  const people = usePeople(code);
  if (people.isPending) return <Loading label="Loading the people" />;
  if (people.isError) return <ErrorAlert error={people.error} title="The people could not be loaded" />;
  if (people.data.length === 0) return <Text c="dimmed">No one is recorded for this member yet.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {people.data.map((person) => (
        <Card key={person.id} withBorder padding="md" component="article">
          <Text fw={700} component="h3" m={0} size="md">
            {person.name}
          </Text>
          {person.title ? <Text size="sm">{person.title}</Text> : null}
          {person.affiliation ? (
            <Text size="sm" c="dimmed">
              {person.affiliation}
            </Text>
          ) : null}
          {person.note ? (
            <Text size="sm" c="dimmed" mt={4}>
              {person.note}
            </Text>
          ) : null}
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** One member: its names in the coalition's three languages, when it joined, and its people. */
export function MemberPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const member = useMember(code);
  const { data: me } = useMe();

  if (member.isPending) return <Loading label="Loading the member" />;
  if (member.isError) {
    if (isApiError(member.error, 404) || isApiError(member.error, 400)) {
      return (
        <NotFoundPage title="Member not found">
          <Text>
            No member has the code <strong>{code}</strong>.
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={member.error} onRetry={() => member.refetch()} />;
  }

  const m = member.data;
  return (
    <Stack gap="lg">
      <PageTitle title={m.name} />
      <Breadcrumbs>
        <Anchor component={Link} to="/members">
          Members
        </Anchor>
        <Text span>{m.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1}>{m.name}</Title>
          <Group gap="xs">
            <Badge variant="light">{KIND_LABELS[m.kind]}</Badge>
            <Badge variant="outline" color={m.status === 'active' ? 'green' : 'gray'}>
              {m.status === 'active' ? 'Active member' : 'Former member'}
            </Badge>
            <Text span ff="monospace" size="sm" c="dimmed">
              {m.code}
            </Text>
          </Group>
        </Stack>
        {canUseSecretariat(me) ? (
          <Button component={Link} to={`/secretariat/members/${m.code}/edit`} variant="default">
            Edit this member
          </Button>
        ) : null}
      </Group>

      <Table withTableBorder variant="vertical" maw={760} layout="fixed">
        <Table.Tbody>
          <Field label="English">
            <span lang="en">{m.names.en}</span>
          </Field>
          <Field label="French">
            <span lang="fr">{m.names.fr}</span>
          </Field>
          <Field label="Arabic">
            <span lang="ar" dir="rtl">
              {m.names.ar}
            </span>
          </Field>
          <Field label="Joined">
            <JoinedDetail member={m} />
          </Field>
          {m.leftOn ? (
            <Field label="Left">
              <time dateTime={m.leftOn}>{formatDate(m.leftOn)}</time>
            </Field>
          ) : null}
          <Field label="Note">
            {m.note ? (
              <Text size="sm">{m.note}</Text>
            ) : (
              <Text size="sm" c="dimmed">
                None
              </Text>
            )}
          </Field>
        </Table.Tbody>
      </Table>

      <Stack gap="sm" component="section" aria-labelledby="people-heading">
        <Title order={2} id="people-heading" size="h3">
          People
        </Title>
        <People code={m.code} />
      </Stack>
    </Stack>
  );
}
