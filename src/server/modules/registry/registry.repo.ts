import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actors, members, people } from '../../db/schema/members.js';

export const listActorRows = (db: Db) => db.select().from(actors).orderBy(asc(actors.name));

export function listPeopleRows(db: Db, memberCode?: string) {
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
