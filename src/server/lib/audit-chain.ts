import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';

// The audit trail is one hash chain: each event carries the hash of the event before it (by
// `seq`) and its own, SHA-256 over that previous hash and the event's canonical form. Changing,
// removing or inserting an event breaks the chain at that event; the head's hash, once noted by
// an outsider, tells them whether history was rewritten since (GET /api/v1/audit/head).

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The advisory lock that serialises appends: taken when a transaction appends its events (the
 * last thing a write does) and released at its commit, so that two transactions never chain onto
 * the same head and `seq` order is chain order. Writers that append no event never take it.
 */
export const AUDIT_CHAIN_LOCK = 0x61756469; // 'audi'

/** An event's fields as hashed; `at` as `chainTime` writes it (UTC, microseconds). */
export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every depth, as jsonb gives them back in any order. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What jsonb keeps of a value (dates as strings, undefined dropped), so that writing and reading hash alike. */
export const asStored = (value: unknown): unknown =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));

/** The canonical form of an event: its fields in a fixed order, `before`/`after` with sorted keys. */
export function canonicalEvent(e: ChainedFields): string {
  return canonicalJson([
    e.seq,
    e.id,
    e.at,
    e.actorId,
    e.actorEmail,
    e.action,
    e.entityType,
    e.entityId,
    asStored(e.before),
    asStored(e.after),
    e.requestId,
  ]);
}

export function chainHash(prevHash: string, event: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEvent(event)).digest('hex');
}

/** `at` as the chain hashes it: the same text on both engines, to the microsecond, in UTC. */
const CHAIN_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

export const chainTime = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', ${CHAIN_TIME_FORMAT})`;

type Executor = Pick<Db, 'execute'> | Pick<Tx, 'execute'>;
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/** Where `count` events go on the chain: the head's hash to chain onto, their `seq`s and `at`. */
export interface Append {
  prev: string;
  slots: { seq: number; at: string }[];
}

/**
 * Takes the append lock and returns the head's hash (GENESIS_HASH when the trail is empty),
 * `count` sequence numbers and the transaction's time, in one round trip (the database's
 * `entente_audit_chain_begin`, migration 0016): the lock is held until the commit.
 */
export async function beginAppend(tx: Executor, count: number): Promise<Append> {
  const rows = rowsOf<{ head_hash: string | null; next_seq: string | number; at_text: string }>(
    await tx.execute(
      sql`select head_hash, next_seq, at_text from entente_audit_chain_begin(${AUDIT_CHAIN_LOCK}, ${count}, ${CHAIN_TIME_FORMAT})`,
    ),
  );
  return {
    prev: rows[0]?.head_hash ?? GENESIS_HASH,
    slots: rows.map((row) => ({ seq: Number(row.next_seq), at: row.at_text })),
  };
}

interface StoredEvent {
  seq: string | number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

const fieldsOf = (row: StoredEvent): ChainedFields => ({
  seq: Number(row.seq),
  id: row.id,
  at: row.at,
  actorId: row.actor_id,
  actorEmail: row.actor_email,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before,
  after: row.after,
  requestId: row.request_id,
});

/** Events after `afterSeq`, in order, a page at a time. */
async function pageAfter(db: Executor, afterSeq: number, limit: number, unchainedOnly = false): Promise<StoredEvent[]> {
  return rowsOf<StoredEvent>(
    await db.execute(sql`
      select seq, id, ${chainTime(sql`at`)} as at, actor_id, actor_email, action, entity_type, entity_id,
             before, after, request_id, prev_hash, hash
      from audit_events
      where seq > ${afterSeq} ${unchainedOnly ? sql`and hash is null` : sql``}
      order by seq
      limit ${limit}`),
  );
}

/**
 * Chains the events written before the chain existed (hash null), in `seq` order, onto the
 * chain's head: the migration of an existing trail, run after the migrations at every start (a
 * no-op once done). Under the append lock, in one transaction.
 */
export async function chainUnchainedEvents(db: Db, pageSize = 1000): Promise<number> {
  return db.transaction(async (tx) => {
    const [first] = rowsOf<{ seq: string | null }>(
      await tx.execute(sql`select min(seq) as seq from audit_events where hash is null`),
    );
    if (first?.seq === null || first?.seq === undefined) return 0;
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [before] = rowsOf<{ hash: string | null }>(
      await tx.execute(sql`select hash from audit_events where seq < ${first.seq} order by seq desc limit 1`),
    );
    let prev = before?.hash ?? GENESIS_HASH;
    let after = Number(first.seq) - 1;
    let chained = 0;
    for (;;) {
      const page = await pageAfter(tx, after, pageSize, true);
      if (page.length === 0) break;
      for (const row of page) {
        const hash = chainHash(prev, fieldsOf(row));
        await tx.execute(sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`);
        prev = hash;
        after = Number(row.seq);
        chained += 1;
      }
    }
    return chained;
  });
}

export type ChainVerdict =
  | { intact: true; events: number; head: { seq: number; hash: string } | null }
  | {
      intact: false;
      events: number;
      /** The first event where the chain breaks. */
      seq: number;
      id: string;
      /** The last intact event's seq before it; null when it is the first. */
      after: number | null;
      problem: 'changed' | 'removed_or_inserted' | 'unchained';
    };

/**
 * Walks the chain in `seq` order, a page at a time, recomputing each hash. The first event whose
 * stored hash is not its own recomputed hash was changed; one whose previous hash is not the hash
 * of the event before it follows a removal or is an insertion; one with no hash was never chained.
 */
export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let after = 0;
  let events = 0;
  const broken = (row: StoredEvent, problem: 'changed' | 'removed_or_inserted' | 'unchained'): ChainVerdict => ({
    intact: false,
    events,
    seq: Number(row.seq),
    id: row.id,
    after: events === 0 ? null : after,
    problem,
  });
  let head: { seq: number; hash: string } | null = null;
  for (;;) {
    const page = await pageAfter(db, after, pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      const seq = Number(row.seq);
      if (row.hash === null || row.prev_hash === null) return broken(row, 'unchained');
      if (row.prev_hash !== prev) return broken(row, 'removed_or_inserted');
      if (chainHash(prev, fieldsOf(row)) !== row.hash) return broken(row, 'changed');
      prev = row.hash;
      after = seq;
      events += 1;
      head = { seq, hash: row.hash };
    }
  }
  return { intact: true, events, head };
}
