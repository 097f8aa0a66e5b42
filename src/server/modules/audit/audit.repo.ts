import { and, desc, eq, isNotNull, lt, notLike, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';

export async function listAuditEvents(
  db: Db,
  filter: {
    entityType?: string;
    entityId?: string;
    before?: number;
    limit: number;
    excludeSystem?: boolean;
    excludeSessions?: boolean;
  },
) {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.before) where.push(lt(auditEvents.seq, filter.before));
  // The system acts with no user: the seed (request id "seed"), the CLI, the first start.
  if (filter.excludeSystem) where.push(isNotNull(auditEvents.actorId));
  if (filter.excludeSessions) where.push(notLike(auditEvents.action, 'session.%'));
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit);
}

/** An event as the public chain shows it: its place, its hash, its time. */
export type ChainLink = { seq: number; hash: string | null; at: Date };
const chainLink = { seq: auditEvents.seq, hash: auditEvents.hash, at: auditEvents.at };

/** The event `seq` of the chain, or null when there is none. */
export async function auditLink(db: Db, seq: number): Promise<ChainLink | null> {
  const [link] = await db.select(chainLink).from(auditEvents).where(eq(auditEvents.seq, seq));
  return link ?? null;
}

/** The chain's last event, or null for an empty trail. */
export async function auditHead(db: Db): Promise<ChainLink | null> {
  const [head] = await db.select(chainLink).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return head ?? null;
}
