import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  agendaItems,
  delegates,
  delegations,
  type MeetingRow,
  meetingChairs,
  meetingRestrictedMembers,
  meetings,
  type NewMeetingRow,
  quotes,
  remarks,
} from '../../db/schema/meetings.js';
import { members, people } from '../../db/schema/members.js';

type Conn = Db | Tx;

const personColumns = { id: people.id, name: people.name, title: people.title };

export async function listMeetingRows(db: Conn) {
  return db
    .select({ meeting: meetings, hostCode: members.code })
    .from(meetings)
    .leftJoin(members, eq(members.id, meetings.hostMemberId))
    .orderBy(asc(meetings.startDate), asc(meetings.title));
}

export async function listRestrictions(db: Conn, meetingIds?: string[]) {
  const q = db
    .select({ meetingId: meetingRestrictedMembers.meetingId, memberId: members.id, code: members.code })
    .from(meetingRestrictedMembers)
    .innerJoin(members, eq(members.id, meetingRestrictedMembers.memberId));
  return meetingIds ? q.where(inArray(meetingRestrictedMembers.meetingId, meetingIds)) : q;
}

export async function findMeetingRow(db: Conn, id: string) {
  const [row] = await db
    .select({ meeting: meetings, hostCode: members.code })
    .from(meetings)
    .leftJoin(members, eq(members.id, meetings.hostMemberId))
    .where(eq(meetings.id, id))
    .limit(1);
  return row;
}

export async function lockMeeting(tx: Tx, id: string): Promise<MeetingRow | undefined> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update').limit(1);
  return row;
}

/** Everything the meeting page shows besides the meeting row, in six reads. */
export async function loadMeetingParts(db: Conn, meetingId: string) {
  const [chairs, restrictedTo, agenda, delegationRows, delegateRows, remarkRows] = await Promise.all([
    db
      .select(personColumns)
      .from(meetingChairs)
      .innerJoin(people, eq(people.id, meetingChairs.personId))
      .where(eq(meetingChairs.meetingId, meetingId))
      .orderBy(asc(meetingChairs.position)),
    listRestrictions(db, [meetingId]),
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)),
    db
      .select({ delegation: delegations, member: members })
      .from(delegations)
      .innerJoin(members, eq(members.id, delegations.memberId))
      .where(eq(delegations.meetingId, meetingId)),
    db
      .select({
        delegationId: delegates.delegationId,
        role: delegates.role,
        position: delegates.position,
        person: personColumns,
      })
      .from(delegates)
      .innerJoin(people, eq(people.id, delegates.personId))
      .where(eq(delegates.meetingId, meetingId))
      .orderBy(asc(delegates.position)),
    db
      .select({ remark: remarks, person: personColumns, quote: quotes })
      .from(remarks)
      .innerJoin(people, eq(people.id, remarks.personId))
      .leftJoin(quotes, eq(quotes.remarkId, remarks.id))
      .where(eq(remarks.meetingId, meetingId))
      .orderBy(asc(remarks.position), asc(quotes.position)),
  ]);
  return { chairs, restrictedTo, agenda, delegationRows, delegateRows, remarkRows };
}

export async function insertMeeting(tx: Tx, values: NewMeetingRow): Promise<MeetingRow> {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row;
}

export async function updateMeetingRow(tx: Tx, id: string, values: Partial<NewMeetingRow>): Promise<MeetingRow> {
  const [row] = await tx
    .update(meetings)
    .set({ ...values, updatedAt: sql`now()` as unknown as Date })
    .where(eq(meetings.id, id))
    .returning();
  return row;
}

export async function replaceChairs(tx: Tx, meetingId: string, personIds: string[]) {
  await tx.delete(meetingChairs).where(eq(meetingChairs.meetingId, meetingId));
  if (personIds.length > 0) {
    await tx.insert(meetingChairs).values(personIds.map((personId, position) => ({ meetingId, personId, position })));
  }
}

