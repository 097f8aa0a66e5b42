import { z } from 'zod';
import {
  CHANGEABLE_WHEN_ADOPTED,
  DECISION_METHODS,
  FOLLOW_UP_STATUSES,
  MEMBER_STATEMENT_STANDINGS,
  POSITION_KINDS,
  PROCEDURE_KINDS,
  PROCEDURE_RESPONSES,
  PROCEDURE_STATUSES,
  STATEMENT_KINDS,
  STATEMENT_STATUSES,
} from './enums.js';
import { Language } from './language.js';
import { TimeZone, Visibility } from './meetings.js';
import { IsoDate, MemberCode, MemberKind, MemberNamesAnswer } from './members.js';
import { AnswerId, Text } from './text.js';

// The contract of statements adopted by consensus: statements and their text versions, silence
// and endorsement procedures, members' positions, and the decision register (issue 9).
// Record versions (`version`) are If-Match tokens as everywhere; text versions are `number`s.

export const StatementKind = z.enum(STATEMENT_KINDS);
export type StatementKind = z.infer<typeof StatementKind>;
export const StatementStatus = z.enum(STATEMENT_STATUSES);
export type StatementStatus = z.infer<typeof StatementStatus>;
export const ProcedureKind = z.enum(PROCEDURE_KINDS);
export type ProcedureKind = z.infer<typeof ProcedureKind>;
export const ProcedureStatus = z.enum(PROCEDURE_STATUSES);
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;
export const ProcedureResponseKind = z.enum(PROCEDURE_RESPONSES);
export type ProcedureResponseKind = z.infer<typeof ProcedureResponseKind>;
export const DecisionMethod = z.enum(DECISION_METHODS);
export type DecisionMethod = z.infer<typeof DecisionMethod>;
export const PositionKind = z.enum(POSITION_KINDS);
export type PositionKind = z.infer<typeof PositionKind>;
export const FollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/** An instant with its offset or Z, "2014-12-05T17:00:00+01:00"; stored and answered in UTC. */
export const Instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 instant such as 2014-12-05T17:00:00+01:00',
});

/** The largest number PostgreSQL's `integer` holds: a number sent for a text version (or a paragraph) above it names none. */
export const MAX_INTEGER = 2_147_483_647;

/** A text version's `number`, in a body; in a path or a query, `TextVersionNumberParam`. */
const TextVersionNumber = z.number().int().min(1).max(MAX_INTEGER);
const TextVersionNumberParam = z.coerce.number().int().min(1).max(MAX_INTEGER);

/** The most a text version may hold (characters of Markdown). */
export const MAX_STATEMENT_TEXT = 100_000;

// ─── Inputs ────────────────────────────────────────────────────────────────────────────────

const StatementTitle = Text.trim().min(1, 'is required').max(300);

/**
 * A title's translations: `{ fr: { title }, ar: { title } }`. The title itself is the original,
 * in the statement's language; a translation in that language is refused
 * (`translation_of_original`), as for meetings.
 */
export const StatementTranslations = z.strictObject(
  Object.fromEntries(
    Language.options.map((language) => [language, z.strictObject({ title: StatementTitle }).optional()]),
  ) as Record<Language, z.ZodOptional<z.ZodObject<{ title: typeof StatementTitle }>>>,
);
export type StatementTranslations = z.infer<typeof StatementTranslations>;

export const StatementIdParams = z.object({ id: z.uuid({ message: 'must be a statement id' }) });
export const TextVersionParams = StatementIdParams.extend({ number: TextVersionNumberParam });
export const PositionParams = StatementIdParams.extend({
  positionId: z.uuid({ message: 'must be a position id' }),
});
export const ProcedureIdParams = z.object({ id: z.uuid({ message: 'must be a procedure id' }) });
export const DecisionIdParams = z.object({ id: z.uuid({ message: 'must be a decision id' }) });
export const FollowUpIdParams = z.object({ id: z.uuid({ message: 'must be a follow-up id' }) });

const statementFields = {
  kind: StatementKind,
  title: StatementTitle,
  /** The language of the original (the title and the text): the authentic text. */
  language: Language,
  visibility: Visibility,
  meetingId: z.uuid({ message: 'must be a meeting id' }).nullable(),
  /** For a restricted statement: the members that may see it (besides the secretariat). */
  restrictedTo: z.array(MemberCode).max(200),
  /** Replaces the stored translations as a whole. */
  translations: StatementTranslations,
};

export const CreateStatementBody = z.strictObject({
  kind: statementFields.kind,
  title: statementFields.title,
  language: statementFields.language,
  visibility: statementFields.visibility,
  meetingId: statementFields.meetingId.optional(),
  restrictedTo: statementFields.restrictedTo.optional(),
  translations: statementFields.translations.optional(),
});
export type CreateStatementBody = z.infer<typeof CreateStatementBody>;

