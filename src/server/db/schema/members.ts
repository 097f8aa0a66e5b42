import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const members = pgTable(
  'members',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    kind: text({ enum: ['state', 'organization'] }).notNull(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
    nameAr: text().notNull(),
    status: text({ enum: ['active', 'former'] })
      .notNull()
      .default('active'),
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
    check('members_kind_check', sql`${t.kind} in ('state', 'organization')`),
    check('members_status_check', sql`${t.status} in ('active', 'former')`),
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
export type ActorRow = typeof actors.$inferSelect;

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
export type PersonRow = typeof people.$inferSelect;
