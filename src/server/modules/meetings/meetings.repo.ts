import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AttendanceStatus, DelegateRole, RepresentationLevel } from '../../../shared/meetings.js';
import type { MemberKind } from '../../../shared/members.js';
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
import { members } from '../../db/schema/members.js';

type Conn = Db | Tx;

const hosts = alias(members, 'host');

export interface PersonRef {
  id: string;
  name: string;
  title: string | null;
}

/** An invited member's delegation as the page query gives it: the member's names, the seats in order. */
export interface DelegationPart {
  id: string;
  memberId: string;
  code: string;
  kind: MemberKind;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  level: RepresentationLevel | null;
  attendance: AttendanceStatus;
  attendanceNote: string | null;
  version: number;
  delegates: { role: DelegateRole; person: PersonRef }[];
}

export interface RemarkPart {
  id: string;
  person: PersonRef;
  context: string | null;
  quotes: { id: string; text: string; context: string | null }[];
}

/** SQL for `[{…}, …]` built by PostgreSQL in order, or `[]` for none. */
const jsonList = (object: string, from: string, orderBy: string) =>
  `coalesce((select json_agg(${object} order by ${orderBy}) ${from}), '[]'::json)`;

const person = (p: string) => `json_build_object('id', ${p}.id, 'name', ${p}.name, 'title', ${p}.title)`;

/** A column of JSON that PostgreSQL builds (the drivers parse it). */
const json = <T>(text: string) => sql<T>`${sql.raw(text)}`;

// The correlated subqueries below read `"meetings"."id"` of the outer row.
const OF_MEETING = '"meetings"."id"';

const delegationJson = `json_build_object('id', d.id, 'memberId', m.id, 'code', m.code, 'kind', m.kind,
  'nameEn', m.name_en, 'nameFr', m.name_fr, 'nameAr', m.name_ar, 'level', d.level,
  'attendance', d.attendance, 'attendanceNote', d.attendance_note, 'version', d.version,
  'delegates', ${jsonList(
    `json_build_object('role', s.role, 'person', ${person('p')})`,
    'from delegates s join people p on p.id = s.person_id where s.delegation_id = d.id',
    's.position',
  )})`;

const remarkJson = `json_build_object('id', r.id, 'person', ${person('p')}, 'context', r.context,
  'quotes', ${jsonList(
    `json_build_object('id', q.id, 'text', q.text, 'context', q.context)`,
    'from quotes q where q.remark_id = r.id',
    'q.position',
  )})`;

/**
 * Everything the meeting page shows, in one round trip: the row, its host's code, and its parts
 * built into JSON by PostgreSQL. Six queries and drizzle's mapping of their rows cost several
 * times the page's assembly; this is what every read pays on a cache miss, which during a live
 * ministerial (every attendance write drops the cache) is most reads.
 */
function meetingPageQuery(conn: Conn) {
  return conn
    .select({
      meeting: meetings,
      hostCode: hosts.code,
      chairs: json<PersonRef[]>(
        jsonList(
          person('p'),
          `from meeting_chairs c join people p on p.id = c.person_id where c.meeting_id = ${OF_MEETING}`,
          'c.position',
        ),
      ),
      restrictedTo: json<{ memberId: string; code: string }[]>(
        jsonList(
          `json_build_object('memberId', m.id, 'code', m.code)`,
          `from meeting_restricted_members r join members m on m.id = r.member_id where r.meeting_id = ${OF_MEETING}`,
          'm.code',
        ),
      ),
      agenda: json<{ position: number; title: string; lineOfEffort: string | null }[]>(
        jsonList(
          `json_build_object('position', a.position, 'title', a.title, 'lineOfEffort', a.line_of_effort)`,
          `from agenda_items a where a.meeting_id = ${OF_MEETING}`,
          'a.position',
        ),
      ),
      delegations: json<DelegationPart[]>(
        jsonList(
          delegationJson,
          `from delegations d join members m on m.id = d.member_id where d.meeting_id = ${OF_MEETING}`,
          'm.code',
        ),
      ),
      remarks: json<RemarkPart[]>(
        jsonList(
          remarkJson,
          `from remarks r join people p on p.id = r.person_id where r.meeting_id = ${OF_MEETING}`,
          'r.position',
        ),
      ),
    })
    .from(meetings)
    .leftJoin(hosts, eq(hosts.id, meetings.hostMemberId));
}

export type MeetingPageRow = Awaited<ReturnType<ReturnType<typeof meetingPageQuery>['execute']>>[number];

/** The page query for one meeting, prepared once (PostgreSQL plans it once per connection). */
export const prepareMeetingPage = (db: Db) =>
  meetingPageQuery(db)
    .where(eq(meetings.id, sql.placeholder('id')))
    .prepare('meeting_page');

/** The same, inside a transaction (a write's before and after). */
export async function findMeetingPage(conn: Conn, id: string): Promise<MeetingPageRow | undefined> {
  const [row] = await meetingPageQuery(conn).where(eq(meetings.id, id)).limit(1);
  return row;
}

/** Every meeting with its host's code and the members a restricted one is shown to, soonest first. */
export function listMeetingRows(db: Conn) {
  return db
    .select({
      meeting: meetings,
      hostCode: hosts.code,
      restrictedMemberIds: json<string[]>(
        jsonList('r.member_id', `from meeting_restricted_members r where r.meeting_id = ${OF_MEETING}`, 'r.member_id'),
      ),
    })
    .from(meetings)
    .leftJoin(hosts, eq(hosts.id, meetings.hostMemberId))
    .orderBy(asc(meetings.startDate), asc(meetings.title));
}

/**
 * Locks the meeting for the transaction: `update` to change it, `share` to change one of its
 * delegations (many at once, while nobody changes the meeting's status or quota under them).
 */
export async function lockMeeting(
  tx: Tx,
  id: string,
  strength: 'update' | 'share' = 'update',
): Promise<MeetingRow | undefined> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for(strength).limit(1);
  return row;
}

/** Member ids a restricted meeting is shown to. */
export async function restrictedMemberIdsOf(conn: Conn, meetingId: string): Promise<string[]> {
  const rows = await conn
    .select({ memberId: meetingRestrictedMembers.memberId })
    .from(meetingRestrictedMembers)
    .where(eq(meetingRestrictedMembers.meetingId, meetingId));
  return rows.map((r) => r.memberId);
}

export async function insertMeeting(tx: Tx, values: NewMeetingRow): Promise<MeetingRow> {
  const [row] = await tx.insert(meetings).values(values).returning();
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

export async function delegatesOf(conn: Conn, delegationId: string) {
  return conn
    .select({ personId: delegates.personId, role: delegates.role, position: delegates.position })
    .from(delegates)
    .where(eq(delegates.delegationId, delegationId))
    .orderBy(asc(delegates.position));
}

/** Where each of these people already sits in this meeting, other than on `exceptDelegationId`. */
export async function seatsElsewhere(conn: Conn, meetingId: string, exceptDelegationId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return conn
    .select({ personId: delegates.personId, memberCode: members.code })
    .from(delegates)
    .innerJoin(delegations, eq(delegations.id, delegates.delegationId))
    .innerJoin(members, eq(members.id, delegations.memberId))
    .where(
      and(
        eq(delegates.meetingId, meetingId),
        inArray(delegates.personId, personIds),
        ne(delegates.delegationId, exceptDelegationId),
      ),
    );
}

export async function replaceDelegates(
  tx: Tx,
  meetingId: string,
  delegationId: string,
  seats: { personId: string; role: DelegateRole }[],
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