/** PATCH with If-Match: what is sent changes, the rest stays. `status: withdrawn` withdraws a draft. */
export const UpdateStatementBody = z.strictObject({
  kind: statementFields.kind.optional(),
  title: statementFields.title.optional(),
  language: statementFields.language.optional(),
  visibility: statementFields.visibility.optional(),
  meetingId: statementFields.meetingId.optional(),
  restrictedTo: statementFields.restrictedTo.optional(),
  translations: statementFields.translations.optional(),
  status: z.literal(StatementStatus.enum.withdrawn).optional(),
});
export type UpdateStatementBody = z.infer<typeof UpdateStatementBody>;

// The fields an adopted statement's PATCH may change (zod-free, for the web): every one a field of the body.
CHANGEABLE_WHEN_ADOPTED satisfies readonly (keyof UpdateStatementBody)[];

export { CHANGEABLE_WHEN_ADOPTED };

export const ListStatementsQuery = z.object({
  status: StatementStatus.optional(),
  kind: StatementKind.optional(),
  meetingId: z.uuid({ message: 'must be a meeting id' }).optional(),
});
export type ListStatementsQuery = z.infer<typeof ListStatementsQuery>;

export const AddTextVersionBody = z.strictObject({
  /** Markdown. Raw HTML in it is shown as text, never passed through. */
  text: Text.trim().min(1, 'is required').max(MAX_STATEMENT_TEXT),
  note: Text.trim().max(1000).nullable().optional(),
});
export type AddTextVersionBody = z.infer<typeof AddTextVersionBody>;

export const DiffQuery = z.object({ from: TextVersionNumberParam, to: TextVersionNumberParam });
export type DiffQuery = z.infer<typeof DiffQuery>;

export const OpenProcedureBody = z.strictObject({
  kind: ProcedureKind,
  /** The `number` of the text version circulated. */
  textVersion: z.number().int().min(1),
  /** Any instant after now (the database's clock); under 24 hours the interface warns, the API does not refuse. */
  deadline: Instant,
  /** The zone the deadline is shown in (default: the meeting's, else UTC). */
  timeZone: TimeZone.optional(),
  /** The members circulated; default: every active member. */
  members: z.array(MemberCode).min(1).max(300).optional(),
});
export type OpenProcedureBody = z.infer<typeof OpenProcedureBody>;

export const RespondBody = z.strictObject({
  memberCode: MemberCode,
  /** `break` in a silence procedure, `endorse` in an endorsement. */
  response: ProcedureResponseKind,
  /** Required to break silence. */
  reason: Text.trim().min(1, 'is required').max(4000).nullable().optional(),
  /** The paragraph (1-based, of the circulated version) the reason or the proposed wording is about. */
  paragraph: z.number().int().min(1).nullable().optional(),
  /** Wording proposed for that paragraph. */
  proposedText: Text.trim().min(1, 'is required').max(10_000).nullable().optional(),
});
export type RespondBody = z.infer<typeof RespondBody>;

export const ExtendProcedureBody = z.strictObject({
  deadline: Instant,
  reason: Text.trim().min(1, 'is required').max(2000),
});
export type ExtendProcedureBody = z.infer<typeof ExtendProcedureBody>;

export const WithdrawProcedureBody = z.strictObject({
  reason: Text.trim().min(1, 'is required').max(2000),
});
export type WithdrawProcedureBody = z.infer<typeof WithdrawProcedureBody>;

export const ListProceduresQuery = z.object({
  status: ProcedureStatus.optional(),
  statementId: z.uuid({ message: 'must be a statement id' }).optional(),
});
export type ListProceduresQuery = z.infer<typeof ListProceduresQuery>;

/** The secretariat records a statement adopted by consensus at a meeting (If-Match: the statement's version). */
export const AdoptAtMeetingBody = z.strictObject({
  textVersion: TextVersionNumber,
  /** The meeting it was adopted at; default the statement's meeting (one of the two is needed). */
  meetingId: z.uuid({ message: 'must be a meeting id' }).optional(),
  /** The day of adoption; default the meeting's last day. */
  adoptedOn: IsoDate.optional(),
});
export type AdoptAtMeetingBody = z.infer<typeof AdoptAtMeetingBody>;

export const AddPositionBody = z.strictObject({
  memberCode: MemberCode,
  kind: PositionKind,
  text: Text.trim().min(1, 'is required').max(10_000),
});
export type AddPositionBody = z.infer<typeof AddPositionBody>;

export const ListDecisionsQuery = z.object({
  /** Decisions adopted in this year (by their day of adoption). */
  year: z.coerce.number().int().min(1900).max(9999).optional(),
});
export type ListDecisionsQuery = z.infer<typeof ListDecisionsQuery>;

