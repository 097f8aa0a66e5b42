import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { MeetingKind, MeetingSummary } from '../../../shared/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { StatusBadge } from './MeetingBadges.js';
import { KIND_LABELS, options, STATUS_LABELS, VISIBILITY_LABELS } from './meeting-labels.js';
import { formatMeetingDates, formatMeetingListTime, meetingDateTime } from './meeting-time.js';
import { allMeetingsIcsUrl, useMeetings, type When } from './meetings.api.js';

const KIND_OPTIONS = [{ value: '', label: 'All kinds' }, ...options(KIND_LABELS)];

// The kinds as the labels list them: the app does not ship zod to read one query parameter.
function readKind(params: URLSearchParams): MeetingKind | null {
  const kind = params.get('kind') ?? '';
  return Object.hasOwn(KIND_LABELS, kind) ? (kind as MeetingKind) : null;
}

function MeetingRow({ meeting }: { meeting: MeetingSummary }) {
  const time = formatMeetingListTime(meeting);
  return (
    <Table.Tr data-meeting={meeting.id}>
      <Table.Td className="date-cell">
        <time dateTime={meetingDateTime(meeting)}>{formatMeetingDates(meeting)}</time>
        {time ? (
          <Text size="sm" c="dimmed">
            {time}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600}>
          {meeting.title}
        </Anchor>
        {meeting.visibility !== 'public' ? (
          <Badge ml="xs" size="sm" variant="outline" color="grape">
            {VISIBILITY_LABELS[meeting.visibility]}
          </Badge>
        ) : null}
        {/* On a phone the Kind, City and Status columns give way; what they say stays under the title. */}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {[KIND_LABELS[meeting.kind], meeting.city].filter(Boolean).join(' · ')}
          <Text span size="xs" hiddenFrom="xs">
            {` · ${STATUS_LABELS[meeting.status]}`}
          </Text>
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        {KIND_LABELS[meeting.kind]}
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ verticalAlign: 'top' }}>
        {meeting.city ?? (
          <Text span c="dimmed" size="sm">
            not known
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="xs" style={{ verticalAlign: 'top' }}>
        <StatusBadge status={meeting.status} />
      </Table.Td>
    </Table.Tr>
  );
}

const SECTION_WORDS: Record<When, { title: string; none: string; caption: string }> = {
  upcoming: { title: 'Upcoming', none: 'No meeting is planned', caption: 'Upcoming meetings, soonest first' },
  past: { title: 'Past', none: 'No past meeting', caption: 'Past meetings, latest first' },
};

function MeetingsSection({ when, kind }: { when: When; kind: MeetingKind | null }) {
  const meetings = useMeetings(when, kind);
  const words = SECTION_WORDS[when];
  const headingId = `meetings-${when}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {words.title}
        {meetings.data ? (
          <Text span c="dimmed" fw={400} ml="xs">
            ({meetings.data.length})
          </Text>
        ) : null}
      </Title>
      {meetings.isPending ? <Loading label={`Loading the ${when} meetings`} /> : null}
      {meetings.isError ? (
        <ErrorAlert
          error={meetings.error}
          title="The meetings could not be loaded"
          onRetry={() => meetings.refetch()}
        />
      ) : null}
      {meetings.data && meetings.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text>
            {words.none}
            {kind ? ` of this kind (${KIND_LABELS[kind].toLowerCase()})` : ''}.
          </Text>
        </Paper>
      ) : null}
      {meetings.data && meetings.data.length > 0 ? (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
            <Table.Caption style={{ textAlign: 'left' }}>{words.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Meeting</Table.Th>
                <Table.Th visibleFrom="sm">Kind</Table.Th>
                <Table.Th visibleFrom="sm">City</Table.Th>
                <Table.Th visibleFrom="xs">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.map((meeting) => (
                <MeetingRow key={meeting.id} meeting={meeting} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** The coalition's meetings, upcoming then past, filtered by kind (kept in the address). */
export function MeetingsPage() {
  const [params, setParams] = useSearchParams();
  const kind = readKind(params);
  const { data: me } = useMe();

  const setKind = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('kind', value);
        else next.delete('kind');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <Stack gap="lg">
      <PageTitle title="Meetings" />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>Meetings</Title>
          <Text c="dimmed">
            {me
              ? 'The meetings you may see. Dates and times are those of the place where each meeting is held.'
              : 'The public meetings of the coalition. Dates and times are those of the place where each meeting is held.'}
          </Text>
        </Stack>
        <Group gap="sm">
          {canUseSecretariat(me) ? (
            <Button component={Link} to="/secretariat/meetings/new">
              New meeting
            </Button>
          ) : null}
          <Button component="a" href={allMeetingsIcsUrl} variant="default" download>
            Add to calendar (.ics)
          </Button>
        </Group>
      </Group>

      <NativeSelect
        label="Kind"
        data={KIND_OPTIONS}
        value={kind ?? ''}
        onChange={(event) => setKind(event.currentTarget.value)}
        maw={260}
      />

      <MeetingsSection when="upcoming" kind={kind} />
      <MeetingsSection when="past" kind={kind} />
    </Stack>
  );
}
