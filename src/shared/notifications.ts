import { z } from 'zod';
import { TitleTranslationsAnswer, WorkingLanguage } from './meetings.js';
import { AnswerId } from './text.js';

/**
 * What a notification is about. The interface words each kind from its catalog (`desk`
 * namespace, `notification.<kind>`) with the notification's params; the mail's words come from
 * the server's templates (src/server/modules/notifications/templates/<kind>.ts), one file a kind.
 */
export const NotificationKind = z.enum([
  /** A member was invited to a meeting: its focal points are asked to name the delegation. */
  'delegation_invited',
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

/** Each kind's params, by kind: a new kind adds its line here and its template file. */
export interface NotificationParamsOf {
  delegation_invited: DelegationInvitedParams;
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
