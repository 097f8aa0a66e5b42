import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AttendanceStatus, Delegation, Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { useBannerFocus } from '../../components/FormAlerts.js';
import { problemText, toFormProblem } from '../../components/form-problem.js';
import { AttendanceBadge } from './MeetingBadges.js';
import { ATTENDANCE_LABELS, LEVEL_LABELS } from './meeting-labels.js';
import { usePutAttendance } from './meetings.api.js';
import { NotKnown } from './NotKnown.js';

const ATTENDANCE_OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'unknown', label: 'Not known' },
  { value: 'present', label: 'Present' },
  { value: 'absent', label: 'Absent' },
];

interface Conflict {
  memberName: string;
  message: string;
}

interface DelegationsTableProps {
  meeting: Meeting;
  /** The secretariat records attendance and may name any delegation. */
  canManage: boolean;
  /** The row the address points at (#delegation-FRA), shown highlighted. */
  highlighted: string | null;
  onReload: () => Promise<unknown>;
}

/** Invited delegations in protocol order: who heads each, at what level, and whether it attended. */
export function DelegationsTable({ meeting, canManage, highlighted, onReload }: DelegationsTableProps) {
  const putAttendance = usePutAttendance(meeting.id);
  const [saving, setSaving] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const cancelled = meeting.status === 'cancelled';
  // The row may be far down a list of sixty: bring the message to the user.
  const conflictRef = useBannerFocus(conflict !== null);

  const record = (delegation: Delegation, attendance: AttendanceStatus) => {
    setConflict(null);
    setSaving(delegation.memberCode);
    putAttendance.mutate(
      // The version of the row as this page read it: a change made since then is not overwritten.
      { code: delegation.memberCode, version: delegation.version, attendance },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: `${delegation.memberName}: attendance recorded as ${ATTENDANCE_LABELS[attendance]}.`,
          }),
        onError: (error) => {
          const problem = toFormProblem(error);
          if (problem.kind === 'changed') {
            setConflict({ memberName: delegation.memberName, message: problem.detail });
          } else {
            const text = problemText(problem, 'attendance');
            const message = typeof text.body === 'string' ? text.body : text.body.join(' ');
            notifications.show({ color: 'red', title: text.title, message });
          }
          // Changed by a colleague, or the meeting cancelled meanwhile: show the list as it is now.
          if (isApiError(error, 409)) void onReload();
        },
        onSettled: () => setSaving(null),
      },
    );
  };

  return (
    <Stack gap="sm">
      {conflict ? (
        <Alert
          ref={conflictRef}
          tabIndex={-1}
          className="form-banner"
          color="orange"
          title={`The attendance of ${conflict.memberName} was not recorded`}
          role="alert"
        >
          <Text size="sm">
            Someone else changed this delegation after the page was loaded. The list below has been reloaded: check it,
            then record the attendance again if it is still needed.
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {conflict.message}
          </Text>
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={320} type="native">
        <Table striped verticalSpacing="xs" className="delegations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <abbr title="Position in protocol order">No.</abbr>
              </Table.Th>
              <Table.Th visibleFrom="sm">Code</Table.Th>
              <Table.Th>Member</Table.Th>
              <Table.Th>Head of delegation</Table.Th>
              <Table.Th visibleFrom="sm">Level</Table.Th>
              <Table.Th>Attendance</Table.Th>
              {canManage ? <Table.Th>Secretariat</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.delegations.map((d, index) => {
              const level = d.level ? LEVEL_LABELS[d.level] : null;
              return (
                <Table.Tr
                  key={d.memberCode}
                  id={`delegation-${d.memberCode}`}
                  data-code={d.memberCode}
                  data-highlighted={highlighted === d.memberCode || undefined}
                >
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td visibleFrom="sm" ff="monospace">
                    {d.memberCode}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/members/${d.memberCode}`} size="sm">
                      {d.memberName}
                    </Anchor>
                    {d.memberCode === meeting.hostCode ? (
                      <Text span size="xs" c="dimmed" ml={6}>
                        (host)
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {d.head ? (
                      <>
                        <Text size="sm" fw={600}>
                          {d.head.name}
                        </Text>
                        {d.head.title ? (
                          <Text size="xs" c="dimmed">
                            {d.head.title}
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <NotKnown />
                    )}
                    {/* On a phone the Level column gives way; the level stays under the head. */}
                    <Text size="xs" hiddenFrom="sm">
                      Level: {level ?? 'not known'}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{level ?? <NotKnown />}</Table.Td>
                  <Table.Td>
                    <AttendanceBadge attendance={d.attendance} note={d.attendanceNote} />
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <NativeSelect
                          size="xs"
                          aria-label={`Attendance of ${d.memberName}`}
                          data={ATTENDANCE_OPTIONS}
                          value={d.attendance}
                          disabled={cancelled || saving === d.memberCode}
                          onChange={(event) => record(d, event.currentTarget.value as AttendanceStatus)}
                        />
                        <Button
                          component={Link}
                          to={`/meetings/${meeting.id}/delegations/${d.memberCode}`}
                          size="compact-xs"
                          variant="light"
                          aria-label={`Name the delegation of ${d.memberName}`}
                        >
                          Name
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
