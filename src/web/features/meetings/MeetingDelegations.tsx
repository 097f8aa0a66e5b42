import { Stack, Text, Title } from '@mantine/core';
import type { Meeting } from '../../../shared/meetings.js';
import { DelegationsTable } from './DelegationsTable.js';
import { useProtocolOrder } from './meetings.api.js';

interface MeetingDelegationsProps {
  meeting: Meeting;
  /** The secretariat records attendance and may name any delegation. */
  canManage: boolean;
  /** The row the address points at (#delegation-FRA). */
  highlighted: string | null;
  onReload: () => Promise<unknown>;
}

/** The invited delegations in protocol order, with the rule of the order and the attendance so far. */
export function MeetingDelegations({ meeting, canManage, highlighted, onReload }: MeetingDelegationsProps) {
  const order = useProtocolOrder(meeting.id);
  const present = meeting.delegations.filter((d) => d.attendance === 'present').length;
  return (
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
          <DelegationsTable meeting={meeting} canManage={canManage} highlighted={highlighted} onReload={onReload} />
        </>
      )}
    </Stack>
  );
}
