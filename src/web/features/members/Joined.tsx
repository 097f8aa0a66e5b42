import { Badge, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { Member } from '../../../shared/members.js';
import { formatDate } from '../../components/format.js';

/**
 * When a member joined: its date, or — when the sources give no date — "uncertain" with what
 * they do say. A date is never made up from a note.
 */
export function Joined({ member }: { member: Pick<Member, 'joinedOn' | 'joinedNote'> }) {
  if (member.joinedOn) return <time dateTime={member.joinedOn}>{formatDate(member.joinedOn)}</time>;
  if (member.joinedNote) {
    return (
      <Tooltip label={member.joinedNote} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }}>
        {/* Focusable, so that the note shows on keyboard focus too; screen readers get it as text. */}
        <Badge variant="light" color="orange" tt="none" tabIndex={0} style={{ cursor: 'help' }}>
          uncertain<VisuallyHidden>: {member.joinedNote}</VisuallyHidden>
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text span c="dimmed" size="sm">
      not recorded
    </Text>
  );
}
