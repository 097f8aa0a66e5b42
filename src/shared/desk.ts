import { z } from 'zod';
import { MeetingKind, RepresentationLevel, TitleTranslationsAnswer, WorkingLanguage } from './meetings.js';
import { AnswerId } from './text.js';

/** A meeting as the desk lists it: enough to name it, date it and link to it. */
const DeskMeeting = {
  meetingId: AnswerId,
  kind: MeetingKind,
  title: z.string(),
  titleTranslations: TitleTranslationsAnswer,
  workingLanguage: WorkingLanguage,
  city: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
};

/** A planned meeting the focal point's member is invited to, and whether its delegation is named yet. */
export const MemberInvitation = z.object({
  ...DeskMeeting,
  /** A level of representation or anyone on the delegation: the focal point has named it. */
  named: z.boolean(),
  level: RepresentationLevel.nullable(),
  /** People on the delegation (head, alternates, advisers). */
  seats: z.number().int(),
});
export type MemberInvitation = z.infer<typeof MemberInvitation>;

export const MemberInvitationList = z.object({
  memberCode: z.string(),
  /** Planned meetings, soonest first. */
  items: z.array(MemberInvitation),
});
export type MemberInvitationList = z.infer<typeof MemberInvitationList>;

/** A planned meeting with what its delegations still lack. */
export const MeetingAttention = z.object({
  ...DeskMeeting,
  invited: z.number().int(),
  /** Invited members whose delegation is not named yet. */
  unnamed: z.number().int(),
});
export type MeetingAttention = z.infer<typeof MeetingAttention>;

/** What needs the secretariat: soon meetings with delegations to chase, and meetings past their end still planned. */
export const SecretariatDesk = z.object({
  /** The days the desk looked at (YYYY-MM-DD, in UTC): today and `horizonDays` ahead. */
  today: z.string(),
  horizonDays: z.number().int(),
  /** Planned meetings starting from today within the horizon, soonest first. */
  upcoming: z.array(MeetingAttention),
  /** Planned meetings whose last day is past: to be marked held or cancelled. */
  overdue: z.array(MeetingAttention),
});
export type SecretariatDesk = z.infer<typeof SecretariatDesk>;

/** How far ahead the secretariat's desk looks. */
export const DESK_HORIZON_DAYS = 42;