export const AddFollowUpBody = z.strictObject({
  text: Text.trim().min(1, 'is required').max(2000),
  /** One owner: a member by its code, or a working group by name (`one_owner` otherwise). */
  ownerMemberCode: MemberCode.nullable().optional(),
  ownerWorkingGroup: Text.trim().min(1, 'is required').max(200).nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
  status: FollowUpStatus.optional(),
});
export type AddFollowUpBody = z.infer<typeof AddFollowUpBody>;

/** PATCH with If-Match. */
export const UpdateFollowUpBody = z.strictObject({
  text: AddFollowUpBody.shape.text.optional(),
  ownerMemberCode: AddFollowUpBody.shape.ownerMemberCode,
  ownerWorkingGroup: AddFollowUpBody.shape.ownerWorkingGroup,
  dueOn: AddFollowUpBody.shape.dueOn,
  status: FollowUpStatus.optional(),
});
export type UpdateFollowUpBody = z.infer<typeof UpdateFollowUpBody>;

// ─── Answers ───────────────────────────────────────────────────────────────────────────────

/** A member as a statement or procedure names it. */
export const MemberRef = z.object({
  code: z.string(),
  name: z.string(),
  names: MemberNamesAnswer,
  kind: MemberKind,
});
export type MemberRef = z.infer<typeof MemberRef>;

export const TranslationsAnswer = z.object(
  Object.fromEntries(
    Language.options.map((language) => [language, z.object({ title: z.string() }).optional()]),
  ) as Record<Language, z.ZodOptional<z.ZodObject<{ title: z.ZodString }>>>,
);
export type TranslationsAnswer = z.infer<typeof TranslationsAnswer>;

/** One paragraph of a rendered text: its number, to cite it by, and its sanitized HTML. */
export const Paragraph = z.object({ number: z.number().int(), html: z.string() });
export type Paragraph = z.infer<typeof Paragraph>;

export const TextVersionSummary = z.object({
  number: z.number().int(),
  note: z.string().nullable(),
  authorName: z.string().nullable(),
  /** ISO 8601 instant. */
  createdAt: z.string(),
  /** Circulated in a procedure at least once: then immutable, and a new round needs a new version. */
  circulated: z.boolean(),
});
export type TextVersionSummary = z.infer<typeof TextVersionSummary>;

export const TextVersion = TextVersionSummary.extend({
  /** The Markdown as written. */
  text: z.string(),
  /** The rendered text, paragraph by paragraph (top-level blocks), numbered from 1. */
  paragraphs: z.array(Paragraph),
});
export type TextVersion = z.infer<typeof TextVersion>;

export const Position = z.object({
  id: AnswerId,
  member: MemberRef,
  kind: PositionKind,
  text: z.string(),
  createdAt: z.string(),
});
export type Position = z.infer<typeof Position>;

/** What an adopted statement says of its adoption. */
export const Adoption = z.object({
  method: DecisionMethod,
  /** The `number` of the adopted text version, its text and paragraphs. */
  textVersion: z.number().int(),
  text: z.string(),
  paragraphs: z.array(Paragraph),
  /** The instant of adoption (a procedure's deadline, or the meeting's day at noon in its zone). */
  adoptedAt: z.string(),
  /** The day of adoption, in the procedure's (or meeting's) zone: YYYY-MM-DD. */
  adoptedOn: z.string(),
  decisionId: AnswerId,
  decisionNumber: z.string(),
  /** silence: the members circulated that kept silent; endorsement: those that endorsed; meeting_consensus: []. */
  members: z.array(MemberRef),
  procedureId: AnswerId.nullable(),
});
export type Adoption = z.infer<typeof Adoption>;

