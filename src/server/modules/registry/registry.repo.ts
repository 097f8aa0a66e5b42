import { asc, eq, inArray } from 'drizzle-orm';
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
