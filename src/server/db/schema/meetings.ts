import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { Language } from '../../../shared/language.js';
import {
  AttendanceStatus,
  type CityTranslations,
  DatePrecision,
  DelegateRole,
  MeetingKind,
  MeetingStatus,
  RepresentationLevel,
  type TitleTranslations,
  Visibility,
  WorkingLanguage,
} from '../../../shared/meetings.js';
import { enumCheck, enumColumn, sqlLiteral } from './columns.js';
import { members, people } from './members.js';
import { linesOfEffort } from './progress.js';

export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: enumColumn(MeetingKind).notNull(),
    /** The original, in the working language: the authentic text. */
    title: text().notNull(),
    /** The title in other languages, `{ fr: "…" }`; never in the working language (the original is `title`). */
    titleTranslations: jsonb().$type<TitleTranslations>().notNull().default({}),
    status: enumColumn(MeetingStatus).notNull().default(MeetingStatus.enum.planned),
    visibility: enumColumn(Visibility).notNull().default(Visibility.enum.public),
    hostMemberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    city: text(),
    /** The city's name in other languages, `{ fr: "Bruxelles", ar: "بروكسل" }`: search finds it in each. */
    cityTranslations: jsonb().$type<CityTranslations>().notNull().default({}),
    venue: text(),
    /** IANA zone of the venue: dates and times below are wall-clock there. */
    timeZone: text().notNull(),
    datePrecision: enumColumn(DatePrecision).notNull().default(DatePrecision.enum.day),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    /** Null when the sources give no time: the meeting is then shown (and exported) as all-day. */
    startTime: time({ precision: 0 }),
    endTime: time({ precision: 0 }),
    workingLanguage: enumColumn(WorkingLanguage).notNull().default(WorkingLanguage.enum.en),
    seatQuota: text().notNull().default('1+3'),
    summary: text(),
    note: text(),
    chairNote: text(),
    /** Why the meeting was cancelled (required then), or a word on its being held; null when none. */
    statusReason: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('meetings_dates_check', sql`${t.endDate} >= ${t.startDate}`),
    enumCheck('meetings_kind_check', t.kind, MeetingKind),
    enumCheck('meetings_status_check', t.status, MeetingStatus),
    enumCheck('meetings_visibility_check', t.visibility, Visibility),
    enumCheck('meetings_date_precision_check', t.datePrecision, DatePrecision),
    enumCheck('meetings_working_language_check', t.workingLanguage, WorkingLanguage),
    // What the API takes, stored only so: an object of our languages, without the original's own.
    check(
      'meetings_title_translations_check',
      sql`jsonb_typeof(${t.titleTranslations}) = 'object'
        and (${t.titleTranslations} - array[${sql.join(Language.options.map(sqlLiteral), sql`, `)}]) = '{}'::jsonb
        and not (${t.titleTranslations} ? ${t.workingLanguage})`,
    ),
    check(
      'meetings_city_translations_check',
      sql`jsonb_typeof(${t.cityTranslations}) = 'object'
        and (${t.cityTranslations} - array[${sql.join(Language.options.map(sqlLiteral), sql`, `)}]) = '{}'::jsonb`,
    ),
    index('meetings_start_idx').on(t.startDate),
  ],
);
export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeetingRow = typeof meetings.$inferInsert;

export const meetingChairs = pgTable(
  'meeting_chairs',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** The members that may see a restricted meeting (besides the secretariat). */
export const meetingRestrictedMembers = pgTable(
  'meeting_restricted_members',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    /** The line of effort's key (`LOE1-military`). */
    lineOfEffort: text().references(() => linesOfEffort.key, { onDelete: 'restrict', onUpdate: 'cascade' }),
  },
  (t) => [uniqueIndex('agenda_items_position_idx').on(t.meetingId, t.position)],
);

/** An invited member's delegation; it exists from the invitation on. */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    level: enumColumn(RepresentationLevel),
    attendance: enumColumn(AttendanceStatus).notNull().default(AttendanceStatus.enum.unknown),
    attendanceNote: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delegations_meeting_member_idx').on(t.meetingId, t.memberId),
    enumCheck('delegations_level_check', t.level, RepresentationLevel),
    enumCheck('delegations_attendance_check', t.attendance, AttendanceStatus),
  ],
);

export const delegates = pgTable(
  'delegates',
  {
    delegationId: uuid()
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    /** Kept here too so that one person sits on one delegation per meeting (unique below). */
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: enumColumn(DelegateRole).notNull(),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.delegationId, t.personId] }),
    uniqueIndex('delegates_one_seat_per_meeting_idx').on(t.meetingId, t.personId),
    // One head of delegation per member and meeting.
    uniqueIndex('delegates_one_head_idx')
      .on(t.delegationId)
      .where(sql`role = ${sqlLiteral(DelegateRole.enum.head)}`),
    enumCheck('delegates_role_check', t.role, DelegateRole),
  ],
);

export const remarks = pgTable('remarks', {
  id: uuid().primaryKey().defaultRandom(),
  meetingId: uuid()
    .notNull()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  personId: uuid()
    .notNull()
    .references(() => people.id, { onDelete: 'restrict' }),
  context: text(),
  position: integer().notNull(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const quotes = pgTable('quotes', {
  id: uuid().primaryKey().defaultRandom(),
  remarkId: uuid()
    .notNull()
    .references(() => remarks.id, { onDelete: 'cascade' }),
  text: text().notNull(),
  context: text(),
  position: integer().notNull(),
});
