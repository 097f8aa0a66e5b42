import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ATTENDANCE_STATUSES } from '../../../shared/enums.js';
import type { AttendanceStatus, DelegateRole, Delegation, Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { useBannerFocus } from '../../components/FormAlerts.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { nameIn } from '../members/member-name.js';
import { AttendanceBadge } from './MeetingBadges.js';
import { usePutAttendance } from './meetings.api.js';
import { NotKnown } from './NotKnown.js';
import { UninviteButton } from './UninviteButton.js';

interface Conflict {
  memberName: string;
  /** The version the delegation is at now, as the reloaded meeting has it. */
  version: number | null;
}

interface DelegationsTableProps {
  meeting: Meeting;
  /** The secretariat records attendance and may name any delegation. */
  canManage: boolean;
  /** The row the address points at (#delegation-FRA), shown highlighted. */
  highlighted: string | null;
  /** Reads the meeting again; resolves with it. */
  onReload: () => Promise<{ data?: Meeting }>;
}

// A type-checked value, not the zod enum: the public meeting page loads without zod.
const HEAD: DelegateRole = 'head';

/**
 * Invited delegations in protocol order: who heads each, at what level, and whether it attended.
 * In Arabic the columns start on the right, as the page's direction has them.
 */
export function DelegationsTable({ meeting, canManage, highlighted, onReload }: DelegationsTableProps) {
  const { t, i18n } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const language = useLanguage();
  const putAttendance = usePutAttendance(meeting.id);
  const [saving, setSaving] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const cancelled = meeting.status === 'cancelled';
  // The row may be far down a list of sixty: bring the message to the user.
  const conflictRef = useBannerFocus(conflict !== null);
  const attendanceOptions = ATTENDANCE_STATUSES.map((value) => ({
    value,
    label: t(`attendance.option.${value}`),
  }));
  const nameOf = (d: Delegation) => nameIn(d.memberNames, d.memberName, language);

  const record = (delegation: Delegation, attendance: AttendanceStatus) => {
    const memberName = nameOf(delegation);
    setConflict(null);
    setSaving(delegation.memberCode);
    putAttendance.mutate(
      // The version of the row as this page read it: a change made since then is not overwritten.
      { code: delegation.memberCode, version: delegation.version, attendance },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('attendance.recorded', { member: memberName, attendance: t(`enums:attendance.${attendance}`) }),
          }),
        onError: (error) => {
          if (isApiError(error, 409)) {
            // Changed by a colleague, or the meeting cancelled meanwhile: show the list as it is now,
            // and a colleague's change once the list shows it (with the version it is now at).
            const reloaded = onReload();
            if (error.code === 'version_mismatch') {
              void reloaded.then(({ data }) => {
                const now = data?.delegations.find((d) => d.memberCode === delegation.memberCode);
                setConflict({ memberName, version: now?.version ?? null });
              });
              return;
            }
          }
          notifications.show({
            color: 'red',
            title: t('attendance.notRecorded', { member: memberName }),
            // A failed request is worded by the common catalog.
            message: problemMessage(i18n.getFixedT(null, 'common'), error),
          });
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
          title={t('attendance.notRecorded', { member: conflict.memberName })}
          role="alert"
        >
          <Text size="sm">
            {conflict.version === null
              ? t('attendance.changedMeanwhileGone')
              : t('attendance.changedMeanwhile', { version: f.number(conflict.version) })}
          </Text>
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={320} type="native">
        <Table striped verticalSpacing="xs" className="delegations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <abbr title={t('table.positionLong')}>{t('table.position')}</abbr>
              </Table.Th>
              <Table.Th visibleFrom="sm">{t('table.code')}</Table.Th>
              <Table.Th>{t('table.member')}</Table.Th>
              <Table.Th>{t('table.head')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('table.level')}</Table.Th>
              <Table.Th>{t('table.attendance')}</Table.Th>
              {canManage ? <Table.Th>{t('table.secretariat')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.delegations.map((d, index) => {
              const level = d.level ? t(`enums:level.${d.level}`) : null;
              const memberName = nameOf(d);
              return (
                <Table.Tr
                  key={d.memberCode}
                  id={`delegation-${d.memberCode}`}
                  data-code={d.memberCode}
                  data-highlighted={highlighted === d.memberCode || undefined}
                >
                  <Table.Td>{f.number(index + 1)}</Table.Td>
                  <Table.Td visibleFrom="sm" ff="monospace">
                    {d.memberCode}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/members/${d.memberCode}`} size="sm">
                      {memberName}
                    </Anchor>
                    {d.memberCode === meeting.hostCode ? (
                      <Text span size="xs" c="dimmed" ms={6}>
                        {t('table.host')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {d.head ? (
                      <>
                        <Text size="sm" fw={600}>
                          <bdi>{d.head.name}</bdi>
                        </Text>
                        {d.head.title ? (
                          <Text size="xs" c="dimmed">
                            <bdi>{d.head.title}</bdi>
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <NotKnown />
                    )}
                    {/* Alternates and advisers: the server sends them to signed-in users only. */}
                    {d.delegates
                      .filter((s) => s.role !== HEAD)
                      .map((s) => (
                        <Text key={s.person.id} size="xs" data-role={s.role}>
                          {t('table.seatHolder', { role: t(`enums:delegateRole.${s.role}`), name: s.person.name })}
                        </Text>
                      ))}
                    {/* On a phone the Level column gives way; the level stays under the head. */}
                    <Text size="xs" hiddenFrom="sm">
                      {t('table.levelOnPhone', { level: level ?? t('notKnown') })}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{level ?? <NotKnown />}</Table.Td>
                  <Table.Td>
                    <AttendanceBadge attendance={d.attendance} note={d.attendanceNote} />
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {/* Wide enough for the longest choice in any language ("غير معروف" was clipped). */}
                        <NativeSelect
                          size="xs"
                          miw={120}
                          aria-label={t('attendance.of', { member: memberName })}
                          data={attendanceOptions}
                          value={d.attendance}
                          disabled={cancelled || saving === d.memberCode}
                          onChange={(event) => record(d, event.currentTarget.value as AttendanceStatus)}
                        />
                        <Button
                          component={Link}
                          to={`/meetings/${meeting.id}/delegations/${d.memberCode}`}
                          size="compact-xs"
                          variant="light"
                          aria-label={t('table.nameDelegationOf', { member: memberName })}
                        >
                          {t('table.name')}
                        </Button>
                        {d.delegates.length === 0 ? (
                          <UninviteButton meetingId={meeting.id} code={d.memberCode} memberName={memberName} />
                        ) : null}
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
