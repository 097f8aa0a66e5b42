import type { Tx } from '../db/client.js';
import { auditEvents } from '../db/schema/audit.js';
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
  await tx.insert(auditEvents).values({
    actorId: auth.user?.id ?? null,
    actorEmail: auth.user?.email ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: auth.requestId,
  });
}
