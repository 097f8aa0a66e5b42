import { DateTime } from 'luxon';
import { NotificationKind } from '../../../shared/notifications.js';
import { ProcedureKind, ProcedureResponseKind, ProcedureStatus, StatementStatus } from '../../../shared/statements.js';
import { recordAudit } from '../../lib/audit.js';
import { systemAuth } from '../../lib/auth-context.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { notify } from '../notifications/notify.js';
import { recordAdoption } from './adoption.js';
import { noticeParams, procedureSummary } from './procedures.mapper.js';
import {
  circulatedMemberIds,
  dueProcedureIds,
  endProcedure,
  lockDueProcedure,
  membersWithResponse,
  setStatementStatus,
} from './procedures.repo.js';
import { lockStatement } from './statements.repo.js';
import { STATEMENTS_TAG } from './statements.service.js';

/** Which due procedures to settle: all of them, or those of one statement or one procedure. */
export interface SettleScope {
  statementId?: string;
  procedureId?: string;
}

/** The day an instant falls on in a zone, YYYY-MM-DD: a decision is dated in its procedure's zone. */
export const dayIn = (instant: Date, timeZone: string): string =>
  DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as string;

/**
 * Applies one procedure's end at its deadline, in a transaction of its own, if it is still open
 * and due once its row is locked: returns whether this call applied it. Whoever takes the lock
 * first applies it; anyone who waited finds it no longer open and does nothing, so its events,
 * its decision and its notices exist exactly once however many processes try at once.
 * `skipLocked` (the sweeper): pass over a procedure another transaction holds instead of waiting.
 */
export async function settleProcedure(deps: ServiceDeps, id: string, skipLocked = false): Promise<boolean> {
  return write(deps, [STATEMENTS_TAG], async (tx) => {
    const procedure = await lockDueProcedure(tx, deps.clock, id, skipLocked);
    if (!procedure) return false;
    const statement = await lockStatement(tx, procedure.statementId);
    if (!statement) throw new Error(`settleProcedure: no statement ${procedure.statementId}`);
    // The deadline did this, not a person: no actor, whoever's read or sweeper applied it. The
    // request id names the process that applied it, for an operator tracing a race.
    const auth = systemAuth(`deadline:${process.pid}`);
    const before = procedureSummary(procedure);
    const adoption = (memberIds: string[]) =>
      recordAdoption(tx, deps.clock, auth, {
        statementId: procedure.statementId,
        textVersionId: procedure.textVersionId,
        method: procedure.kind,
        procedureId: procedure.id,
        meetingId: statement.meetingId,
        // Adopted at the deadline, not at the moment someone happened to look.
        adoptedAt: procedure.deadline,
        adoptedOn: dayIn(procedure.deadline, procedure.timeZone),
        memberIds,
      });
    const tellSecretariat = (decisionNumber: string) =>
      notify(tx, deps.clock, {
        kind: NotificationKind.enum.procedure_adopted,
        to: { secretariat: true },
        params: noticeParams(procedure, statement, { decisionNumber }),
      });

    if (procedure.kind === ProcedureKind.enum.silence) {
      // Still open at the deadline, so nobody broke silence: every member circulated kept it.
      const ended = await endProcedure(tx, deps.clock, id, ProcedureStatus.enum.adopted, procedure.deadline);
      const silent = await circulatedMemberIds(tx, id);
      const decision = await adoption(silent);
      await recordAudit(tx, auth, {
        action: 'procedure.adopted',
        entityType: 'procedure',
        entityId: id,
        before,
        after: {
          ...procedureSummary({ ...ended, textVersion: procedure.textVersion }),
          decisionNumber: decision.number,
          silentMembers: silent.length,
        },
      });
      await tellSecretariat(decision.number);
      return true;
    }

    // An endorsement closes at its deadline; it adopts the text if at least one member endorsed it.
    const ended = await endProcedure(tx, deps.clock, id, ProcedureStatus.enum.closed, procedure.deadline);
    const endorsers = await membersWithResponse(tx, id, ProcedureResponseKind.enum.endorse);
    const decision = endorsers.length > 0 ? await adoption(endorsers) : null;
    // Nobody endorsed: the statement is a draft again, for the secretariat to decide what next.
    if (!decision) await setStatementStatus(tx, deps.clock, procedure.statementId, StatementStatus.enum.draft);
    await recordAudit(tx, auth, {
      action: 'procedure.closed',
      entityType: 'procedure',
      entityId: id,
      before,
      after: {
        ...procedureSummary({ ...ended, textVersion: procedure.textVersion }),
        decisionNumber: decision?.number ?? null,
        endorsingMembers: endorsers.length,
      },
    });
    if (decision) await tellSecretariat(decision.number);
    return true;
  });
}

/**
 * Applies the transitions whose deadline has passed (by the database's clock, `deps.clock.sql()`):
 * an open silence procedure becomes `adopted` (the statement adopted, its decision made), an open
 * endorsement `closed`, each exactly once even when processes race, on the locked procedure row.
 * Every read of statements, procedures and decisions calls this before it reads, so that a read
 * after a deadline already sees its outcome whether or not the sweeper has run. Returns how many
 * it applied. When nothing is due it costs one indexed query (`procedures_open_deadline_idx`).
 *
 * A read waits for a settler that holds the row (no SKIP LOCKED here): it then sees its outcome.
 * Never call it inside a transaction: each procedure is settled in a transaction of its own.
 */
export async function settleDue(deps: ServiceDeps, scope: SettleScope = {}): Promise<number> {
  const due = await dueProcedureIds(deps.db, deps.clock, scope);
  let applied = 0;
  for (const id of due) if (await settleProcedure(deps, id)) applied += 1;
  return applied;
}
