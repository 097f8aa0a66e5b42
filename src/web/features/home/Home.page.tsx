import { Anchor, Button, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useActors, useMembers } from '../members/members.api.js';

function Stat({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Paper withBorder p="md" component={Link} to={to} className="stat-card">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton height={36} width={60} mt={4} />
      ) : (
        <Text fz={32} fw={700} lh={1.2}>
          {value}
        </Text>
      )}
    </Paper>
  );
}

/** The public front page: what the coalition is, in figures read from the registry. */
export function HomePage() {
  const members = useMembers();
  const actors = useActors();
  const active = members.data?.filter((m) => m.status === 'active');
  const states = active?.filter((m) => m.kind === 'state').length;
  const organizations = active?.filter((m) => m.kind === 'organization').length;
  const memberName = (code: string | null) =>
    code ? (members.data?.find((m) => m.code === code)?.name ?? code) : null;

  return (
    <Stack gap="xl">
      <PageTitle title="Home" />
      <Stack gap="sm" maw={720}>
        <Title order={1}>A coalition of states and organisations, working as one</Title>
        <Text size="lg">
          {active ? `${active.length} partners` : 'Its partners'} — states and international organisations — have joined
          this coalition. They meet, agree joint statements by consensus, split the work into lines of effort, and
          report what they pledge and deliver.
        </Text>
        <Text>
          Entente is where the coalition's secretariat keeps the register of members. Anyone can see who the members are
          and when they joined; no account is needed.
        </Text>
      </Stack>

      {members.isError ? (
        <ErrorAlert error={members.error} title="The members could not be loaded" onRetry={() => members.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 3 }} maw={720} component="section" aria-label="The coalition in figures">
          <Stat label="Members" value={active?.length} to="/members" />
          <Stat label="States" value={states} to="/members?kind=state" />
          <Stat label="Organisations" value={organizations} to="/members?kind=organization" />
        </SimpleGrid>
      )}

      <Group>
        <Button component={Link} to="/members" size="md">
          See the members on the map
        </Button>
      </Group>

      {actors.data && actors.data.length > 0 ? (
        <Stack gap="xs" maw={720} component="section" aria-labelledby="partner-forces">
          <Title order={2} id="partner-forces" size="h3">
            Partner forces
          </Title>
          <Text c="dimmed" size="sm">
            Forces the coalition supports. They are recorded here, but they are not members and do not take part in its
            decisions.
          </Text>
          <List spacing={4}>
            {actors.data.map((actor) => (
              <List.Item key={actor.id}>
                <Text span fw={600}>
                  {actor.name}
                </Text>
                {actor.countryCode ? ` (${memberName(actor.countryCode)})` : null}
                {actor.note ? <Text span c="dimmed">{` — ${actor.note}`}</Text> : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}

      <Text size="sm" c="dimmed">
        The data is open: every page here reads the public API, described at <Anchor href="/api/docs">/api/docs</Anchor>
        .
      </Text>
    </Stack>
  );
}
