import { and, asc, count, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { MeetingStatus } from '../../../shared/meetings.js';
import type { Db } from '../../db/client.js';
import { delegates, delegations, meetings } from '../../db/schema/meetings.js';

const meetingColumns = {
  meetingId: meetings.id,
  kind: meetings.kind,
  title: meetings.title,
  titleTranslations: meetings.titleTranslations,
  workingLanguage: meetings.workingLanguage,
  visibility: meetings.visibility,
  city: meetings.city,
  startDate: meetings.startDate,
  endDate: meetings.endDate,
};

const seatCount = (delegationId: SQL | typeof delegations.id) =>
  sql<number>`(select count(*)::int from ${delegates} where ${delegates.delegationId} = ${delegationId})`;

/** The planned meetings a member is invited to, soonest first, with its delegation's state. */
export async function plannedInvitationsOf(db: Db, memberId: string, limit: number) {
  return db
    .select({ ...meetingColumns, level: delegations.level, seats: seatCount(delegations.id) })
    .from(delegations)
    .innerJoin(meetings, eq(meetings.id, delegations.meetingId))
    .where(and(eq(delegations.memberId, memberId), eq(meetings.status, MeetingStatus.enum.planned)))
    .orderBy(asc(meetings.startDate), asc(meetings.id))
    .limit(limit);
}

/** A delegation counts as named when it has a level or anyone on it. */
const isNamed = sql`(${delegations.level} is not null or exists (select 1 from ${delegates} where ${delegates.delegationId} = ${delegations.id}))`;

/** Planned meetings in a date window (or past their end), with invited and unnamed counts. */
export async function plannedMeetingsWithCounts(
  db: Db,
  window: { startFrom: string; startTo: string } | { endedBefore: string },
  limit: number,
) {
  const when =
    'endedBefore' in window
      ? lt(meetings.endDate, window.endedBefore)
      : and(gte(meetings.startDate, window.startFrom), lte(meetings.startDate, window.startTo));
  return db
    .select({
      ...meetingColumns,
      invited: count(delegations.id),
      unnamed: sql<number>`(count(${delegations.id}) filter (where not (${isNamed})))::int`,
    })
    .from(meetings)
    .leftJoin(delegations, eq(delegations.meetingId, meetings.id))
    .where(and(eq(meetings.status, MeetingStatus.enum.planned), when))
    .groupBy(meetings.id)
    .orderBy('endedBefore' in window ? desc(meetings.endDate) : asc(meetings.startDate), asc(meetings.id))
    .limit(limit);
}
