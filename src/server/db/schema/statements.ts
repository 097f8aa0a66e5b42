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
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { Language } from '../../../shared/language.js';
import { Visibility } from '../../../shared/meetings.js';
import {
  DecisionMethod,
  FollowUpStatus,
  PositionKind,
  ProcedureKind,
  ProcedureResponseKind,
  ProcedureStatus,
  StatementKind,
  StatementStatus,
  type StatementTranslations,
} from '../../../shared/statements.js';
import { users } from './auth.js';
import { enumCheck, enumColumn, sqlLiteral } from './columns.js';
import { meetings } from './meetings.js';
import { members } from './members.js';

/** A text the coalition adopts by consensus: its title and state; its words are in `statement_versions`. */
export const statements = pgTable(
  'statements',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: enumColumn(StatementKind).notNull(),
    /** The original, in `language`: the authentic text. */
    title: text().notNull(),
    /** `{ fr: { title } }`; never in the statement's own language. */
    translations: jsonb().$type<StatementTranslations>().notNull().default({}),
    language: enumColumn(Language).notNull(),
    visibility: enumColumn(Visibility).notNull(),
    meetingId: uuid().references(() => meetings.id, { onDelete: 'restrict' }),
    status: enumColumn(StatementStatus).notNull().default(StatementStatus.enum.draft),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('statements_kind_check', t.kind, StatementKind),
    enumCheck('statements_language_check', t.language, Language),
    enumCheck('statements_visibility_check', t.visibility, Visibility),
    enumCheck('statements_status_check', t.status, StatementStatus),
    check(
      'statements_translations_check',
      sql`jsonb_typeof(${t.translations}) = 'object'
        and (${t.translations} - array[${sql.join(Language.options.map(sqlLiteral), sql`, `)}]) = '{}'::jsonb
        and not (${t.translations} ? ${t.language})`,
    ),
    index('statements_meeting_idx').on(t.meetingId),
  ],
);
export type StatementRow = typeof statements.$inferSelect;

/** The members that may see a restricted statement (besides the secretariat). */
export const statementRestrictedMembers = pgTable(
  'statement_restricted_members',
  {
    statementId: uuid()
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.memberId] })],
);

/** A statement's words, numbered from 1 and never changed: a revision is a new version. */
export const statementVersions = pgTable(
  'statement_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    statementId: uuid()
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    /** Markdown, as written. */
    text: text().notNull(),
    note: text(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('statement_versions_number_idx').on(t.statementId, t.number),
    check('statement_versions_number_check', sql`${t.number} >= 1`),
  ],
);
export type StatementVersionRow = typeof statementVersions.$inferSelect;

/**
 * A silence or endorsement procedure: one text version circulated to members until a deadline.
 * Its end at the deadline is applied by whichever comes first, a read or the sweeper, on the
 * locked row and exactly once (src/server/modules/statements/settle.ts).
 */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid().primaryKey().defaultRandom(),
    statementId: uuid()
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    textVersionId: uuid()
      .notNull()
      .references(() => statementVersions.id, { onDelete: 'restrict' }),
    kind: enumColumn(ProcedureKind).notNull(),
    status: enumColumn(ProcedureStatus).notNull().default(ProcedureStatus.enum.open),
    deadline: timestamp({ withTimezone: true }).notNull(),
    /** The IANA zone the deadline is shown in. */
    timeZone: text().notNull(),
    openedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When it ended: the break's instant, the deadline (adopted or closed), the withdrawal's instant. */
    endedAt: timestamp({ withTimezone: true }),
    /** The withdrawal's reason, or the last extension's. */
    reason: text(),
    /** When the reminders 48 h and 6 h before the deadline went out (null: not yet, or not due). */
    remindedEarlyAt: timestamp({ withTimezone: true }),
    remindedLateAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('procedures_kind_check', t.kind, ProcedureKind),
    enumCheck('procedures_status_check', t.status, ProcedureStatus),
    // One open procedure per statement at a time.
    uniqueIndex('procedures_one_open_idx')
      .on(t.statementId)
      .where(sql`${t.status} = ${sqlLiteral(ProcedureStatus.enum.open)}`),
    // What the sweeper and every read look for: open procedures whose deadline has passed.
    index('procedures_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.status} = ${sqlLiteral(ProcedureStatus.enum.open)}`),
    index('procedures_statement_idx').on(t.statementId),
  ],
);
export type ProcedureRow = typeof procedures.$inferSelect;

/** The members a procedure circulates to. */
export const procedureMembers = pgTable(
  'procedure_members',
  {
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.memberId] }), index('procedure_members_member_idx').on(t.memberId)],
);

/** Every response a member gave, kept: the latest counts. */
export const procedureResponses = pgTable(
  'procedure_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    response: enumColumn(ProcedureResponseKind).notNull(),
    reason: text(),
    paragraph: integer(),
    proposedText: text(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('procedure_responses_response_check', t.response, ProcedureResponseKind),
    check('procedure_responses_paragraph_check', sql`${t.paragraph} is null or ${t.paragraph} >= 1`),
    index('procedure_responses_member_idx').on(t.procedureId, t.memberId, t.createdAt),
  ],
);

/** A member's reservation or explanation of position on an adopted statement. */
export const statementPositions = pgTable(
  'statement_positions',
  {
    id: uuid().primaryKey().defaultRandom(),
    statementId: uuid()
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    kind: enumColumn(PositionKind).notNull(),
    text: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('statement_positions_kind_check', t.kind, PositionKind),
    index('statement_positions_statement_idx').on(t.statementId),
  ],
);

/** The last decision number given in each year: `2014/1`, `2014/2`… taken under this row's lock. */
export const decisionCounters = pgTable('decision_counters', {
  year: integer().primaryKey(),
  last: integer().notNull(),
});

/** The decision register: one decision per adopted statement. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    /** The statement's title when adopted. */
    title: text().notNull(),
    method: enumColumn(DecisionMethod).notNull(),
    statementId: uuid()
      .notNull()
      .references(() => statements.id, { onDelete: 'restrict' }),
    textVersionId: uuid()
      .notNull()
      .references(() => statementVersions.id, { onDelete: 'restrict' }),
    procedureId: uuid().references(() => procedures.id, { onDelete: 'restrict' }),
    meetingId: uuid().references(() => meetings.id, { onDelete: 'restrict' }),
    adoptedAt: timestamp({ withTimezone: true }).notNull(),
    adoptedOn: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('decisions_method_check', t.method, DecisionMethod),
    uniqueIndex('decisions_number_idx').on(t.year, t.sequence),
    uniqueIndex('decisions_statement_idx').on(t.statementId),
  ],
);
export type DecisionRow = typeof decisions.$inferSelect;

/** The members a decision records: those that kept silent (silence) or endorsed (endorsement). */
export const decisionMembers = pgTable(
  'decision_members',
  {
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.memberId] })],
);

/** What a decision asks to be done, by whom and by when. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid().primaryKey().defaultRandom(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    ownerMemberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    /** A working group by name, until working groups are records of their own (issue 10). */
    ownerWorkingGroup: text(),
    dueOn: date({ mode: 'string' }),
    status: enumColumn(FollowUpStatus).notNull().default(FollowUpStatus.enum.open),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('follow_ups_status_check', t.status, FollowUpStatus),
    check('follow_ups_one_owner_check', sql`(${t.ownerMemberId} is null) <> (${t.ownerWorkingGroup} is null)`),
    index('follow_ups_decision_idx').on(t.decisionId),
  ],
);
