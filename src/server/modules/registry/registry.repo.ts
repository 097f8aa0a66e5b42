import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { actors, members, people } from '../../db/schema/members.js';

type Conn = Db | Tx;

export const listActorRows = (db: Conn) => db.select().from(actors).orderBy(asc(actors.name));

export function listPeopleRows(db: Conn, memberCode?: string) {
  const query = db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      memberCode: members.code,
      affiliation: people.affiliation,
      note: people.note,
    })
    .from(people)
    .leftJoin(members, eq(members.id, people.memberId))
    .orderBy(asc(people.name));
  return memberCode ? query.where(eq(members.code, memberCode)) : query;
}

/** People by id, with the member each speaks for: what another module checks before seating or quoting them. */
export async function findPeople(conn: Conn, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return conn
    .select({ id: people.id, name: people.name, title: people.title, memberId: people.memberId })
    .from(people)
    .where(inArray(people.id, [...ids]));
}

export async function insertPerson(tx: Tx, values: { name: string; title: string | null; memberId: string }) {
  const [row] = await tx.insert(people).values(values).returning();
  return row;
}

/**
 * Serialises the naming of new people for one member until the transaction ends: two requests
 * naming the same newcomer at once would otherwise both find no one and both add them.
 */
export async function lockPeopleOf(tx: Tx, memberId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`people:${memberId}`}))`);
}

/** Every person who speaks for a member, oldest first: what a new name is compared with. */
export const peopleOfMember = (conn: Conn, memberId: string) =>
  conn
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.memberId, memberId))
    .orderBy(asc(people.createdAt), asc(people.id));

/** Both people's rows, locked for a merge (in one statement, so two merges cannot lock them crosswise). */
export function lockPeople(tx: Tx, ids: readonly string[]) {
  return tx
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      memberId: people.memberId,
      memberCode: members.code,
      affiliation: people.affiliation,
      note: people.note,
    })
    .from(people)
    .leftJoin(members, eq(members.id, people.memberId))
    .where(inArray(people.id, [...ids]))
    .orderBy(asc(people.id))
    .for('update', { of: people });
}

export async function deletePerson(tx: Tx, id: string): Promise<void> {
  await tx.delete(people).where(eq(people.id, id));
}
