import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Me } from '../../../shared/auth.js';
import type { Meeting } from '../../../shared/meetings.js';
import { STATUS_LABELS } from './meeting-labels.js';

/** What the signed-in focal point may do about their own member's delegation. */
export function FocalPointPanel({ meeting, me }: { meeting: Meeting; me: Me }) {
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
