import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { Role } from '../../../shared/auth.js';
import type { Db, Tx } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row.n;
}

export async function insertUser(
  tx: Tx,
  values: { email: string; name: string; role: Role; memberId: string | null; passwordHash: string },
) {
  const [row] = await tx
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, memberId: users.memberId });
  return row;
}

/**
 * The focal points of these members who can still sign in, with what a message to them needs:
 * the notifications module asks here rather than reading the users table itself.
 */
export async function activeFocalPointsOf(conn: Db | Tx, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  return conn
    .select({ id: users.id, email: users.email, language: users.language, memberId: users.memberId })
    .from(users)
    .where(and(eq(users.role, Role.enum.focal_point), inArray(users.memberId, memberIds), isNull(users.disabledAt)));
}

/** The secretariat's staff and the administrators who can still sign in, with what a message to them needs. */
export async function activeSecretariat(conn: Db | Tx) {
  return conn
    .select({ id: users.id, email: users.email, language: users.language, memberId: users.memberId })
    .from(users)
    .where(and(inArray(users.role, [Role.enum.secretariat, Role.enum.admin]), isNull(users.disabledAt)));
}
