import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MemberKind, type MemberNames, MemberStatus } from '../../../shared/members.js';
import { enumCheck, enumColumn } from './columns.js';

export const members = pgTable(
  'members',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    kind: enumColumn(MemberKind).notNull(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
    nameAr: text().notNull(),
    /**
     * The long official form in the three languages ("Republic of North Macedonia"), where it differs
     * from the common short name the `name*` columns hold for display and sorting; null otherwise.
     */
    officialNames: jsonb().$type<MemberNames>(),
    status: enumColumn(MemberStatus).notNull().default(MemberStatus.enum.active),
    joinedOn: date({ mode: 'string' }),
    /** What the sources say of the joining when it is not one sure date ("uncertain: after Dec 2014"). */
    joinedNote: text(),
    leftOn: date({ mode: 'string' }),
    note: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('members_kind_check', t.kind, MemberKind),
    enumCheck('members_status_check', t.status, MemberStatus),
  ],
);
export type MemberRow = typeof members.$inferSelect;
export type NewMemberRow = typeof members.$inferInsert;

/** Partner forces the coalition supports; never members. */
export const actors = pgTable('actors', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  kind: text().notNull(),
  countryCode: text(),
  note: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const people = pgTable('people', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  title: text(),
  memberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
  affiliation: text(),
  note: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
