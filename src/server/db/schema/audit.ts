import { sql } from 'drizzle-orm';
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
    /**
     * The audit chain (src/server/lib/audit-chain.ts): the hash of the event before this one (64
     * zeros for the first), and SHA-256 over that and this event's canonical form. Null only for
     * an event written before the chain existed, until start-up chains it.
     */
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq),
    // Start-up asks for events not yet chained: none, once the trail is migrated.
    index('audit_events_unchained_idx').on(t.seq).where(sql`${t.hash} is null`),
  ],
);
