import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { Visibility } from '../../../shared/meetings.js';
import { SourceKind, SourceSubject } from '../../../shared/sources.js';
import { users } from './auth.js';
import { enumCheck, enumColumn, sqlLiteral } from './columns.js';
import { meetings } from './meetings.js';
import { members, people } from './members.js';
import { indicators } from './progress.js';
import { decisions, statements } from './statements.js';

/** The register of sources and press: what the coalition's facts come from and what was written about it. */
export const sources = pgTable(
  'sources',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The data file's id ("S01"); null for entries the secretariat added. */
    ref: text().unique(),
    kind: enumColumn(SourceKind).notNull(),
    title: text().notNull(),
    publisher: text().notNull(),
    publishedOn: date({ mode: 'string' }),
    url: text(),
    language: text(),
    excerpt: text(),
    note: text(),
    visibility: enumColumn(Visibility).notNull().default(Visibility.enum.public),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('sources_kind_check', t.kind, SourceKind),
    enumCheck('sources_visibility_check', t.visibility, Visibility),
    index('sources_published_idx').on(t.publishedOn),
  ],
);
export type SourceRow = typeof sources.$inferSelect;
export type NewSourceRow = typeof sources.$inferInsert;

/**
 * What an entry supports or mentions: one row per link, with exactly the column of its subject
 * set (foreign keys keep a link from pointing at nothing; a record's removal takes its links).
 */
export const sourceLinks = pgTable(
  'source_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    subject: enumColumn(SourceSubject).notNull(),
    memberId: uuid().references(() => members.id, { onDelete: 'cascade' }),
    personId: uuid().references(() => people.id, { onDelete: 'cascade' }),
    meetingId: uuid().references(() => meetings.id, { onDelete: 'cascade' }),
    statementId: uuid().references(() => statements.id, { onDelete: 'cascade' }),
    decisionId: uuid().references(() => decisions.id, { onDelete: 'cascade' }),
    indicatorId: uuid().references(() => indicators.id, { onDelete: 'cascade' }),
  },
  (t) => [
    enumCheck('source_links_subject_check', t.subject, SourceSubject),
    check(
      'source_links_one_subject_check',
      sql`num_nonnulls(${t.memberId}, ${t.personId}, ${t.meetingId}, ${t.statementId}, ${t.decisionId}, ${t.indicatorId}) = 1
        and (${t.memberId} is null or ${t.subject} = ${sqlLiteral(SourceSubject.enum.member)})
        and (${t.personId} is null or ${t.subject} = ${sqlLiteral(SourceSubject.enum.person)})
        and (${t.meetingId} is null or ${t.subject} = ${sqlLiteral(SourceSubject.enum.meeting)})
        and (${t.statementId} is null or ${t.subject} = ${sqlLiteral(SourceSubject.enum.statement)})
        and (${t.decisionId} is null or ${t.subject} = ${sqlLiteral(SourceSubject.enum.decision)})
        and (${t.indicatorId} is null or ${t.subject} = ${sqlLiteral(SourceSubject.enum.indicator)})`,
    ),
    uniqueIndex('source_links_unique_idx').on(
      t.sourceId,
      sql`coalesce(${t.memberId}, ${t.personId}, ${t.meetingId}, ${t.statementId}, ${t.decisionId}, ${t.indicatorId})`,
    ),
    index('source_links_member_idx').on(t.memberId),
    index('source_links_person_idx').on(t.personId),
    index('source_links_meeting_idx').on(t.meetingId),
    index('source_links_statement_idx').on(t.statementId),
    index('source_links_decision_idx').on(t.decisionId),
    index('source_links_indicator_idx').on(t.indicatorId),
  ],
);
export type SourceLinkRow = typeof sourceLinks.$inferSelect;
