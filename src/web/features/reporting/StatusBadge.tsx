import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus, ValueStatus } from '../../../shared/progress.js';

const COLORS: Record<ReportStatus, string> = {
  not_started: 'gray',
  draft: 'blue',
  submitted: 'violet',
  approved: 'green',
  returned: 'orange',
};

/** A report's or a value's status, in words and colour. */
export function StatusBadge({ status }: { status: ReportStatus | ValueStatus }) {
  const { t } = useTranslation('reporting');
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
