import { eq, inArray, sql } from 'drizzle-orm';
import type { Member } from '../../../shared/members.js';
import type { Db, Tx } from '../../db/client.js';
import { type MemberRow, members, type NewMemberRow } from '../../db/schema/members.js';

type Conn = Db | Tx;

/**
 * A member as the API shows it, built by PostgreSQL: a read that misses the cache gets one JSON
 * value to parse instead of rows for drizzle to map column by column (which cost more than the
 * rest of the answer). `toMember` in the service is the same shape from a row; the route tests
 * compare the two.
 */
const memberJson = sql<Member>`json_build_object(
  'id', ${members.id}, 'code', ${members.code}, 'kind', ${members.kind}, 'name', ${members.nameEn},
  'names', json_build_object('en', ${members.nameEn}, 'fr', ${members.nameFr}, 'ar', ${members.nameAr}),
  'status', ${members.status}, 'joinedOn', ${members.joinedOn}, 'joinedNote', ${members.joinedNote},
  'leftOn', ${members.leftOn}, 'note', ${members.note}, 'version', ${members.version},
  'updatedAt', to_char(${members.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** Every member, as the API shows them (unsorted), prepared once. */
export const prepareAllMembers = (db: Db) =>
  db
    .select({ items: sql<Member[]>`coalesce(json_agg(${memberJson}), '[]'::json)` })
    .from(members)
    .prepare('members_all');

/** One member by code, as the API shows it, prepared once. */
export const prepareMemberByCode = (db: Db) =>
  db
    .select({ member: memberJson })
    .from(members)
    .where(eq(members.code, sql.placeholder('code')))
    .prepare('member_by_code');

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
