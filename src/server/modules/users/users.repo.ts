import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { members } from '../../db/schema/members.js';

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row.n;
}

export async function findMemberIdByCode(tx: Tx, code: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.code, code)).limit(1);
  return row?.id;
}

export async function insertUser(
  tx: Tx,
  values: { email: string; name: string; role: string; memberId: string | null; passwordHash: string },
) {
  const [row] = await tx
    .insert(users)
    .values({ ...values, role: values.role as (typeof users.$inferInsert)['role'] })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, memberId: users.memberId });
  return row;
}
