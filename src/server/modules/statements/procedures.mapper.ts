import type { Language } from '../../../shared/language.js';
import type { ProcedureNoticeParams } from '../../../shared/notifications.js';
import { ProcedureSummary, type ResponseRecord, type StatementTranslations } from '../../../shared/statements.js';
import type { ProcedureRow } from '../../db/schema/statements.js';
import type { ResponseRow } from './procedures.repo.js';
import { iso, toProcedureSummary } from './statements.mapper.js';

/**
 * A procedure as lists show it and the audit trail records it: the statements' mapper, cut to the
 * contract's fields (a locked row carries more, which no answer or audit event should).
 */
export const procedureSummary = (row: ProcedureRow & { textVersion: number }): ProcedureSummary =>
  ProcedureSummary.parse(toProcedureSummary(row));

/** One response; who gave it is named only to those who see the statement's workspace. */
export function toResponseRecord(row: ResponseRow, showWho: boolean): ResponseRecord {
  return {
    response: row.response,
    reason: row.reason,
    paragraph: row.paragraph,
    proposedText: row.proposedText,
    byName: showWho ? row.byName : null,
    at: iso(row.createdAt),
  };
}

/** What every `procedure_*` notice says of its procedure and statement. */
export function noticeParams(
  procedure: Pick<ProcedureRow, 'id' | 'statementId' | 'kind' | 'deadline' | 'timeZone'>,
  statement: { title: string; translations: StatementTranslations; language: Language },
  extra: { memberCode?: string; hoursLeft?: number; decisionNumber?: string } = {},
): ProcedureNoticeParams {
  return {
    procedureId: procedure.id,
    statementId: procedure.statementId,
    statementTitle: statement.title,
    translations: statement.translations,
    language: statement.language,
    procedureKind: procedure.kind,
    deadline: iso(procedure.deadline),
    timeZone: procedure.timeZone,
    memberCode: extra.memberCode ?? null,
    hoursLeft: extra.hoursLeft ?? null,
    decisionNumber: extra.decisionNumber ?? null,
  };
}
