import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { type MemberRow, members, type NewMemberRow } from '../../db/schema/members.js';

type Conn = Db | Tx;

export const listMemberRows = (db: Conn): Promise<MemberRow[]> => db.select().from(members);

export async function findMemberByCode(db: Conn, code: string): Promise<MemberRow | undefined> {
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

/**
 * Member ids by code, for the codes that exist. The one way another module turns the codes an
 * API takes into the ids its rows keep (meetings, users, and every module after them).
 */
export async function memberIdsByCode(conn: Conn, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await conn
    .select({ id: members.id, code: members.code })
    .from(members)
    .where(inArray(members.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.id]));
}
