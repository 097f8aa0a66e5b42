import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  REPRESENTATION_LEVELS,
  VISIBILITIES,
  WORKING_LANGUAGES,
} from './enums.js';
import { Language } from './language.js';
import { IsoDate, MemberCode, MemberKind, MemberNamesAnswer } from './members.js';
import { refusedAs } from './problem.js';
import { AnswerId, Text } from './text.js';

export const MeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKind>;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;
export const WorkingLanguage = z.enum(WORKING_LANGUAGES);
export type WorkingLanguage = z.infer<typeof WorkingLanguage>;
/** How much of the date the sources give: a day, or only the month ("June 2015"). */
export const DatePrecision = z.enum(['day', 'month']);
export type DatePrecision = z.infer<typeof DatePrecision>;

export const RepresentationLevel = z.enum(REPRESENTATION_LEVELS);
export type RepresentationLevel = z.infer<typeof RepresentationLevel>;
export const DelegateRole = z.enum(['head', 'alternate', 'adviser']);
export type DelegateRole = z.infer<typeof DelegateRole>;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/** The shape of a wall-clock time; a field error names it as the format `time`. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The shape of a seat quota; a field error names it as the format `seat_quota`. */
export const SEAT_QUOTA_PATTERN = /^1\+\d{1,2}$/;

/** A wall-clock time in the meeting's own zone, "10:00". */
export const LocalTime = Text.regex(LOCAL_TIME_PATTERN, 'must be a time as HH:MM');
/** "1+3": one head of delegation plus three more seats. */
export const SeatQuota = Text.regex(SEAT_QUOTA_PATTERN, 'must be written 1+N, e.g. 1+3');
export const TimeZone = Text.refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.includes('/') || tz === 'UTC';
    } catch {
      return false;
    }
  },
  refusedAs('invalid_format', 'must be an IANA time zone such as Europe/Brussels', { format: 'time_zone' }),
);

/** A title's translation into one language: the same bounds as the title itself. */
const TranslatedTitle = Text.trim().min(1, 'is required').max(300);

/**
 * A title's translations, by language, as a create or a change sends them. The title itself is
 * the original, in the meeting's working language, and the authentic text: a translation in that
 * language is refused (`translation_of_original`), since the original already says it.
 */
export const TitleTranslations = z.strictObject(
  Object.fromEntries(Language.options.map((language) => [language, TranslatedTitle.optional()])) as Record<
    Language,
    z.ZodOptional<typeof TranslatedTitle>
  >,
);
export type TitleTranslations = z.infer<typeof TitleTranslations>;

/** A title's translations in an answer: only the languages it has (`{}` when none). */
export const TitleTranslationsAnswer = z.object(
  Object.fromEntries(Language.options.map((language) => [language, z.string().optional()])) as Record<
    Language,
    z.ZodOptional<z.ZodString>
  >,
);
export type TitleTranslationsAnswer = z.infer<typeof TitleTranslationsAnswer>;

/** A city's name in the interface's languages, as a create or a change sends it (`{ fr: "Bruxelles" }`). */
export const CityTranslations = z.strictObject(
  Object.fromEntries(Language.options.map((language) => [language, Text.trim().min(1).max(200).optional()])) as Record<
    Language,
    z.ZodOptional<z.ZodString>
  >,
);
export type CityTranslations = z.infer<typeof CityTranslations>;

export const MeetingIdParams = z.object({ id: z.uuid({ message: 'must be a meeting id' }) });
export type MeetingIdParams = z.infer<typeof MeetingIdParams>;
export const MeetingMemberParams = MeetingIdParams.extend({ memberCode: MemberCode });
export type MeetingMemberParams = z.infer<typeof MeetingMemberParams>;

export const PersonRef = z.object({ id: AnswerId, name: z.string(), title: z.string().nullable() });
export type PersonRef = z.infer<typeof PersonRef>;

