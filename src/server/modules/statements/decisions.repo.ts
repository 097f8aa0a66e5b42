import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { members } from '../../db/schema/members.js';
import { followUps } from '../../db/schema/statements.js';

type Conn = Db | Tx;
export type FollowUpRow = typeof followUps.$inferSelect;

/** Follow-ups with their owning member (when a member owns them), oldest first. */
export async function followUpsOf(conn: Conn, decisionIds: string[]) {
  if (decisionIds.length === 0) return [];
  return conn
    .select({
      followUp: followUps,
      owner: {
        memberId: members.id,
        code: members.code,
        kind: members.kind,
        nameEn: members.nameEn,
        nameFr: members.nameFr,
        nameAr: members.nameAr,
      },
    })
    .from(followUps)
    .leftJoin(members, eq(members.id, followUps.ownerMemberId))
    .where(inArray(followUps.decisionId, decisionIds))
    .orderBy(asc(followUps.createdAt), asc(followUps.id));
}
export type FollowUpReadRow = Awaited<ReturnType<typeof followUpsOf>>[number];

export async function findFollowUp(conn: Conn, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await conn.select().from(followUps).where(eq(followUps.id, id)).limit(1);
  return row;
}

/** Locks a follow-up's row for the rest of the transaction. */
export async function lockFollowUp(tx: Tx, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await tx.select().from(followUps).where(eq(followUps.id, id)).for('update').limit(1);
  return row;
}

export async function insertFollowUp(tx: Tx, values: typeof followUps.$inferInsert): Promise<FollowUpRow> {
  const [row] = await tx.insert(followUps).values(values).returning();
  return row as FollowUpRow;
}

/** The code of the member that owns a follow-up, for the audit trail. */
export async function memberCodeOf(conn: Conn, memberId: string | null): Promise<string | null> {
  if (!memberId) return null;
  const [row] = await conn.select({ code: members.code }).from(members).where(eq(members.id, memberId)).limit(1);
  return row?.code ?? null;
}
