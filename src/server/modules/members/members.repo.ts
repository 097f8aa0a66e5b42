import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { type MemberRow, members, type NewMemberRow } from '../../db/schema/members.js';

export const listMemberRows = (db: Db | Tx): Promise<MemberRow[]> => db.select().from(members);

export async function findMemberByCode(db: Db | Tx, code: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(eq(members.code, code)).limit(1);
  return row;
}

/** Locks the row for the rest of the transaction, so two writers cannot both pass the version check. */
export async function lockMemberByCode(tx: Tx, code: string): Promise<MemberRow | undefined> {
  const [row] = await tx.select().from(members).where(eq(members.code, code)).for('update').limit(1);
  return row;
}

/** Inserts unless the code is taken; returns undefined then. */
export async function insertMember(tx: Tx, values: NewMemberRow): Promise<MemberRow | undefined> {
  const [row] = await tx.insert(members).values(values).onConflictDoNothing({ target: members.code }).returning();
  return row;
}

export async function updateMember(tx: Tx, id: string, values: Partial<NewMemberRow>): Promise<MemberRow> {
  const [row] = await tx.update(members).set(values).where(eq(members.id, id)).returning();
  return row;
}
