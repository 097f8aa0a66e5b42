import { Badge, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/members.js';
import { useFormat } from '../../i18n/format.js';

/**
 * When a member joined: its date, or — when the sources give no date — "uncertain" with what
 * they do say. A date is never made up from a note.
 */
export function Joined({ member }: { member: Pick<Member, 'joinedOn' | 'joinedNote'> }) {
  const { t } = useTranslation('members');
  const f = useFormat();
  if (member.joinedOn) return <time dateTime={member.joinedOn}>{f.date(member.joinedOn)}</time>;
  if (member.joinedNote) {
    return (
      <Tooltip
        label={<bdi>{member.joinedNote}</bdi>}
        multiline
        w={320}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        {/* Focusable, so that the note shows on keyboard focus too; screen readers get it as text. */}
        <Badge variant="light" color="orange" tt="none" tabIndex={0} style={{ cursor: 'help' }}>
          {t('joined.uncertain')}
          <VisuallyHidden>{t('joined.note', { note: member.joinedNote })}</VisuallyHidden>
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text span c="dimmed" size="sm">
      {t('joined.notRecorded')}
    </Text>
  );
}
