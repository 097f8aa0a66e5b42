import type { AuditHead, AuditList, ListAuditQuery } from '../../../shared/audit.js';
import type { Db } from '../../db/client.js';
import { requireRole } from '../../lib/access.js';
import { GENESIS_HASH } from '../../lib/audit-chain.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError } from '../../lib/errors.js';
import { canReadAudit } from './audit.policy.js';
import { auditHead, auditLink, type ChainLink, listAuditEvents } from './audit.repo.js';

function published(event: ChainLink): AuditHead {
  if (event.hash === null) throw new AppError('service_unavailable', 'The audit trail is not chained yet.');
  return { seq: event.seq, hash: event.hash, at: event.at.toISOString() };
}

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

    /** The chain's head, for anyone: it names no one and shows no change, only a hash to compare later. */
    async head(): Promise<AuditHead> {
      const head = await auditHead(deps.db);
      if (!head) return { seq: 0, hash: GENESIS_HASH, at: null };
      return published(head);
    },

    /**
     * The chain's hash at event `seq`, for anyone who noted the head earlier: if history up to that
     * event was rewritten since (an event changed, removed or inserted, and the chain computed
     * again), this hash is not the one they noted.
     */
    async link(seq: number): Promise<AuditHead> {
      const link = await auditLink(deps.db, seq);
      if (!link) throw new AppError('not_found', `The audit trail has no event ${seq}.`);
      return published(link);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
