import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, MeetingStatus } from '../../../shared/meetings.js';
import { ATTENDANCE_COLORS, STATUS_COLORS } from './meeting-labels.js';

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation(['meetings', 'enums']);
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-status={status} className="badge-whole">
      {t(`enums:meetingStatus.${status}`)}
    </Badge>
  );
}

/**
 * Whether a delegation attended. The note (what the sources say, e.g. "inferred from the
 * partner count") shows on hover and keyboard focus, and is read out by screen readers.
 */
export function AttendanceBadge({ attendance, note }: { attendance: AttendanceStatus; note: string | null }) {
  const { t } = useTranslation(['meetings', 'enums']);
  const badge = (
    <Badge
      variant={attendance === 'unknown' ? 'outline' : 'light'}
      color={ATTENDANCE_COLORS[attendance]}
      tt="none"
      data-attendance={attendance}
      className="badge-whole"
      tabIndex={note ? 0 : undefined}
      style={note ? { cursor: 'help' } : undefined}
    >
      {t(`enums:attendance.${attendance}`)}
      {note ? <VisuallyHidden>{t('attendance.note', { note })}</VisuallyHidden> : null}
    </Badge>
  );
  if (!note) return badge;
  return (
    <Tooltip label={<bdi>{note}</bdi>} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
      {badge}
    </Tooltip>
  );
}
