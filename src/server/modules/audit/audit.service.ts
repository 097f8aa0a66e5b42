import type { AuditEvent, ListAuditQuery } from '../../../shared/audit.js';
import type { Db } from '../../db/client.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError } from '../../lib/errors.js';
import { canReadAudit } from './audit.policy.js';
import { listAuditEvents } from './audit.repo.js';

export function createAuditService(deps: { db: Db }) {
  return {
    /** The newest audit events first, one page at a time (secretariat, admin). */
    async listAudit(auth: Auth, query: ListAuditQuery): Promise<{ items: AuditEvent[]; nextBefore: number | null }> {
      if (!canReadAudit(auth.user)) throw new AppError('forbidden', 'Only the secretariat can read the audit trail.');
      const rows = await listAuditEvents(deps.db, query);
      const items = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
      const last = items.at(-1);
      return { items, nextBefore: items.length === query.limit && last ? last.seq : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
