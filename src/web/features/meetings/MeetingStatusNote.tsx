import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/meetings.js';

/** Why the meeting was cancelled (or a word on its being held), for every reader of the page. */
export function MeetingStatusNote({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  if (!meeting.statusReason) return null;
  return (
    <Alert
      color={meeting.status === 'cancelled' ? 'red' : 'gray'}
      variant="light"
      title={t(`manage.reason.${meeting.status}`)}
    >
      <Text size="sm" className="status-reason">
        <bdi>{meeting.statusReason}</bdi>
      </Text>
    </Alert>
  );
}
