import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Meeting } from '../../../shared/meetings.js';
import { StatusBadge } from './MeetingBadges.js';
import { KIND_LABELS, VISIBILITY_LABELS } from './meeting-labels.js';
import { meetingIcsUrl } from './meetings.api.js';

/** The meeting's title, what kind it is, where it stands, who may see it; its calendar file and printable list. */
export function MeetingHeader({ meeting }: { meeting: Meeting }) {
  return (
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
  );
}
