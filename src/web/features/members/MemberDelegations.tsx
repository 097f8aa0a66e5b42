import { Anchor, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { AttendanceBadge } from '../meetings/MeetingBadges.js';
import { meetingDateTime, useMeetingTime } from '../meetings/meeting-time.js';
import { useMemberDelegations } from '../meetings/meetings.api.js';
import { NotKnown } from '../meetings/NotKnown.js';

/** The meetings a member was invited to, latest first: who headed its delegation, at what level, whether it came. */
export function MemberDelegations({ code }: { code: string }) {
  const { t } = useTranslation(['members', 'enums']);
  const time = useMeetingTime();
  const delegations = useMemberDelegations(code);
  if (delegations.isPending) return <Loading label={t('member.delegations.loading')} />;
  if (delegations.isError) {
    return (
      <ErrorAlert
        error={delegations.error}
        title={t('member.delegations.notLoaded')}
        onRetry={() => delegations.refetch()}
      />
    );
  }
  if (delegations.data.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">{t('member.delegations.none')}</Text>
      </Paper>
    );
  }
  // On a phone the level and attendance columns give way, and what they say stays under the head.
  return (
    <Table.ScrollContainer minWidth={320} type="native">
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="start">{t('member.delegations.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('member.delegations.date')}</Table.Th>
            <Table.Th>{t('member.delegations.meeting')}</Table.Th>
            <Table.Th>{t('member.delegations.head')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('member.delegations.level')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('member.delegations.attendance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {delegations.data.map(({ meeting, head, level, attendance, attendanceNote }) => (
            <Table.Tr key={meeting.id} data-meeting={meeting.id}>
              <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                <time dateTime={meetingDateTime(meeting)}>{time.dates(meeting)}</time>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Anchor component={Link} to={`/meetings/${meeting.id}`}>
                  <LocalizedTitle
                    title={meeting.title}
                    titleTranslations={meeting.titleTranslations}
                    language={meeting.workingLanguage}
                  />
                </Anchor>
                {meeting.city ? (
                  <Text size="xs" c="dimmed">
                    <bdi>{meeting.city}</bdi>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {head ? (
                  <>
                    <bdi>{head.name}</bdi>
                    {head.title ? (
                      <Text size="xs" c="dimmed">
                        <bdi>{head.title}</bdi>
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <NotKnown />
                )}
                <Group gap={6} mt={4} hiddenFrom="sm">
                  {level ? <Text size="xs">{t(`enums:level.${level}`)}</Text> : null}
                  <AttendanceBadge attendance={attendance} note={attendanceNote} />
                </Group>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }} visibleFrom="sm">
                {level ? t(`enums:level.${level}`) : <NotKnown />}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }} visibleFrom="sm">
                <AttendanceBadge attendance={attendance} note={attendanceNote} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
