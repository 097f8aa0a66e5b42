import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Language } from '../../../shared/i18n.js';
import type { Db, Tx } from '../../db/client.js';
import { calendarTokens, sessions, signInFailures, users } from '../../db/schema/auth.js';
import { members } from '../../db/schema/members.js';
import type { SessionUser } from '../../lib/auth-context.js';
import { type Clock, minutesFrom } from '../../lib/clock.js';

export async function findUserByEmail(db: Db | Tx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

/** Failures for this account and from this address within the window, by the database clock. */
export async function countRecentFailures(db: Db, clock: Clock, email: string, ip: string, windowMinutes: number) {
  const since = minutesFrom(clock, -windowMinutes);
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

export async function recordFailure(db: Db, clock: Clock, email: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(signInFailures).values({ email, ip, at: clock.sql() });
    // Keep the table small: nothing older than a day is ever counted.
    await tx.delete(signInFailures).where(lt(signInFailures.at, minutesFrom(clock, -24 * 60)));
  });
}

export const clearFailures = (tx: Tx, email: string) =>
  tx.delete(signInFailures).where(eq(signInFailures.email, email));

export async function insertSession(
  tx: Tx,
  clock: Clock,
  values: { userId: string; tokenHash: string; absoluteHours: number; ip: string; userAgent: string | null },
) {
  const [row] = await tx
    .insert(sessions)
    .values({
      userId: values.userId,
      tokenHash: values.tokenHash,
      createdAt: clock.sql(),
      lastSeenAt: clock.sql(),
      expiresAt: minutesFrom(clock, values.absoluteHours * 60),
      ip: values.ip,
      userAgent: values.userAgent,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return row;
}

/** Revokes one session by its token hash; returns the revoked session's user, if any. */
export async function revokeSessionByHash(tx: Tx, clock: Clock, tokenHash: string) {
  const [row] = await tx
    .update(sessions)
    .set({ revokedAt: clock.sql() })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, userId: sessions.userId });
  return row;
}

export async function revokeAllSessions(tx: Tx, clock: Clock, userId: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: clock.sql() })
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
  clock: Clock,
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
      language: users.language,
      // Touch last_seen_at at most once a minute: a write on every request would cost more than it tells.
      stale: sql<boolean>`${sessions.lastSeenAt} < ${minutesFrom(clock, -1)}`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(members, eq(members.id, users.memberId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, clock.sql()),
        gt(sessions.lastSeenAt, minutesFrom(clock, -idleMinutes)),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

/** A user's chosen language, the row locked until the transaction ends; undefined when there is no such user. */
export async function lockUserLanguage(tx: Tx, userId: string): Promise<{ language: Language | null } | undefined> {
  const [row] = await tx.select({ language: users.language }).from(users).where(eq(users.id, userId)).for('update');
  return row;
}

export async function updateUserLanguage(tx: Tx, clock: Clock, userId: string, language: Language): Promise<void> {
  await tx.update(users).set({ language, updatedAt: clock.sql() }).where(eq(users.id, userId));
}

export async function touchSession(db: Db, clock: Clock, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: clock.sql() }).where(eq(sessions.id, sessionId));
}

/** Stores the user's calendar token hash, replacing the one they had: the old link stops working at once. */
export async function replaceCalendarToken(tx: Tx, clock: Clock, userId: string, tokenHash: string) {
  const [previous] = await tx
    .select({ userId: calendarTokens.userId })
    .from(calendarTokens)
    .where(eq(calendarTokens.userId, userId))
    .for('update');
  await tx
    .insert(calendarTokens)
    .values({ userId, tokenHash, createdAt: clock.sql() })
    .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash, createdAt: clock.sql() } });
  return { replaced: previous !== undefined };
}

/** The user behind a calendar token hash, as a session would give them; undefined for none or a disabled user. */
export async function findCalendarTokenUser(
  db: Db,
  tokenHash: string,
): Promise<Omit<SessionUser, 'sessionId'> | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      memberId: users.memberId,
      memberCode: members.code,
      language: users.language,
    })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .leftJoin(members, eq(members.id, users.memberId))
    .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(users.disabledAt)))
    .limit(1);
  return row;
}