export const ProcedureSummary = z.object({
  id: AnswerId,
  statementId: AnswerId,
  kind: ProcedureKind,
  status: ProcedureStatus,
  /** The `number` of the text version circulated. */
  textVersion: z.number().int(),
  /** ISO 8601 instant (UTC). */
  deadline: z.string(),
  /** The zone the deadline is shown in. */
  timeZone: z.string(),
  openedAt: z.string(),
  /** When it ended (broken, adopted at its deadline, closed, withdrawn); null while open. */
  endedAt: z.string().nullable(),
  /** The secretariat's reason for withdrawing, or the last extension's. */
  reason: z.string().nullable(),
  version: z.number().int(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const StatementSummary = z.object({
  id: AnswerId,
  kind: StatementKind,
  /** The original, in `language`: the authentic text. */
  title: z.string(),
  translations: TranslationsAnswer,
  language: Language,
  visibility: Visibility,
  status: StatementStatus,
  meetingId: AnswerId.nullable(),
  /** The day of adoption when adopted (YYYY-MM-DD), else null. */
  adoptedOn: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  /** The open procedure's deadline (ISO 8601), when one is open. */
  deadline: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type StatementSummary = z.infer<typeof StatementSummary>;

export const StatementList = z.object({ items: z.array(StatementSummary) });
export type StatementList = z.infer<typeof StatementList>;

export const Statement = StatementSummary.extend({
  restrictedTo: z.array(z.string()),
  /** Every text version, newest last: for the secretariat and circulated members; [] for others. */
  versions: z.array(TextVersionSummary),
  /** Every procedure, oldest first: for the secretariat and circulated members; [] for others. */
  procedures: z.array(ProcedureSummary),
  /** Set once adopted: the adopted text and the members that kept silent or endorsed. */
  adoption: Adoption.nullable(),
  /** Reservations and explanations of position, oldest first. */
  positions: z.array(Position),
  createdAt: z.string(),
});
export type Statement = z.infer<typeof Statement>;

export const ResponseRecord = z.object({
  response: ProcedureResponseKind,
  reason: z.string().nullable(),
  paragraph: z.number().int().nullable(),
  proposedText: z.string().nullable(),
  /** Who answered for the member. */
  byName: z.string().nullable(),
  at: z.string(),
});
export type ResponseRecord = z.infer<typeof ResponseRecord>;

export const CirculatedMember = z.object({
  member: MemberRef,
  /** The latest response, or null: silence (or not yet endorsed). */
  response: ResponseRecord.nullable(),
  /** Every response, oldest first (the latest counts). */
  history: z.array(ResponseRecord),
});
export type CirculatedMember = z.infer<typeof CirculatedMember>;

export const Procedure = ProcedureSummary.extend({
  statementTitle: z.string(),
  statementTranslations: TranslationsAnswer,
  statementLanguage: Language,
  members: z.array(CirculatedMember),
});
export type Procedure = z.infer<typeof Procedure>;

/** The procedures a user has to act on (a focal point: their member's open ones), soonest deadline first. */
export const ToActItem = ProcedureSummary.extend({
  statementTitle: z.string(),
  statementTranslations: TranslationsAnswer,
  statementLanguage: Language,
  memberCode: z.string(),
  /** The member's latest response, or null. */
  response: ResponseRecord.nullable(),
});
export type ToActItem = z.infer<typeof ToActItem>;
export const ToActList = z.object({ items: z.array(ToActItem) });
export type ToActList = z.infer<typeof ToActList>;

export const ProcedureList = z.object({ items: z.array(ProcedureSummary) });
export type ProcedureList = z.infer<typeof ProcedureList>;

export const DiffPart = z.object({
  value: z.string(),
  added: z.boolean(),
  removed: z.boolean(),
});
export const TextDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** jsdiff's word-level diff of the Markdown: unchanged, removed and added runs in order. */
  parts: z.array(DiffPart),
});
export type TextDiff = z.infer<typeof TextDiff>;

export const FollowUpOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), member: MemberRef }),
  z.object({ kind: z.literal('working_group'), name: z.string() }),
]);
export type FollowUpOwner = z.infer<typeof FollowUpOwner>;

export const FollowUp = z.object({
  id: AnswerId,
  text: z.string(),
  owner: FollowUpOwner,
  dueOn: z.string().nullable(),
  status: FollowUpStatus,
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Decision = z.object({
  id: AnswerId,
  /** "2014/1": the year of adoption and its order in that year. */
  number: z.string(),
  title: z.string(),
  translations: TranslationsAnswer,
  language: Language,
  method: DecisionMethod,
  statementId: AnswerId,
  /** The `number` of the adopted text version. */
  textVersion: z.number().int(),
  meetingId: AnswerId.nullable(),
  adoptedOn: z.string(),
  followUps: z.array(FollowUp),
});
export type Decision = z.infer<typeof Decision>;
export const DecisionList = z.object({ items: z.array(Decision) });
export type DecisionList = z.infer<typeof DecisionList>;

// ─── A member's record on adopted statements (its public page) ────────────────────────────

export const MemberStatementStanding = z.enum(MEMBER_STATEMENT_STANDINGS);
export type MemberStatementStanding = z.infer<typeof MemberStatementStanding>;
/** The adopted statements the caller may see that were circulated to a member, newest adoption first. */
export const MemberStatementList = z.object({
  items: z.array(
    z.object({
      statement: StatementSummary,
      standing: MemberStatementStanding,
      /** The member attached a reservation or an explanation of position to it. */
      hasPosition: z.boolean(),
    }),
  ),
});
export type MemberStatementList = z.infer<typeof MemberStatementList>;
