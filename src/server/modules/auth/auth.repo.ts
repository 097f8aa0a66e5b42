import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { sessions, signInFailures, users } from '../../db/schema/auth.js';
import { members } from '../../db/schema/members.js';
import type { SessionUser } from '../../lib/auth-context.js';

export async function findUserByEmail(db: Db | Tx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

/** Failures for this account and from this address within the window, by the database clock. */
export async function countRecentFailures(db: Db, email: string, ip: string, windowMinutes: number) {
  const since = sql`now() - make_interval(mins => ${windowMinutes})`;
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${signInFailures.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${signInFailures.ip} = ${ip})`.mapWith(Number),
    })
    .from(signInFailures)
    .where(
      and(gt(signInFailures.at, since), sql`(${signInFailures.email} = ${email} or ${signInFailures.ip} = ${ip})`),
    );
  return row;
}

export async function recordFailure(db: Db, email: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(signInFailures).values({ email, ip });
    // Keep the table small: nothing older than a day is ever counted.
    await tx.delete(signInFailures).where(sql`${signInFailures.at} < now() - interval '1 day'`);
  });
}

export const clearFailures = (tx: Tx, email: string) =>
  tx.delete(signInFailures).where(eq(signInFailures.email, email));

export async function insertSession(
  tx: Tx,
  values: { userId: string; tokenHash: string; absoluteHours: number; ip: string; userAgent: string | null },
) {
  const [row] = await tx
    .insert(sessions)
    .values({
      userId: values.userId,
      tokenHash: values.tokenHash,
      expiresAt: sql`now() + make_interval(hours => ${values.absoluteHours})` as unknown as Date,
      ip: values.ip,
      userAgent: values.userAgent,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return row;
}

/** Revokes one session by its token hash; returns the revoked session's user, if any. */
export async function revokeSessionByHash(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` as unknown as Date })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, userId: sessions.userId });
  return row;
}

export async function revokeAllSessions(tx: Tx, userId: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` as unknown as Date })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * The live session behind a token hash, with its user: not revoked, not past its absolute
 * expiry, used within the idle window, user not disabled. All by the database clock.
 */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  idleMinutes: number,
): Promise<(SessionUser & { stale: boolean }) | undefined> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      memberId: users.memberId,
      memberCode: members.code,
      // Touch last_seen_at at most once a minute: a write on every request would cost more than it tells.
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - interval '1 minute'`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(members, eq(members.id, users.memberId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` as unknown as Date })
    .where(eq(sessions.id, sessionId));
}
