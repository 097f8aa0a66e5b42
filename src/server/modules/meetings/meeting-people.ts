import { and, eq, exists, inArray, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DelegateRole, type Meeting } from '../../../shared/meetings.js';
import type { Db, Tx } from '../../db/client.js';
import { delegates, meetingChairs, remarks } from '../../db/schema/meetings.js';

type Conn = Db | Tx;

/** The seats whose holders the public sees: heads of delegation. Alternates and advisers are the coalition's. */
export const isPublicSeat = (role: DelegateRole): boolean => role === DelegateRole.enum.head;

/**
 * A meeting page as the public sees it: alternates and advisers left out. Heads, chairs and
 * whoever made remarks stay: they act in public. Made once per cached page (see the loader), so
 * that every anonymous reader gets the same object and its serialized form is made once.
 */
export function publicMeeting(meeting: Meeting): Meeting {
  return {
    ...meeting,
    delegations: meeting.delegations.map((d) => ({ ...d, delegates: d.delegates.filter((s) => isPublicSeat(s.role)) })),
  };
}

/**
 * People of the registry the public may not see: those who only ever sat as an alternate or an
 * adviser, never heading a delegation, chairing a meeting or making a remark. What the registry
 * leaves out of its lists for anonymous readers.
 */
export async function coalitionOnlyPersonIds(conn: Conn): Promise<Set<string>> {
  const headSeat = alias(delegates, 'head_seat');
  const rows = await conn
    .selectDistinct({ personId: delegates.personId })
    .from(delegates)
    .where(
      and(
        ne(delegates.role, DelegateRole.enum.head),
        notExists(
          conn
            .select({ one: sql`1` })
            .from(headSeat)
            .where(and(eq(headSeat.personId, delegates.personId), eq(headSeat.role, DelegateRole.enum.head))),
        ),
        notExists(
          conn.select({ one: sql`1` }).from(meetingChairs).where(eq(meetingChairs.personId, delegates.personId)),
        ),
        notExists(conn.select({ one: sql`1` }).from(remarks).where(eq(remarks.personId, delegates.personId))),
      ),
    );
  return new Set(rows.map((r) => r.personId));
}

/**
 * The public's side of coalitionOnlyPersonIds as a SQL condition on the person row `p`: they
 * never sat as an alternate or adviser, or they headed a delegation, chaired or made a remark.
 * For queries that must not load whom the public may not see (search); a test checks the two agree.
 */
export const personPublicSql = (p: string): string =>
  `(not exists (select 1 from delegates ps where ps.person_id = ${p}.id and ps.role <> '${DelegateRole.enum.head}')
    or exists (select 1 from delegates ps where ps.person_id = ${p}.id and ps.role = '${DelegateRole.enum.head}')
    or exists (select 1 from meeting_chairs pc where pc.person_id = ${p}.id)
    or exists (select 1 from remarks pr where pr.person_id = ${p}.id))`;

/** Meetings at which both people sit (on one delegation, since they speak for one member). */
export async function meetingsSeatingBoth(tx: Tx, personId: string, otherId: string): Promise<string[]> {
  const other = alias(delegates, 'other_seat');
  const rows = await tx
    .select({ meetingId: delegates.meetingId })
    .from(delegates)
    .where(
      and(
        eq(delegates.personId, personId),
        exists(
          tx
            .select({ one: sql`1` })
            .from(other)
            .where(and(eq(other.meetingId, delegates.meetingId), eq(other.personId, otherId))),
        ),
      ),
    );
  return rows.map((r) => r.meetingId);
}

/**
 * Gives one person's seats, remarks and chairs to another, inside the caller's transaction (a
 * merge of two records of one person). The caller has refused a merge of two people seated at the
 * same meeting; a chair both hold stays the kept person's alone.
 */
export async function movePersonRecords(tx: Tx, fromId: string, intoId: string) {
  const seats = await tx.update(delegates).set({ personId: intoId }).where(eq(delegates.personId, fromId)).returning();
  const moved = await tx.update(remarks).set({ personId: intoId }).where(eq(remarks.personId, fromId)).returning();
  await tx
    .delete(meetingChairs)
    .where(
      and(
        eq(meetingChairs.personId, fromId),
        inArray(
          meetingChairs.meetingId,
          tx.select({ id: meetingChairs.meetingId }).from(meetingChairs).where(eq(meetingChairs.personId, intoId)),
        ),
      ),
    );
  const chairs = await tx
    .update(meetingChairs)
    .set({ personId: intoId })
    .where(eq(meetingChairs.personId, fromId))
    .returning();
  return { seats: seats.length, remarks: moved.length, chairs: chairs.length };
}
