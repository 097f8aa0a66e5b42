import type { AuditList, ListAuditQuery } from '../../../shared/audit.js';
import type { Db } from '../../db/client.js';
import { requireRole } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import { canReadAudit } from './audit.policy.js';
import { listAuditEvents } from './audit.repo.js';

export function createAuditService(deps: { db: Db }) {
  return {
    /** The newest audit events first, one page at a time (secretariat, admin). */
    async listAudit(auth: Auth, query: ListAuditQuery): Promise<AuditList> {
      requireRole(auth, canReadAudit, 'Only the secretariat can read the audit trail.');
      const rows = await listAuditEvents(deps.db, query);
      const items = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
      const last = items.at(-1);
      return { items, nextBefore: items.length === query.limit && last ? last.seq : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
