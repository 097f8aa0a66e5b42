import { z } from 'zod';
import { Language } from './language.js';
import { TitleTranslationsAnswer, WorkingLanguage } from './meetings.js';
import { ProcedureKind, TranslationsAnswer } from './statements.js';
import { AnswerId } from './text.js';

/**
 * What a notification is about. The interface words each kind from its catalog (`desk`
 * namespace, `notification.<kind>`) with the notification's params; the mail's words come from
 * the server's templates (src/server/modules/notifications/templates/<kind>.ts), one file a kind.
 */
export const NotificationKind = z.enum([
  /** A member was invited to a meeting: its focal points are asked to name the delegation. */
  'delegation_invited',
  /** A text was circulated to a member (silence or endorsement): its focal points are told. */
  'procedure_circulated',
  /** 48 h or 6 h before the deadline, to the focal points of members that have not acted. */
  'procedure_reminder',
  /** A procedure ended in adoption (or an endorsement closed): the secretariat is told. */
  'procedure_adopted',
  /** A member broke silence: the secretariat is told. */
  'procedure_broken',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** What the interface and the mail need to word a `delegation_invited` notification. */
export const DelegationInvitedParams = z.object({
  meetingId: AnswerId,
  /** The original title, in the meeting's working language, and its translations, as the meeting has them. */
  meetingTitle: z.string(),
  titleTranslations: TitleTranslationsAnswer,
  /** The language of the original title. */
  workingLanguage: WorkingLanguage,
  memberCode: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** When the delegation is to be named by (ISO 8601), if the secretariat set a date. */
  deadline: z.string().nullable(),
});
export type DelegationInvitedParams = z.infer<typeof DelegationInvitedParams>;

/** What the interface and the mail need to word a notification about a procedure (every `procedure_*` kind). */
export const ProcedureNoticeParams = z.object({
  procedureId: AnswerId,
  statementId: AnswerId,
  /** The original title, in the statement's language, and its translations. */
  statementTitle: z.string(),
  translations: TranslationsAnswer,
  language: Language,
  procedureKind: ProcedureKind,
  /** ISO 8601 instant, and the zone to show it in. */
  deadline: z.string(),
  timeZone: z.string(),
  /** The member told (circulated, reminder) or the member that broke silence (broken); null otherwise. */
  memberCode: z.string().nullable(),
  /** procedure_reminder: hours left, 48 or 6. */
  hoursLeft: z.number().int().nullable(),
  /** procedure_adopted: the decision's number ("2014/1"); null otherwise. */
  decisionNumber: z.string().nullable(),
});
export type ProcedureNoticeParams = z.infer<typeof ProcedureNoticeParams>;

/** Each kind's params, by kind: a new kind adds its line here and its template file. */
export interface NotificationParamsOf {
  delegation_invited: DelegationInvitedParams;
  procedure_circulated: ProcedureNoticeParams;
  procedure_reminder: ProcedureNoticeParams;
  procedure_adopted: ProcedureNoticeParams;
  procedure_broken: ProcedureNoticeParams;
}

const fields = {
  id: AnswerId,
  /** ISO 8601. */
  createdAt: z.string(),
  /** When the user marked it read (ISO 8601); null while unread. */
  readAt: z.string().nullable(),
};

export const Notification = z.discriminatedUnion('kind', [
  z.object({ ...fields, kind: z.literal(NotificationKind.enum.delegation_invited), params: DelegationInvitedParams }),
  z.object({ ...fields, kind: z.literal(NotificationKind.enum.procedure_circulated), params: ProcedureNoticeParams }),
  z.object({ ...fields, kind: z.literal(NotificationKind.enum.procedure_reminder), params: ProcedureNoticeParams }),
  z.object({ ...fields, kind: z.literal(NotificationKind.enum.procedure_adopted), params: ProcedureNoticeParams }),
  z.object({ ...fields, kind: z.literal(NotificationKind.enum.procedure_broken), params: ProcedureNoticeParams }),
]);
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  /** Newest first. */
  items: z.array(Notification),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationIdParams = z.object({ id: z.uuid() });

export const ReadAllResult = z.object({ marked: z.number().int() });
export type ReadAllResult = z.infer<typeof ReadAllResult>;
