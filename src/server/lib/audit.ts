import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { auditEvents } from '../db/schema/audit.js';
import { beginAppend, type ChainedFields, chainHash } from './audit-chain.js';
import type { Auth } from './auth-context.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, auth: Auth, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, auth, [entry]);
}

/**
 * Writes several audit events in one statement (a seed, a batch), in the order given, inside the
 * caller's transaction, each chained to the one before (lib/audit-chain.ts): the append lock is
 * taken here, at the end of the write, and held until its commit.
 */
export async function recordAudits(tx: Tx, auth: Auth, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // The lock, the head, the sequence numbers and the time in one round trip: seq order is chain order.
  const append = await beginAppend(tx, entries.length);
  let prev = append.prev;
  const rows = entries.map((entry, i) => {
    const { seq, at } = append.slots[i];
    const fields: ChainedFields = {
      seq,
      id: randomUUID(),
      at,
      actorId: auth.user?.id ?? null,
      actorEmail: auth.user?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: auth.requestId,
    };
    const hash = chainHash(prev, fields);
    // `at` as the very text hashed (a Date would drop the microseconds).
    const row = { ...fields, at: sql`${at}::timestamptz`, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await tx.insert(auditEvents).overridingSystemValue().values(rows);
}
