import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { useMembers } from '../members/members.api.js';
import { LANGUAGE_LABELS, quotaInWords } from './meeting-labels.js';
import { formatMeetingWhen, meetingDateTime } from './meeting-time.js';
import { NotKnown } from './NotKnown.js';

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

/** The host's name: from its delegation, else from the registry, else its code. */
function useHostName(meeting: Meeting): string | null {
  const members = useMembers();
  if (!meeting.hostCode) return null;
  return (
    meeting.delegations.find((d) => d.memberCode === meeting.hostCode)?.memberName ??
    members.data?.find((m) => m.code === meeting.hostCode)?.name ??
    meeting.hostCode
  );
}

/** About the meeting: when (in its own zone) and where, the host, the chairs, the language, the seats. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const host = useHostName(meeting);
  return (
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
  );
}
