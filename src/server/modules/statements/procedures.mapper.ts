import type { Language } from '../../../shared/language.js';
import type { ProcedureNoticeParams } from '../../../shared/notifications.js';
import type { MemberRef, ProcedureSummary, ResponseRecord, StatementTranslations } from '../../../shared/statements.js';
import type { ProcedureRow } from '../../db/schema/statements.js';
import type { ResponseRow } from './procedures.repo.js';

const iso = (at: Date | string): string => (typeof at === 'string' ? new Date(at) : at).toISOString();

/** A procedure as the API shows it in lists, and as the audit trail records it. */
export function toProcedureSummary(row: ProcedureRow & { textVersion: number }): ProcedureSummary {
  return {
    id: row.id,
    statementId: row.statementId,
    kind: row.kind,
    status: row.status,
    textVersion: row.textVersion,
    deadline: iso(row.deadline),
    timeZone: row.timeZone,
    openedAt: iso(row.openedAt),
    endedAt: row.endedAt ? iso(row.endedAt) : null,
    reason: row.reason,
    version: row.version,
  };
}

/** A member as a procedure names it. */
export function toMemberRef(row: {
  code: string;
  kind: MemberRef['kind'];
  nameEn: string;
  nameFr: string;
  nameAr: string;
}): MemberRef {
  return {
    code: row.code,
    name: row.nameEn,
    names: { en: row.nameEn, fr: row.nameFr, ar: row.nameAr },
    kind: row.kind,
  };
}

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
