import { z } from 'zod';
import { AnswerId, Text } from './text.js';

export const AuditEvent = z.object({
  id: AnswerId,
  seq: z.number().int(),
  at: z.string(),
  actorId: AnswerId.nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  /** The audit chain: the hash of the event before, and this event's own (lib/audit-chain.ts). */
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditList = z.object({
  items: z.array(AuditEvent),
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditList = z.infer<typeof AuditList>;

export const ListAuditQuery = z.object({
  entityType: Text.trim().max(50).optional(),
  entityId: Text.trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
  /** `true`: leave out what the system did with nobody signed in (the demo seed, the CLI, first start). */
  excludeSystem: z.stringbool().optional(),
  /** `true`: leave out sign-ins and sign-outs (`session.*`), which are not changes to the coalition's records. */
  excludeSessions: z.stringbool().optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

/**
 * GET /api/v1/audit/head, public: the audit chain's last event. Whoever notes `hash` today can tell
 * later whether history up to `seq` was rewritten: `npx entente audit verify` walks the chain.
 */
export const AuditHead = z.object({
  /** The last event's sequence number; 0 for an empty trail. */
  seq: z.number().int(),
  /** SHA-256 (hex) of the last event and the chain before it; 64 zeros for an empty trail. */
  hash: z.string(),
  at: z.string().nullable(),
});
export type AuditHead = z.infer<typeof AuditHead>;

/** GET /api/v1/audit/chain/{seq}: the chain's hash at an event noted earlier, to compare with the note. */
export const AuditChainParams = z.object({ seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export type AuditChainParams = z.infer<typeof AuditChainParams>;
