import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Written in the same transaction as the change it records; never updated or deleted. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Orders events and pages through them; `at` alone ties within a transaction. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorEmail: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq)],
);
