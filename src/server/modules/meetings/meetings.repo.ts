import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AttendanceStatus, DelegateRole, RepresentationLevel } from '../../../shared/meetings.js';
import type { MemberKind } from '../../../shared/members.js';
import { type Db, type Read, readStatement, type Tx } from '../../db/client.js';
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
import type { Clock } from '../../lib/clock.js';

type Conn = Db | Tx;

const hosts = alias(members, 'host');

/** A meeting's own columns as the hot reads give them, with its host's code. */
export type MeetingReadRow = Omit<MeetingRow, 'createdAt' | 'updatedAt'> & { hostCode: string | null };

export interface PersonRef {
  id: string;
  name: string;
  title: string | null;
}

/** The meeting page's first read: the meeting, and its small parts built as JSON by PostgreSQL. */
export type MeetingPageRow = MeetingReadRow & {
  chairs: PersonRef[];
  restrictedTo: { memberId: string; code: string }[];
  agenda: { position: number; title: string; lineOfEffort: string | null }[];
  remarks: {
    id: string;
    person: PersonRef;
    context: string | null;
    quotes: { id: string; text: string; context: string | null }[];
    version: number;
  }[];
};

/** The meeting page's second read: one row a seat (or a delegation with no seat yet), by member and seat. */
export interface DelegationSeatRow {
  code: string;
  kind: MemberKind;
  nameEn: string;
  nameFr: string;
  nameAr: string;
  level: RepresentationLevel | null;
  attendance: AttendanceStatus;
  attendanceNote: string | null;
  version: number;
  role: DelegateRole | null;
  personId: string | null;
  personName: string | null;
  personTitle: string | null;
}

const MEETING_COLUMNS = `m.id, m.kind, m.title, m.title_translations as "titleTranslations", m.status, m.visibility,
  m.host_member_id as "hostMemberId",
  h.code as "hostCode", m.city, m.city_translations as "cityTranslations", m.venue, m.time_zone as "timeZone", m.date_precision as "datePrecision",
  m.start_date::text as "startDate", m.end_date::text as "endDate", m.start_time::text as "startTime",
  m.end_time::text as "endTime", m.working_language as "workingLanguage", m.seat_quota as "seatQuota",
  m.summary, m.note, m.chair_note as "chairNote", m.status_reason as "statusReason", m.version`;
const MEETINGS_WITH_HOST = 'meetings m left join members h on h.id = m.host_member_id';

/** `[{…}, …]` built by PostgreSQL in order, or `[]` for none: for the page's small parts only. */
const jsonList = (object: string, from: string, orderBy: string) =>
  `coalesce((select json_agg(${object} order by ${orderBy}) ${from}), '[]'::json)`;
const person = (p: string) => `json_build_object('id', ${p}.id, 'name', ${p}.name, 'title', ${p}.title)`;

const meetingPage = readStatement<MeetingPageRow>(
  'meeting_page',
  `select ${MEETING_COLUMNS},
    ${jsonList(person('p'), 'from meeting_chairs c join people p on p.id = c.person_id where c.meeting_id = m.id', 'c.position')} as chairs,
    ${jsonList(`json_build_object('memberId', x.id, 'code', x.code)`, 'from meeting_restricted_members r join members x on x.id = r.member_id where r.meeting_id = m.id', 'x.code')} as "restrictedTo",
    ${jsonList(`json_build_object('position', a.position, 'title', a.title, 'lineOfEffort', a.line_of_effort)`, 'from agenda_items a where a.meeting_id = m.id', 'a.position')} as agenda,
    ${jsonList(
      `json_build_object('id', r.id, 'person', ${person('p')}, 'context', r.context, 'quotes', ${jsonList(
        `json_build_object('id', q.id, 'text', q.text, 'context', q.context)`,
        'from quotes q where q.remark_id = r.id',
        'q.position',
      )}, 'version', r.version)`,
      'from remarks r join people p on p.id = r.person_id where r.meeting_id = m.id',
      'r.position',
    )} as remarks
  from ${MEETINGS_WITH_HOST} where m.id = $1`,
);

// The delegations as plain rows (a member has one delegation to a meeting: its code tells them apart):
// for 60 of them, PostgreSQL building JSON cost more than the rest of the page.
const meetingSeats = readStatement<DelegationSeatRow>(
  'meeting_seats',
  `select x.code, x.kind, x.name_en as "nameEn", x.name_fr as "nameFr", x.name_ar as "nameAr",
    d.level, d.attendance, d.attendance_note as "attendanceNote", d.version,
    s.role, p.id as "personId", p.name as "personName", p.title as "personTitle"
  from delegations d join members x on x.id = d.member_id
    left join delegates s on s.delegation_id = d.id left join people p on p.id = s.person_id
  where d.meeting_id = $1 order by x.code, s.position`,
);

