import { NotificationKind } from '../../../shared/notifications.js';
import { ProcedureKind, ProcedureResponseKind } from '../../../shared/statements.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { memberRefsByIds } from '../members/members.repo.js';
import { notify } from '../notifications/notify.js';
import { noticeParams } from './procedures.mapper.js';
import { lockProcedureToRemind, markReminded, membersWithoutResponse, proceduresToRemind } from './procedures.repo.js';
import { lockStatement } from './statements.repo.js';

/** The reminders, in hours before the deadline: the late one first, so that a late sweep sends one, not both. */
export const REMINDER_HOURS = [6, 48] as const;

/**
 * Sends one procedure's reminder of `hours`, if it is still due once its row is locked (another
 * process holding it is passed over): the focal points of each member that has not acted (a
 * silence kept, an endorsement not given) are told, and the reminder is marked sent, together.
 */
async function remindOne(deps: ServiceDeps, id: string, hours: number): Promise<number> {
  return write(deps, [], async (tx) => {
    const procedure = await lockProcedureToRemind(tx, deps.clock, id, hours);
    if (!procedure) return 0;
    const statement = await lockStatement(tx, procedure.statementId);
    if (!statement) return 0;
    const acted =
      procedure.kind === ProcedureKind.enum.silence
        ? ProcedureResponseKind.enum.break
        : ProcedureResponseKind.enum.endorse;
    const waiting = await memberRefsByIds(tx, await membersWithoutResponse(tx, id, acted));
    let told = 0;
    for (const member of waiting) {
      told += await notify(tx, deps.clock, {
        kind: NotificationKind.enum.procedure_reminder,
        to: { focalPointsOf: [member.id] },
        params: noticeParams(procedure, statement, { memberCode: member.code, hoursLeft: hours }),
      });
    }
    await markReminded(tx, deps.clock, id, hours);
    return told;
  });
}

/** Sends every reminder due now (48 h and 6 h before deadlines), each once; returns how many users were told. */
export async function sendDueReminders(deps: ServiceDeps, batchSize = 50): Promise<number> {
  let told = 0;
  for (const hours of REMINDER_HOURS) {
    for (;;) {
      const due = await proceduresToRemind(deps.db, deps.clock, hours, batchSize);
      for (const id of due) told += await remindOne(deps, id, hours);
      // A short batch was the last; a row another process holds is its to send, not ours to wait for.
      if (due.length < batchSize) break;
    }
  }
  return told;
}
