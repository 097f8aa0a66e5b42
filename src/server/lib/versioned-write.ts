import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { recordAudit } from './audit.js';
import type { Auth } from './auth-context.js';
import type { Clock } from './clock.js';
import { notFound } from './errors.js';
import { versionMismatch } from './if-match.js';

/** A table of editable records: each has an id, a version and the time of its last change. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

type RowOf<T extends VersionedTable> = T['$inferSelect'] & { id: string; version: number };

export interface VersionedChange<T extends VersionedTable, Locked extends RowOf<T>, View> {
  table: T;
  /** What the record is called, in the 404 and 409 messages and as the audit's entity type. */
  entity: string;
  /** The audit action, e.g. `member.updated`. */
  action: string;
  /** The version the caller read (If-Match). */
  version: number;
  /** Reads the record `FOR UPDATE` (with whatever the decision needs, such as its meeting). */
  lock(): Promise<Locked | undefined>;
  /** May the caller see it? If not, 404, exactly as when it is missing. */
  visible?(locked: Locked): boolean;
  /** Throws 403 (the caller may not) or 409 (not in this state) after visibility, before the version. */
  allow?(locked: Locked): void;
  /** The new values of the row; may write the record's parts and throw 400 for what zod cannot check. */
  change(locked: Locked, before: View): Promise<PgUpdateSetSource<T>> | PgUpdateSetSource<T>;
  /** The record as the audit trail shows it, before and after. */
  view(row: RowOf<T>): Promise<View> | View;
}

/**
 * The one way to change an editable record, inside the caller's transaction: lock the row →
 * 404 when it is absent or hidden → 403/409 from the policy → 409 when If-Match names an older
 * version → write the change with `version + 1` and the clock's time → audit before and after.
 * Two writers of one version cannot both pass: the second waits on the lock, then sees the
 * version the first wrote.
 */
export async function updateVersioned<T extends VersionedTable, Locked extends RowOf<T>, View>(
  tx: Tx,
  deps: { clock: Clock },
  auth: Auth,
  spec: VersionedChange<T, Locked, View>,
): Promise<{ row: RowOf<T>; before: View; after: View }> {
  const locked = await spec.lock();
  if (!locked || (spec.visible && !spec.visible(locked))) throw notFound(`This ${spec.entity}`);
  spec.allow?.(locked);
  if (locked.version !== spec.version) throw versionMismatch(spec.entity, locked.version);
  const before = await spec.view(locked);
  const values = await spec.change(locked, before);
  const set = { ...values, version: locked.version + 1, updatedAt: deps.clock.sql() } as PgUpdateSetSource<T>;
  const [row] = (await tx.update(spec.table).set(set).where(eq(spec.table.id, locked.id)).returning()) as RowOf<T>[];
  const after = await spec.view(row);
  await recordAudit(tx, auth, { action: spec.action, entityType: spec.entity, entityId: row.id, before, after });
  return { row, before, after };
}