/** Everything the meeting page shows, in two reads; undefined when there is no such meeting. */
export async function readMeetingPage(read: Read, id: string) {
  const [[page], seats] = await Promise.all([read(meetingPage, [id]), read(meetingSeats, [id])]);
  return page ? { page, seats } : undefined;
}

const meetingList = readStatement<MeetingReadRow & { restrictedMemberIds: string[] }>(
  'meeting_list',
  `select ${MEETING_COLUMNS},
    ${jsonList('r.member_id', 'from meeting_restricted_members r where r.meeting_id = m.id', 'r.member_id')} as "restrictedMemberIds"
  from ${MEETINGS_WITH_HOST} order by m.start_date, m.title`,
);

/** Every meeting with its host's code and the members a restricted one is shown to, soonest first. */
export const readMeetingList = (read: Read) => read(meetingList, []);

/** A meeting's own fields (no delegations, no remarks), inside a write's transaction. */
export async function findMeetingRecord(tx: Tx, id: string) {
  const [found] = await tx
    .select({ meeting: meetings, hostCode: hosts.code })
    .from(meetings)
    .leftJoin(hosts, eq(hosts.id, meetings.hostMemberId))
    .where(eq(meetings.id, id));
  if (!found) return undefined;
  const chairs = await tx
    .select({ id: people.id, name: people.name, title: people.title })
    .from(meetingChairs)
    .innerJoin(people, eq(people.id, meetingChairs.personId))
    .where(eq(meetingChairs.meetingId, id))
    .orderBy(asc(meetingChairs.position));
  const restricted = await tx
    .select({ code: members.code })
    .from(meetingRestrictedMembers)
    .innerJoin(members, eq(members.id, meetingRestrictedMembers.memberId))
    .where(eq(meetingRestrictedMembers.meetingId, id))
    .orderBy(asc(members.code));
  const agenda = await tx
    .select({ position: agendaItems.position, title: agendaItems.title, lineOfEffort: agendaItems.lineOfEffort })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, id))
    .orderBy(asc(agendaItems.position));
  return { ...found, chairs, restrictedTo: restricted.map((r) => r.code), agenda };
}

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

/**
 * Has the meeting begun where it is held: has its start date come in its own time zone, by the
 * clock? Late on the 15th in UTC is already the 16th in Brussels and still the 15th in New York.
 */
export async function hasMeetingBegun(conn: Conn, clock: Clock, meetingId: string): Promise<boolean> {
  const [row] = await conn
    .select({ begun: sql<boolean>`(${clock.sql()} at time zone ${meetings.timeZone})::date >= ${meetings.startDate}` })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return row?.begun === true;
}

/** One of a meeting's remarks, locked for the transaction; undefined when the meeting has no such remark. */
export async function lockRemark(tx: Tx, meetingId: string, remarkId: string) {
  const [row] = await tx
    .select()
    .from(remarks)
    .where(and(eq(remarks.id, remarkId), eq(remarks.meetingId, meetingId)))
    .for('update')
    .limit(1);
  return row;
}

/** A remark's quotes, in order: what the audit records of them. */
export async function quotesOf(conn: Conn, remarkId: string) {
  return conn
    .select({ text: quotes.text, context: quotes.context })
    .from(quotes)
    .where(eq(quotes.remarkId, remarkId))
    .orderBy(asc(quotes.position));
}

/** Replaces a remark's quotes as a whole. */
export async function replaceQuotes(tx: Tx, remarkId: string, values: { text: string; context: string | null }[]) {
  await tx.delete(quotes).where(eq(quotes.remarkId, remarkId));
  if (values.length > 0) {
    await tx
      .insert(quotes)
      .values(values.map((q, i) => ({ remarkId, text: q.text, context: q.context, position: i + 1 })));
  }
}

/** Deletes a remark and (by cascade) its quotes. */
export async function deleteRemark(tx: Tx, remarkId: string) {
  await tx.delete(remarks).where(eq(remarks.id, remarkId));
}

/** Deletes a delegation (an invitation withdrawn); its seats must be empty, which the caller checked. */
export async function deleteDelegation(tx: Tx, delegationId: string) {
  await tx.delete(delegations).where(eq(delegations.id, delegationId));
}

const agendaOnLine = readStatement<{ meetingId: string; title: string }>(
  'agenda_on_line_of_effort',
  `select a.meeting_id as "meetingId", a.title from agenda_items a where a.line_of_effort = $1
  order by a.meeting_id, a.position`,
);

/** The agenda items on a line of effort, with their meetings' ids. */
export const readAgendaOnLine = (read: Read, key: string) => read(agendaOnLine, [key]);
