import { eq, inArray } from 'drizzle-orm';
import { MemberStatus } from '../../../shared/members.js';
import { type Db, type Read, readStatement, type Tx } from '../../db/client.js';
import { type MemberRow, members, type NewMemberRow } from '../../db/schema/members.js';

type Conn = Db | Tx;

/** A member as the hot reads give it: the row's fields `toMember` reads. */
export type MemberReadRow = Omit<MemberRow, 'createdAt'>;

const MEMBER_COLUMNS = `id, code, kind, name_en as "nameEn", name_fr as "nameFr", name_ar as "nameAr",
  official_names as "officialNames", status,
  joined_on::text as "joinedOn", joined_note as "joinedNote", left_on::text as "leftOn", note, version,
  (extract(epoch from updated_at) * 1000)::float8 as "updatedAt"`;

type RawMember = Omit<MemberReadRow, 'updatedAt'> & { updatedAt: number };
const allMembers = readStatement<RawMember>('members_all', `select ${MEMBER_COLUMNS} from members`);
const memberByCode = readStatement<RawMember>(
  'member_by_code',
  `select ${MEMBER_COLUMNS} from members where code = $1`,
);
const withDate = (raw: RawMember): MemberReadRow => ({ ...raw, updatedAt: new Date(raw.updatedAt) });

/** Every member (unsorted): the registry's one hot read, what a cache miss pays. */
export const readAllMembers = async (read: Read): Promise<MemberReadRow[]> =>
  (await read(allMembers, [])).map(withDate);

/** One member by code. */
export async function readMemberByCode(read: Read, code: string): Promise<MemberReadRow | undefined> {
  const [raw] = await read(memberByCode, [code]);
  return raw && withDate(raw);
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

/** The ids and codes of every current (active) member: what "every member" means to a procedure circulated by default. */
export async function activeMemberIds(conn: Conn): Promise<Map<string, string>> {
  const rows = await conn
    .select({ id: members.id, code: members.code })
    .from(members)
    .where(eq(members.status, MemberStatus.enum.active));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Members as other modules name them (code, names, kind), by id. A read-only lookup for showing them. */
export async function memberRefsByIds(conn: Conn, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return conn
    .select({
      id: members.id,
      code: members.code,
      kind: members.kind,
      nameEn: members.nameEn,
      nameFr: members.nameFr,
      nameAr: members.nameAr,
    })
    .from(members)
    .where(inArray(members.id, [...ids]));
}
