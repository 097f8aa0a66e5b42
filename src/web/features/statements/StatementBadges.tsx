import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureStatus, StatementStatus } from '../../../shared/statements.js';

const STATEMENT_COLORS: Record<StatementStatus, string> = {
  draft: 'gray',
  in_procedure: 'blue',
  adopted: 'green',
  withdrawn: 'dark',
};

const PROCEDURE_COLORS: Record<ProcedureStatus, string> = {
  open: 'blue',
  broken: 'red',
  adopted: 'green',
  closed: 'teal',
  withdrawn: 'dark',
};

export function StatementStatusBadge({ status }: { status: StatementStatus }) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={STATEMENT_COLORS[status]} data-status={status} className="badge-whole">
      {t(`statementStatus.${status}`)}
    </Badge>
  );
}

export function ProcedureStatusBadge({ status }: { status: ProcedureStatus }) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={PROCEDURE_COLORS[status]} data-procedure-status={status} className="badge-whole">
      {t(`procedureStatus.${status}`)}
    </Badge>
  );
}
