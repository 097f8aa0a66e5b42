import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Language } from '../../../shared/i18n.js';
import type { NotificationKind } from '../../../shared/notifications.js';
import type { Db, Tx } from '../../db/client.js';
import { notifications, outbox } from '../../db/schema/notifications.js';

type Conn = Db | Tx;

export async function insertNotifications(
  tx: Tx,
  rows: { userId: string; kind: NotificationKind; params: Record<string, unknown>; createdAt: SQL<Date> }[],
) {
  if (rows.length === 0) return [];
  return tx.insert(notifications).values(rows).returning({ id: notifications.id, userId: notifications.userId });
}

export async function insertOutbox(
  tx: Tx,
  rows: {
    notificationId: string;
    recipient: string;
    language: Language;
    subject: string;
    body: string;
    createdAt: SQL<Date>;
    nextAttemptAt: SQL<Date>;
  }[],
) {
  if (rows.length === 0) return;
  await tx.insert(outbox).values(rows);
}

/** A user's notifications, newest first, with the instants as ISO text. */
export async function notificationsOf(conn: Conn, userId: string, limit: number) {
  return conn
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(conn: Conn, userId: string): Promise<number> {
  const [row] = await conn
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row.n;
}

export async function lockNotification(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: notifications.id, userId: notifications.userId, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.id, id))
    .for('update');
  return row;
}

export async function setRead(tx: Tx, id: string, at: SQL<Date>) {
  await tx.update(notifications).set({ readAt: at }).where(eq(notifications.id, id));
}

export async function setAllRead(tx: Tx, userId: string, at: SQL<Date>) {
  return tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
}

// ---- the outbox's drainer ----------------------------------------------------------------------

export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims up to `limit` due rows for `worker`: pending, due, and unclaimed or claimed longer ago
 * than the lease (a process that died mid-send). SKIP LOCKED lets two processes claim at once
 * without waiting for each other, and the row lock taken in the subquery is re-checked against
 * the row as it is when the lock is granted, so a row another process claimed meanwhile is not
 * claimed twice.
 */
export async function claimDue(
  db: Db,
  now: SQL<Date>,
  worker: string,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedMail[]> {
  const result = (await db.execute(sql`
    update outbox set claimed_at = ${now}, claimed_by = ${worker}, attempts = attempts + 1
    where id in (
      select id from outbox
      where sent_at is null and failed_at is null and next_attempt_at <= ${now}
        and (claimed_at is null or claimed_at < ${now} - make_interval(secs => ${leaseSeconds}))
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id, recipient, subject, body, attempts
  `)) as unknown as { rows: ClaimedMail[] };
  return result.rows;
}

/** Sent: done, unless another process took the row over after our lease ran out (then it is theirs). */
export async function markSent(db: Db, id: string, worker: string, now: SQL<Date>): Promise<void> {
  await db
    .update(outbox)
    .set({ sentAt: now, claimedAt: null, claimedBy: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.claimedBy, worker)));
}

/** Not sent: free the row for a later attempt at `retryAt`, or give it up (`retryAt` null). */
export async function markAttemptFailed(
  db: Db,
  id: string,
  worker: string,
  error: string,
  retryAt: SQL<Date> | null,
  now: SQL<Date>,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      claimedAt: null,
      claimedBy: null,
      lastError: error.slice(0, 1000),
      ...(retryAt ? { nextAttemptAt: retryAt } : { failedAt: now }),
    })
    .where(and(eq(outbox.id, id), eq(outbox.claimedBy, worker)));
}
