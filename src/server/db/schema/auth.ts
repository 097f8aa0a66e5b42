import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { Role } from '../../../shared/auth.js';
import { Language } from '../../../shared/language.js';
import { enumCheck, enumColumn, sqlLiteral } from './columns.js';
import { members } from './members.js';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased: one account per address whatever the case typed. */
    email: text().notNull().unique(),
    name: text().notNull(),
    role: enumColumn(Role).notNull(),
    memberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    passwordHash: text().notNull(),
    disabledAt: timestamp({ withTimezone: true }),
    /** The interface's language the user chose; null until they choose one (the browser's is used). */
    language: enumColumn(Language),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck('users_role_check', t.role, Role),
    enumCheck('users_language_check', t.language, Language),
    // A focal point speaks for exactly one member; nobody else is bound to one.
    check(
      'users_member_binding_check',
      sql`(${t.role} = ${sqlLiteral(Role.enum.focal_point)}) = (${t.memberId} is not null)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the cookie's token: a leaked table does not hand out sessions. */
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins, counted per account and per address over a sliding window. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_email_idx').on(t.email, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)],
);

/**
 * A user's private calendar link: one token a user, rotated as a whole. Like a session, only the
 * SHA-256 of the token is kept: a leaked table does not hand out calendars. The link shows what its
 * user may see, so a calendar app can subscribe without a session.
 */
export const calendarTokens = pgTable('calendar_tokens', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