export async function replaceRestrictions(tx: Tx, meetingId: string, memberIds: string[]) {
  await tx.delete(meetingRestrictedMembers).where(eq(meetingRestrictedMembers.meetingId, meetingId));
  if (memberIds.length > 0) {
    await tx.insert(meetingRestrictedMembers).values(memberIds.map((memberId) => ({ meetingId, memberId })));
  }
}

export async function replaceAgenda(
  tx: Tx,
  meetingId: string,
  items: { title: string; lineOfEffort?: string | null }[],
) {
  await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  if (items.length > 0) {
    await tx.insert(agendaItems).values(
      items.map((item, i) => ({
        meetingId,
        position: i + 1,
        title: item.title,
        lineOfEffort: item.lineOfEffort ?? null,
      })),
    );
  }
}

export async function memberIdsByCode(db: Conn, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, code: members.code })
    .from(members)
    .where(inArray(members.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function findPeople(db: Conn, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...personColumns, memberId: people.memberId })
    .from(people)
    .where(inArray(people.id, ids));
}

export async function insertPerson(tx: Tx, values: { name: string; title: string | null; memberId: string }) {
  const [row] = await tx.insert(people).values(values).returning();
  return row;
}

/** A member's delegation to a meeting, by the member's code, locked for the transaction. */
export async function lockDelegation(tx: Tx, meetingId: string, memberCode: string) {
  const memberId = tx.select({ id: members.id }).from(members).where(eq(members.code, memberCode));
  const [row] = await tx
    .select()
    .from(delegations)
    .where(and(eq(delegations.meetingId, meetingId), inArray(delegations.memberId, memberId)))
    .for('update')
    .limit(1);
  return row;
}

export async function insertDelegations(tx: Tx, meetingId: string, memberIds: string[]) {
  return tx
    .insert(delegations)
    .values(memberIds.map((memberId) => ({ meetingId, memberId })))
    .onConflictDoNothing()
    .returning();
}

export async function updateDelegationRow(tx: Tx, id: string, values: Partial<typeof delegations.$inferInsert>) {
  const [row] = await tx
    .update(delegations)
    .set({ ...values, updatedAt: sql`now()` as unknown as Date })
    .where(eq(delegations.id, id))
    .returning();
  return row;
}

export async function delegatesOf(db: Conn, delegationId: string) {
  return db
    .select({ personId: delegates.personId, role: delegates.role, position: delegates.position })
    .from(delegates)
    .where(eq(delegates.delegationId, delegationId))
    .orderBy(asc(delegates.position));
}

/** Where each of these people already sits in this meeting, other than on `exceptDelegationId`. */
export async function seatsElsewhere(db: Conn, meetingId: string, exceptDelegationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: delegates.personId, memberCode: members.code })
    .from(delegates)
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(members, eq(members.id, delegations.memberId))
    .where(
      and(
        eq(delegates.meetingId, meetingId),
        inArray(delegates.personId, personIds),
        sql`${delegates.delegationId} <> ${exceptDelegationId}`,
      ),
    );
}

export async function replaceDelegates(
  tx: Tx,
  meetingId: string,
  delegationId: string,
  seats: { personId: string; role: 'head' | 'alternate' | 'adviser' }[],
) {
  await tx.delete(delegates).where(eq(delegates.delegationId, delegationId));
  if (seats.length > 0) {
    await tx.insert(delegates).values(seats.map((s, position) => ({ ...s, meetingId, delegationId, position })));
  }
}

export async function insertRemark(
  tx: Tx,
  meetingId: string,
  values: { personId: string; context: string | null; quotes: { text: string; context: string | null }[] },
) {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${remarks.position}), 0) + 1`.mapWith(Number) })
    .from(remarks)
    .where(eq(remarks.meetingId, meetingId));
  const [remark] = await tx
    .insert(remarks)
    .values({ meetingId, personId: values.personId, context: values.context, position: next })
    .returning();
  const quoteRows =
    values.quotes.length > 0
      ? await tx
          .insert(quotes)
          .values(
            values.quotes.map((q, i) => ({ remarkId: remark.id, text: q.text, context: q.context, position: i + 1 })),
          )
          .returning()
      : [];
  return { remark, quotes: quoteRows };
}
