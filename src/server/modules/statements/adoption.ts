import { eq, type SQL, sql } from 'drizzle-orm';
import { type DecisionMethod, StatementStatus } from '../../../shared/statements.js';
import type { Tx } from '../../db/client.js';
import { decisionCounters, decisionMembers, decisions, statements } from '../../db/schema/statements.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth } from '../../lib/auth-context.js';
import type { Clock } from '../../lib/clock.js';

/** What an adoption records, whichever way it came: a silence kept, an endorsement closed, a meeting's consensus. */
export interface AdoptionInput {
  statementId: string;
  /** The id of the adopted text version. */
  textVersionId: string;
  method: DecisionMethod;
  /** The procedure that adopted it (silence, endorsement), or null (meeting_consensus). */
  procedureId: string | null;
  meetingId: string | null;
  /** The instant of adoption: a procedure's deadline, not the moment it was applied. */
  adoptedAt: Date | SQL<Date>;
  /** Its day in the procedure's (or meeting's) zone, YYYY-MM-DD: the year numbers the decision. */
  adoptedOn: string;
  /** silence: the members that kept silent; endorsement: those that endorsed; meeting_consensus: []. */
  memberIds: string[];
}

export interface RecordedDecision {
  decisionId: string;
  /** "2014/1". */
  number: string;
}

/** "2014/1" from the year and the order in it. */
export const decisionNumber = (year: number, sequence: number): string => `${year}/${sequence}`;

/**
 * Adopts a statement inside the caller's transaction: the statement becomes `adopted`, and the
 * decision register gets its next number for the year (taken under the counter row's lock, so
 * two adoptions at once never share a number), the members it records, and `decision.created`.
 * The caller holds the lock that makes this happen once (the procedure's row, or the statement's)
 * and records its own event (`procedure.adopted`, `procedure.closed`, …).
 */
export async function recordAdoption(
  tx: Tx,
  clock: Clock,
  auth: Auth,
  input: AdoptionInput,
): Promise<RecordedDecision> {
  const year = Number(input.adoptedOn.slice(0, 4));
  const [statement] = await tx
    .update(statements)
    .set({
      status: StatementStatus.enum.adopted,
      version: sql`${statements.version} + 1`,
      updatedAt: clock.sql(),
    })
    .where(eq(statements.id, input.statementId))
    .returning({ title: statements.title });
  if (!statement) throw new Error(`recordAdoption: no statement ${input.statementId}`);

  const [counter] = await tx
    .insert(decisionCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: decisionCounters.year, set: { last: sql`${decisionCounters.last} + 1` } })
    .returning({ last: decisionCounters.last });
  const sequence = (counter as { last: number }).last;

  const [decision] = await tx
    .insert(decisions)
    .values({
      year,
      sequence,
      title: statement.title,
      method: input.method,
      statementId: input.statementId,
      textVersionId: input.textVersionId,
      procedureId: input.procedureId,
      meetingId: input.meetingId,
      adoptedAt: input.adoptedAt,
      adoptedOn: input.adoptedOn,
      createdAt: clock.sql(),
    })
    .returning({ id: decisions.id });
  const decisionId = (decision as { id: string }).id;
  if (input.memberIds.length > 0) {
    await tx.insert(decisionMembers).values(input.memberIds.map((memberId) => ({ decisionId, memberId })));
  }
  const number = decisionNumber(year, sequence);
  await recordAudit(tx, auth, {
    action: 'decision.created',
    entityType: 'decision',
    entityId: decisionId,
    after: {
      number,
      title: statement.title,
      method: input.method,
      statementId: input.statementId,
      procedureId: input.procedureId,
      meetingId: input.meetingId,
      adoptedOn: input.adoptedOn,
      members: input.memberIds.length,
    },
  });
  return { decisionId, number };
}
