import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { Language } from '../../../shared/language.js';
import { NotificationKind } from '../../../shared/notifications.js';
import { users } from './auth.js';
import { enumCheck, enumColumn } from './columns.js';

/** What a user is told: written by `notify` in the transaction of the change it tells of. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: enumColumn(NotificationKind).notNull(),
    /** What the interface words the kind with (the shape is per kind: src/shared/notifications.ts). */
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    enumCheck('notifications_kind_check', t.kind, NotificationKind),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * Mail to send, written in the same transaction as the notification it carries, and sent by the
 * drainer of any app process: a row is claimed (`claimed_at`, `claimed_by`) before it is sent, so
 * two processes never send the same one; a claim older than the lease is taken over.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    notificationId: uuid().references(() => notifications.id, { onDelete: 'set null' }),
    recipient: text().notNull(),
    language: enumColumn(Language).notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Sends tried so far (counted when claimed). */
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    claimedBy: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** Given up after the last attempt: kept for the operator, never sent. */
    failedAt: timestamp({ withTimezone: true }),
    lastError: text(),
  },
  (t) => [
    enumCheck('outbox_language_check', t.language, Language),
    // The drainer's question: what is due and not done. Only pending rows are indexed.
    index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);
