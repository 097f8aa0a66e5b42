import {
  Alert,
  Anchor,
  Badge,
  Blockquote,
  Breadcrumbs,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Me } from '../../../shared/auth.js';
import type { Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFound.page.js';
import { PageTitle } from '../../components/PageTitle.js';
import { canUseSecretariat, useMe } from '../auth/auth.api.js';
import { useMembers } from '../members/members.api.js';
import { DelegationsTable } from './DelegationsTable.js';
import { StatusBadge } from './MeetingBadges.js';
import { KIND_LABELS, LANGUAGE_LABELS, quotaInWords, STATUS_LABELS, VISIBILITY_LABELS } from './meeting-labels.js';
import { formatMeetingWhen, meetingDateTime } from './meeting-time.js';
import { meetingIcsUrl, useMeeting, useProtocolOrder } from './meetings.api.js';

// Only the secretariat invites: the public never downloads the member picker.
const InviteMembers = lazy(() => import('./InviteMembers.js').then((m) => ({ default: m.InviteMembers })));

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" className="field-label">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

const NotKnown = () => (
  <Text span c="dimmed" size="sm">
    not known
  </Text>
);

/** What the signed-in focal point may do about their own member's delegation. */
function FocalPointPanel({ meeting, me }: { meeting: Meeting; me: Me }) {
  const code = me.memberCode;
  const own = meeting.delegations.find((d) => d.memberCode === code);
  if (!code) return null;
  if (!own) {
    return (
      <Text size="sm" c="dimmed">
        Your member ({code}) is not invited to this meeting.
      </Text>
    );
  }
  if (meeting.status !== 'planned') {
    return (
      <Alert color="gray" title={`${own.memberName}'s delegation`} role="note">
        The meeting is {STATUS_LABELS[meeting.status].toLowerCase()}: the delegation can no longer be changed here. If
        it needs a correction, ask the secretariat.
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" bg="var(--mantine-primary-color-light)">
      <Group justify="space-between" align="center">
        <Text>
          <strong>{own.memberName}</strong> is invited.{' '}
          {own.head ? `Its delegation is headed by ${own.head.name}.` : 'Its delegation is not named yet.'}
        </Text>
        <Button component={Link} to={`/meetings/${meeting.id}/delegations/${own.memberCode}`}>
          Name your delegation
        </Button>
      </Group>
    </Paper>
  );
}

function Remarks({ meeting }: { meeting: Meeting }) {
  if (meeting.remarks.length === 0) return <Text c="dimmed">No remarks are recorded for this meeting.</Text>;
  return (
    <Stack gap="lg">
      {meeting.remarks.map((remark) => (
        <Stack key={remark.id} gap="xs" component="article" aria-label={`Remarks by ${remark.person.name}`}>
          <div>
            <Text fw={700}>{remark.person.name}</Text>
            {remark.person.title ? (
              <Text size="sm" c="dimmed">
                {remark.person.title}
              </Text>
            ) : null}
            {remark.context ? <Text size="sm">{remark.context}</Text> : null}
          </div>
          {remark.quotes.map((quote) => (
            <Blockquote key={quote.id} color="blue" p="md" cite={quote.context ?? undefined} className="quote">
              {`“${quote.text}”`}
            </Blockquote>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function MeetingBody({ meeting, reload }: { meeting: Meeting; reload: () => Promise<unknown> }) {
  const { data: me } = useMe();
  const members = useMembers();
  const order = useProtocolOrder(meeting.id);
  const location = useLocation();
  const canManage = canUseSecretariat(me);
  const highlighted = location.hash.startsWith('#delegation-') ? location.hash.slice('#delegation-'.length) : null;
  const host = meeting.hostCode
    ? (meeting.delegations.find((d) => d.memberCode === meeting.hostCode)?.memberName ??
      members.data?.find((m) => m.code === meeting.hostCode)?.name ??
      meeting.hostCode)
    : null;
  const present = meeting.delegations.filter((d) => d.attendance === 'present').length;

  // Back from naming a delegation (#delegation-FRA): bring its row into view once it is drawn.
  useEffect(() => {
    if (!highlighted) return;
    document.getElementById(`delegation-${highlighted}`)?.scrollIntoView({ block: 'center' });
  }, [highlighted]);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{meeting.title}</Title>
        <Group gap="xs">
          <Badge variant="light">{KIND_LABELS[meeting.kind]}</Badge>
          <StatusBadge status={meeting.status} />
          {meeting.visibility !== 'public' ? (
            <Badge variant="outline" color="grape">
              {VISIBILITY_LABELS[meeting.visibility]}
              {meeting.visibility === 'restricted' && meeting.restrictedTo.length > 0
                ? `: ${meeting.restrictedTo.join(', ')}`
                : ''}
            </Badge>
          ) : null}
        </Group>
        <Group gap="sm" className="no-print">
          <Button component="a" href={meetingIcsUrl(meeting.id)} download variant="default" size="sm">
            Download .ics
          </Button>
          <Button component={Link} to={`/meetings/${meeting.id}/print`} variant="default" size="sm">
            Printable delegation list
          </Button>
        </Group>
      </Stack>

      {me?.role === 'focal_point' ? <FocalPointPanel meeting={meeting} me={me} /> : null}

      <Table withTableBorder variant="vertical" maw={820} layout="fixed" aria-label="About the meeting">
        <Table.Tbody>
          <Field label="When">
            <time dateTime={meetingDateTime(meeting)}>{formatMeetingWhen(meeting)}</time>
            {meeting.startTime ? (
              <Text size="xs" c="dimmed">
                Local time where the meeting is held.
              </Text>
            ) : null}
          </Field>
          <Field label="Where">
            {meeting.venue || meeting.city ? [meeting.venue, meeting.city].filter(Boolean).join(', ') : <NotKnown />}
          </Field>
          <Field label="Host">
            {host && meeting.hostCode ? (
              <Anchor component={Link} to={`/members/${meeting.hostCode}`} size="sm">
                {host}
              </Anchor>
            ) : (
              <NotKnown />
            )}
          </Field>
          <Field label={meeting.chairs.length > 1 ? 'Chairs' : 'Chair'}>
            {meeting.chairs.length === 0 && !meeting.chairNote ? <NotKnown /> : null}
            {meeting.chairs.map((chair) => (
              <Text key={chair.id} size="sm">
                <strong>{chair.name}</strong>
                {chair.title ? `, ${chair.title}` : ''}
              </Text>
            ))}
            {meeting.chairNote ? <Text size="sm">{meeting.chairNote}</Text> : null}
          </Field>
          <Field label="Working language">{LANGUAGE_LABELS[meeting.workingLanguage]}</Field>
          <Field label="Seats per delegation">{quotaInWords(meeting.seatQuota)}</Field>
          {meeting.summary ? (
            <Field label="Summary">
              <Text size="sm">{meeting.summary}</Text>
            </Field>
          ) : null}
          {meeting.note ? (
            <Field label="Note">
              <Text size="sm">{meeting.note}</Text>
            </Field>
          ) : null}
        </Table.Tbody>
      </Table>

      <Stack gap="sm" component="section" aria-labelledby="agenda-heading">
        <Title order={2} size="h3" id="agenda-heading">
          Agenda
        </Title>
        {meeting.agenda.length === 0 ? (
          <Text c="dimmed">No agenda is recorded.</Text>
        ) : (
          <List type="ordered" spacing={4}>
            {meeting.agenda.map((item) => (
              <List.Item key={item.position}>
                {item.title}
                {item.lineOfEffort ? (
                  <Badge ml="xs" size="sm" variant="outline" tt="none">
                    {item.lineOfEffort}
                  </Badge>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>

      {canManage && meeting.status !== 'cancelled' ? (
        <Suspense fallback={<Loading label="Loading the invitations" />}>
          <InviteMembers meeting={meeting} />
        </Suspense>
      ) : null}

      <Stack gap="sm" component="section" aria-labelledby="delegations-heading">
        <Title order={2} size="h3" id="delegations-heading">
          Delegations ({meeting.delegations.length})
        </Title>
        {meeting.delegations.length === 0 ? (
          <Text c="dimmed">No member is invited yet.</Text>
        ) : (
          <>
            <Text size="sm" role="status">
              {meeting.status === 'planned'
                ? 'Attendance is recorded once the meeting is held.'
                : `${present} of ${meeting.delegations.length} delegations recorded as present.`}
            </Text>
            {order.data ? (
              <Text size="sm" c="dimmed" className="protocol-rule">
                In protocol order: {order.data.rule}
              </Text>
            ) : null}
            <DelegationsTable meeting={meeting} canManage={canManage} highlighted={highlighted} onReload={reload} />
          </>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="remarks-heading">
        <Title order={2} size="h3" id="remarks-heading">
          Remarks
        </Title>
        <Remarks meeting={meeting} />
      </Stack>
    </Stack>
  );
}

/** One meeting: when and where (in its own zone), agenda, delegations in protocol order, remarks. */
export function MeetingPage() {
  const id = useParams().id ?? '';
  const location = useLocation();
  const meeting = useMeeting(id);

  if (meeting.isPending) return <Loading label="Loading the meeting" />;
  if (meeting.isError) {
    // Hidden and missing alike answer 404: the page does not say which.
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)) {
      return (
        <NotFoundPage title="Meeting not found">
          <Text>
            There is no meeting at this address, or it is not one you may see. Some meetings are for the coalition's
            members only:{' '}
            <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
              sign in
            </Anchor>{' '}
            to see them.
          </Text>
        </NotFoundPage>
      );
    }
    return <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  }

  return (
    <Stack gap="lg">
      <PageTitle title={meeting.data.title} />
      <Breadcrumbs className="no-print">
        <Anchor component={Link} to="/meetings">
          Meetings
        </Anchor>
        <Text span truncate="end" maw="60vw">
          {meeting.data.title}
        </Text>
      </Breadcrumbs>
      <MeetingBody meeting={meeting.data} reload={() => meeting.refetch()} />
    </Stack>
  );
}
