import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isInferredAttendance } from '../../../shared/attendance.js';
import type { DelegateRole, Delegation, Meeting } from '../../../shared/meetings.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { nameIn } from '../members/member-name.js';
import { AttendanceBadge } from './MeetingBadges.js';
import { NotKnown } from './NotKnown.js';
import { UninviteButton } from './UninviteButton.js';

interface DelegationsTableProps {
  meeting: Meeting;
  /** The secretariat may name any delegation (attendance is recorded at the AttendanceDesk). */
  canManage: boolean;
  /** The row the address points at (#delegation-FRA), shown highlighted. */
  highlighted: string | null;
}

// A type-checked value, not the zod enum: the public meeting page loads without zod.
const HEAD: DelegateRole = 'head';

/**
 * Invited delegations in protocol order: who heads each, at what level, and whether it attended.
 * In Arabic the columns start on the right, as the page's direction has them.
 */
export function DelegationsTable({ meeting, canManage, highlighted }: DelegationsTableProps) {
  const { t } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const language = useLanguage();
  const nameOf = (d: Delegation) => nameIn(d.memberNames, d.memberName, language);
  // Rows that say only "not known" three times (the 57 of Brussels the sources do not name) are
  // summed up in one line, and shown on request; the row the address points at always shows.
  const [showInferred, setShowInferred] = useState(false);
  const isBare = (d: Delegation) =>
    d.head === null && d.level === null && isInferredAttendance(d) && d.memberCode !== highlighted;
  const bare = meeting.delegations.filter(isBare).length;
  const collapsed = bare > 0 && !showInferred;

  return (
    <Stack gap="sm">
      {bare > 0 ? (
        <Group gap="xs" wrap="wrap" className="inferred-summary">
          <Text size="sm" c="dimmed">
            {t('delegations.inferred', { count: bare, n: f.number(bare) })}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-expanded={showInferred}
            aria-controls="delegations-table"
            onClick={() => setShowInferred((shown) => !shown)}
          >
            {showInferred ? t('delegations.hideInferred') : t('delegations.showInferred', { count: bare })}
          </Button>
        </Group>
      ) : null}
      <Table.ScrollContainer minWidth={320} type="native">
        <Table striped verticalSpacing="xs" className="delegations-table" id="delegations-table">
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
              if (collapsed && isBare(d)) return null;
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
