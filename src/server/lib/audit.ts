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
  await recordAudits(tx, auth, [entry]);
}

/** Writes several audit events in one statement (a seed, a batch), in the order given, inside the caller's transaction. */
export async function recordAudits(tx: Tx, auth: Auth, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      actorId: auth.user?.id ?? null,
      actorEmail: auth.user?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: auth.requestId,
    })),
  );
}
