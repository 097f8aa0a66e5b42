import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agendaItems, delegations, meetings } from '../../db/schema/meetings.js';

/** What a calendar entry adds to a meeting's summary: when its record last changed, its summary and agenda, who is invited. */
export interface CalendarDetails {
  updatedAt: Date;
  summary: string | null;
  agenda: string[];
  invitedMemberIds: string[];
}

/** The calendar's details of these meetings, by id (not a hot read: calendar apps poll it hourly at most). */
export async function readCalendarDetails(db: Db, ids: string[]): Promise<Map<string, CalendarDetails>> {
  const byId = new Map<string, CalendarDetails>();
  if (ids.length === 0) return byId;
  const [rows, agenda, invited] = await Promise.all([
    db
      .select({ id: meetings.id, updatedAt: meetings.updatedAt, summary: meetings.summary })
      .from(meetings)
      .where(inArray(meetings.id, ids)),
    db
      .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
      .from(agendaItems)
      .where(inArray(agendaItems.meetingId, ids))
      .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position)),
    db
      .select({ meetingId: delegations.meetingId, memberId: delegations.memberId })
      .from(delegations)
      .where(inArray(delegations.meetingId, ids)),
  ]);
  for (const r of rows)
    byId.set(r.id, { updatedAt: r.updatedAt, summary: r.summary, agenda: [], invitedMemberIds: [] });
  for (const a of agenda) byId.get(a.meetingId)?.agenda.push(a.title);
  for (const d of invited) byId.get(d.meetingId)?.invitedMemberIds.push(d.memberId);
  return byId;
}