export const AgendaItem = z.object({
  position: z.number().int(),
  title: z.string(),
  lineOfEffort: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Delegate = z.object({
  role: DelegateRole,
  person: PersonRef,
});
export type Delegate = z.infer<typeof Delegate>;
export const Delegation = z.object({
  memberCode: z.string(),
  memberName: z.string(),
  memberNames: MemberNamesAnswer,
  memberKind: MemberKind,
  level: RepresentationLevel.nullable(),
  head: PersonRef.nullable(),
  delegates: z.array(Delegate),
  attendance: AttendanceStatus,
  /** What the sources say when attendance is inferred rather than confirmed. */
  attendanceNote: z.string().nullable(),
  version: z.number().int(),
});
export type Delegation = z.infer<typeof Delegation>;

export const Quote = z.object({ id: AnswerId, text: z.string(), context: z.string().nullable() });
export type Quote = z.infer<typeof Quote>;
export const Remark = z.object({
  id: AnswerId,
  person: PersonRef,
  context: z.string().nullable(),
  quotes: z.array(Quote),
  version: z.number().int(),
});
export type Remark = z.infer<typeof Remark>;

export const MeetingSummary = z.object({
  id: AnswerId,
  kind: MeetingKind,
  /** The original, in the meeting's working language: the authentic text. */
  title: z.string(),
  titleTranslations: TitleTranslationsAnswer,
  /** The language of the title (and of the meeting's texts): what the interface marks the original with. */
  workingLanguage: WorkingLanguage,
  status: MeetingStatus,
  visibility: Visibility,
  hostCode: z.string().nullable(),
  city: z.string().nullable(),
  /** The city's name in other languages (`{ fr: "Bruxelles", ar: "بروكسل" }`; `{}` when none). */
  cityTranslations: TitleTranslationsAnswer,
  venue: z.string().nullable(),
  timeZone: z.string(),
  datePrecision: DatePrecision,
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  /** ISO 8601 with the zone's offset ("2014-12-03T10:00:00+01:00"); null when the time is unknown. */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Meeting = MeetingSummary.extend({
  summary: z.string().nullable(),
  note: z.string().nullable(),
  seatQuota: z.string(),
  chairs: z.array(PersonRef),
  /** Chairs the sources name only as a member or body ("Italy", "US CENTCOM"). */
  chairNote: z.string().nullable(),
  /** Why the meeting was cancelled (always given then), or a word on its being held. */
  statusReason: z.string().nullable(),
  restrictedTo: z.array(z.string()),
  agenda: z.array(AgendaItem),
  delegations: z.array(Delegation),
  remarks: z.array(Remark),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingList = z.object({ items: z.array(MeetingSummary) });
export type MeetingList = z.infer<typeof MeetingList>;

export const ListMeetingsQuery = z.object({
  when: z.enum(['upcoming', 'past']).optional(),
  kind: MeetingKind.optional(),
  status: MeetingStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Words of the title (any of its languages) or the city, compared folded: "bruxelles", "cote". */
  q: Text.trim().max(100).optional(),
  /** Meetings held, at least in part, in this year. */
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  /** The city, compared folded ("geneve" is Genève). */
  city: Text.trim().max(100).optional(),
  /** Meetings this member is invited to, by its code. */
  member: MemberCode.optional(),
  /** At most this many, the first of the order (soonest upcoming, latest past). */
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuery>;

const AgendaInput = z.strictObject({
  title: Text.trim().min(1, 'is required').max(500),
  lineOfEffort: Text.trim().max(50).nullable().optional(),
});

const MeetingFields = {
  kind: MeetingKind,
  title: Text.trim().min(1, 'is required').max(300),
  /** Replaces the stored translations as a whole; null (or `{}`) leaves the title with none. */
  titleTranslations: TitleTranslations.nullable(),
  hostCode: MemberCode.nullable(),
  chairIds: z.array(z.uuid()).max(10),
  city: Text.trim().max(200).nullable(),
  /** Replaces the stored names of the city as a whole; null (or `{}`) leaves it with none. */
  cityTranslations: CityTranslations.nullable(),
  venue: Text.trim().max(300).nullable(),
  timeZone: TimeZone,
  startDate: IsoDate,
  endDate: IsoDate,
  startTime: LocalTime.nullable(),
  endTime: LocalTime.nullable(),
  status: MeetingStatus,
  /** Required when the meeting is cancelled; a change of status without it clears the old one. */
  statusReason: Text.trim().max(500).nullable(),
  visibility: Visibility,
  restrictedTo: z.array(MemberCode).max(200),
  workingLanguage: WorkingLanguage,
  seatQuota: SeatQuota,
  summary: Text.trim().max(5000).nullable(),
  agenda: z.array(AgendaInput).max(100),
};

export const CreateMeetingBody = z.strictObject({
  ...MeetingFields,
  titleTranslations: MeetingFields.titleTranslations.default(null),
  hostCode: MeetingFields.hostCode.default(null),
  chairIds: MeetingFields.chairIds.default([]),
  city: MeetingFields.city.default(null),
  cityTranslations: MeetingFields.cityTranslations.default(null),
  venue: MeetingFields.venue.default(null),
  startTime: MeetingFields.startTime.default(null),
  endTime: MeetingFields.endTime.default(null),
  status: MeetingFields.status.default('planned'),
  statusReason: MeetingFields.statusReason.default(null),
  visibility: MeetingFields.visibility.default('public'),
  restrictedTo: MeetingFields.restrictedTo.default([]),
  workingLanguage: MeetingFields.workingLanguage.default('en'),
  seatQuota: MeetingFields.seatQuota.default('1+3'),
  summary: MeetingFields.summary.default(null),
  agenda: MeetingFields.agenda.default([]),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const UpdateMeetingBody = z.strictObject(MeetingFields).partial();
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

/** Someone on a delegation: a person of the registry, or a new one named here. */
export const DelegateInput = z.union([
  z.strictObject({ personId: z.uuid() }),
  z.strictObject({
    name: Text.trim().min(1, 'is required').max(200),
    title: Text.trim().max(300).nullable().optional(),
  }),
]);
export type DelegateInput = z.infer<typeof DelegateInput>;

export const PutDelegationBody = z.strictObject({
  level: RepresentationLevel.nullable(),
  head: DelegateInput.nullable(),
  alternates: z.array(DelegateInput).max(20).default([]),
  advisers: z.array(DelegateInput).max(20).default([]),
});
export type PutDelegationBody = z.infer<typeof PutDelegationBody>;

export const InviteBody = z.strictObject({ memberCodes: z.array(MemberCode).min(1).max(300) });
export type InviteBody = z.infer<typeof InviteBody>;
export const InviteResult = z.object({ invited: z.array(z.string()), alreadyInvited: z.array(z.string()) });
export type InviteResult = z.infer<typeof InviteResult>;

export const PutAttendanceBody = z.strictObject({
  attendance: AttendanceStatus,
  note: Text.trim().max(1000).nullable().optional(),
});
export type PutAttendanceBody = z.infer<typeof PutAttendanceBody>;

export const AttendanceRoll = z.object({
  items: z.array(
    z.object({
      memberCode: z.string(),
      memberName: z.string(),
      attendance: AttendanceStatus,
      attendanceNote: z.string().nullable(),
      head: PersonRef.nullable(),
      level: RepresentationLevel.nullable(),
    }),
  ),
  present: z.number().int(),
  invited: z.number().int(),
});
export type AttendanceRoll = z.infer<typeof AttendanceRoll>;

/**
 * How a meeting's delegations are ordered, as a code the interface words in the reader's language.
 * `host_then_states_then_organizations`: the host first; then states in the alphabetical order of
 * their names in the meeting's working language; then organisations, alphabetically. The working
 * language is the rule's parameter: it is ProtocolOrder's `language`.
 */
export const ProtocolRule = z.enum(['host_then_states_then_organizations']);
export type ProtocolRule = z.infer<typeof ProtocolRule>;

export const ProtocolOrder = z.object({
  /** The meeting's working language: the names below are in it, and the rule sorts by it. */
  language: WorkingLanguage,
  rule: ProtocolRule,
  items: z.array(
    z.object({
      position: z.number().int(),
      memberCode: z.string(),
      name: z.string(),
      kind: MemberKind,
      isHost: z.boolean(),
    }),
  ),
});
export type ProtocolOrder = z.infer<typeof ProtocolOrder>;

export const CreateRemarkBody = z.strictObject({
  personId: z.uuid(),
  context: Text.trim().max(500).nullable().default(null),
  quotes: z
    .array(
      z.strictObject({
        text: Text.trim().min(1, 'is required').max(5000),
        context: Text.trim().max(500).nullable().default(null),
      }),
    )
    .max(50),
});
export type CreateRemarkBody = z.infer<typeof CreateRemarkBody>;

export const MeetingRemarkParams = MeetingIdParams.extend({ remarkId: z.uuid({ message: 'must be a remark id' }) });
export type MeetingRemarkParams = z.infer<typeof MeetingRemarkParams>;

/** A change to remarks: what is sent replaces what was (the quotes as a whole); the speaker stays. */
export const UpdateRemarkBody = z
  // Not the create's context: its default (null) would clear the context of a change that sends none.
  .strictObject({ context: Text.trim().max(500).nullable(), quotes: CreateRemarkBody.shape.quotes })
  .partial();
export type UpdateRemarkBody = z.infer<typeof UpdateRemarkBody>;

/** A private calendar link, answered once when made: `path` carries the token (only its hash is kept). */
export const CalendarLink = z.object({ path: z.string() });
export type CalendarLink = z.infer<typeof CalendarLink>;

/** The private calendar's token, as its path gives it; any other string is a token nobody has (404). */
export const CalendarTokenParams = z.object({ token: z.string().max(200) });
export type CalendarTokenParams = z.infer<typeof CalendarTokenParams>;

/** One meeting a member was invited to, and its delegation there: the head only, as the public sees it. */
export const MemberDelegation = z.object({
  meeting: MeetingSummary,
  level: RepresentationLevel.nullable(),
  head: PersonRef.nullable(),
  attendance: AttendanceStatus,
  attendanceNote: z.string().nullable(),
});
export type MemberDelegation = z.infer<typeof MemberDelegation>;
/** A member's delegations to the meetings the caller may see, latest first. */
export const MemberDelegationList = z.object({ items: z.array(MemberDelegation) });
export type MemberDelegationList = z.infer<typeof MemberDelegationList>;

/** The delegations file's language for member names (`?lang=`), English unless asked. */
export const DelegationsCsvQuery = z.object({ lang: Language.default('en') });
export type DelegationsCsvQuery = z.infer<typeof DelegationsCsvQuery>;
