import type {
  MemberRef,
  Position,
  ProcedureSummary,
  StatementSummary,
  TextVersion,
  TextVersionSummary,
  TranslationsAnswer,
} from '../../../shared/statements.js';
import type { StatementRow } from '../../db/schema/statements.js';
import { decisionNumber } from './adoption.js';
import { renderParagraphs } from './render.js';
import type { DecisionReadRow, MemberRefRow, PositionRow, VersionRow } from './statements.repo.js';

/** An instant as the API gives it. */
export const iso = (at: Date | string): string => (typeof at === 'string' ? new Date(at) : at).toISOString();

/** A member as a statement, a decision or a procedure names it. */
export const toMemberRef = (row: MemberRefRow): MemberRef => ({
  code: row.code,
  name: row.nameEn,
  names: { en: row.nameEn, fr: row.nameFr, ar: row.nameAr },
  kind: row.kind,
});

/** The stored translations as the API gives them (only the languages that have one). */
export const toTranslations = (row: Pick<StatementRow, 'translations'>): TranslationsAnswer => ({
  ...row.translations,
});

/** What a statement's list and page share. */
export function toStatementSummary(
  row: StatementRow,
  decision: Pick<DecisionReadRow, 'year' | 'sequence' | 'adoptedOn'> | undefined,
  deadline: Date | undefined,
): StatementSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    translations: toTranslations(row),
    language: row.language,
    visibility: row.visibility,
    status: row.status,
    meetingId: row.meetingId,
    adoptedOn: decision?.adoptedOn ?? null,
    decisionNumber: decision ? decisionNumber(decision.year, decision.sequence) : null,
    deadline: deadline ? iso(deadline) : null,
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

type VersionSummaryRow = Omit<VersionRow, 'text'>;

export const toTextVersionSummary = (row: VersionSummaryRow): TextVersionSummary => ({
  number: row.number,
  note: row.note,
  authorName: row.authorName,
  createdAt: iso(row.createdAt),
  // PGlite and PostgreSQL agree on booleans; `exists` is never null.
  circulated: Boolean(row.circulated),
});

export const toTextVersion = (row: VersionRow): TextVersion => ({
  ...toTextVersionSummary(row),
  text: row.text,
  paragraphs: renderParagraphs(row.text),
});

export const toPosition = (row: PositionRow): Position => ({
  id: row.id,
  member: toMemberRef(row),
  kind: row.positionKind,
  text: row.text,
  createdAt: iso(row.createdAt),
});

export const toProcedureSummary = (row: {
  id: string;
  statementId: string;
  kind: ProcedureSummary['kind'];
  status: ProcedureSummary['status'];
  textVersion: number;
  deadline: Date;
  timeZone: string;
  openedAt: Date;
  endedAt: Date | null;
  reason: string | null;
  version: number;
}): ProcedureSummary => ({
  ...row,
  deadline: iso(row.deadline),
  openedAt: iso(row.openedAt),
  endedAt: row.endedAt ? iso(row.endedAt) : null,
});

/** A statement's own fields, as the audit trail records them before and after a change. */
export const statementRecord = (row: StatementRow, restrictedTo: string[]) => ({
  kind: row.kind,
  title: row.title,
  translations: row.translations,
  language: row.language,
  visibility: row.visibility,
  meetingId: row.meetingId,
  restrictedTo,
  status: row.status,
});
