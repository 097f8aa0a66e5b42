import { count } from 'drizzle-orm';
import type { Role } from '../../../shared/auth.js';
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
