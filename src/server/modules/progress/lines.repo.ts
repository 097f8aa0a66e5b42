import { and, eq, inArray } from 'drizzle-orm';
import type { NamesAnswer, OfficeRole } from '../../../shared/progress.js';
import { type Read, readStatement, type Tx } from '../../db/client.js';
import { linesOfEffort, workingGroupOffices, workingGroups } from '../../db/schema/progress.js';

// Lines of effort, working groups and their offices. The reads are the pages' (public, hot): SQL
// of their own, every column aliased and cast so that both drivers give the same thing.

export interface LineRow {
  id: string;
  key: string;
  number: number;
  names: NamesAnswer;
  summary: string | null;
}

export interface GroupRow {
  id: string;
  key: string;
  names: NamesAnswer;
  lineOfEffort: string | null;
  formedOn: string | null;
  formedNote: string | null;
  note: string | null;
  version: number;
}

export interface OfficeRow {
  id: string;
  groupId: string;
  role: OfficeRole;
  fromOn: string | null;
  toOn: string | null;
  note: string | null;
  memberCode: string | null;
  nameEn: string | null;
  nameFr: string | null;
  nameAr: string | null;
}

const allLines = readStatement<LineRow>(
  'lines_of_effort_all',
  `select l.id, l.key, l.number, l.names, l.summary from lines_of_effort l order by l.number`,
);

const allGroups = readStatement<GroupRow>(
  'working_groups_all',
  `select g.id, g.key, g.names, l.key as "lineOfEffort", g.formed_on::text as "formedOn",
    g.formed_note as "formedNote", g.note, g.version
  from working_groups g left join lines_of_effort l on l.id = g.line_of_effort_id
  order by l.number nulls last, g.formed_on nulls last, g.key`,
);

// Co-leads first, then each by its start (an office without a start day first: held since the group formed).
const allOffices = readStatement<OfficeRow>(
  'working_group_offices_all',
  `select o.id, o.working_group_id as "groupId", o.role, o.from_on::text as "fromOn", o.to_on::text as "toOn",
    o.note, m.code as "memberCode", m.name_en as "nameEn", m.name_fr as "nameFr", m.name_ar as "nameAr"
  from working_group_offices o left join members m on m.id = o.member_id
  order by o.role = 'co_lead' desc, o.from_on nulls first, m.code nulls last, o.created_at, o.id`,
);

/** Every line of effort, working group and office: the whole structure is small (tens of rows). */
export async function readStructure(read: Read) {
  const [lines, groups, offices] = await Promise.all([read(allLines, []), read(allGroups, []), read(allOffices, [])]);
  return { lines, groups, offices };
}

/** A working group by key, locked for a change to its offices. */
export async function lockGroupByKey(tx: Tx, key: string) {
  const [row] = await tx.select().from(workingGroups).where(eq(workingGroups.key, key)).for('update');
  return row;
}

export async function insertOffice(tx: Tx, values: typeof workingGroupOffices.$inferInsert) {
  const [row] = await tx.insert(workingGroupOffices).values(values).returning();
  return row;
}

/** One office of a group (undefined when the group has no such office). */
export async function findOffice(tx: Tx, groupId: string, officeId: string) {
  const [row] = await tx
    .select()
    .from(workingGroupOffices)
    .where(and(eq(workingGroupOffices.workingGroupId, groupId), eq(workingGroupOffices.id, officeId)));
  return row;
}

export async function setOfficeEnd(tx: Tx, officeId: string, toOn: string | null) {
  await tx.update(workingGroupOffices).set({ toOn }).where(eq(workingGroupOffices.id, officeId));
}

/** A group's offices as the audit records them. */
export function officesOf(tx: Tx, groupId: string) {
  return tx
    .select({
      id: workingGroupOffices.id,
      memberId: workingGroupOffices.memberId,
      role: workingGroupOffices.role,
      fromOn: workingGroupOffices.fromOn,
      toOn: workingGroupOffices.toOn,
      note: workingGroupOffices.note,
    })
    .from(workingGroupOffices)
    .where(eq(workingGroupOffices.workingGroupId, groupId))
    .orderBy(workingGroupOffices.createdAt, workingGroupOffices.id);
}

/** Which of these keys name a line of effort (other modules check the keys they are sent with it). */
export async function existingLineOfEffortKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx
    .select({ key: linesOfEffort.key })
    .from(linesOfEffort)
    .where(inArray(linesOfEffort.key, [...new Set(keys)]));
  return new Set(rows.map((r) => r.key));
}
