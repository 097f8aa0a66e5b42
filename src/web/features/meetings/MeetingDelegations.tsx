import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/meetings.js';
import { useFormat } from '../../i18n/format.js';
import { AttendanceDesk } from './AttendanceDesk.js';
import { hasBegun } from './attendance-desk.js';
import { DelegationsTable } from './DelegationsTable.js';
import { useProtocolOrder } from './meetings.api.js';

interface MeetingDelegationsProps {
  meeting: Meeting;
  /** The secretariat records attendance (at the desk) and may name any delegation. */
  canManage: boolean;
  /** The row the address points at (#delegation-FRA). */
  highlighted: string | null;
  onReload: () => Promise<{ data?: Meeting }>;
}

/** The invited delegations in protocol order, with the rule of the order and the attendance so far. */
export function MeetingDelegations({ meeting, canManage, highlighted, onReload }: MeetingDelegationsProps) {
  const { t } = useTranslation('meetings');
  const f = useFormat();
  const order = useProtocolOrder(meeting.id);
  const present = meeting.delegations.filter((d) => d.attendance === 'present').length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="delegations-heading">
      <Title order={2} size="h3" id="delegations-heading">
        {t('delegations.heading', { n: f.number(meeting.delegations.length) })}
      </Title>
      {meeting.delegations.length === 0 ? (
        <Text c="dimmed">{t('delegations.none')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {meeting.status === 'planned' && !hasBegun(meeting)
              ? t('delegations.attendanceLater')
              : t('delegations.present', { present: f.number(present), count: meeting.delegations.length })}
          </Text>
          {order.data ? (
            <Text size="sm" c="dimmed" className="protocol-rule">
              {t('delegations.inProtocolOrder', {
                rule: t(`protocolOrder.${order.data.rule}.${order.data.language}`),
              })}
            </Text>
          ) : null}
          {/* At the door: the secretariat's one view for recording attendance, once the meeting has begun. */}
          {canManage && (meeting.status === 'held' || (meeting.status === 'planned' && hasBegun(meeting))) ? (
            <AttendanceDesk meeting={meeting} onReload={onReload} />
          ) : null}
          <DelegationsTable meeting={meeting} canManage={canManage} highlighted={highlighted} />
        </>
      )}
    </Stack>
  );
}
