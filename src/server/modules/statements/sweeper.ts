import type { FastifyBaseLogger } from 'fastify';
import { repeating } from '../../lib/repeating.js';
import type { ServiceDeps } from '../../lib/transaction.js';
import { dueProcedureIds } from './procedures.repo.js';
import { sendDueReminders } from './reminders.js';
import { settleProcedure } from './settle.js';

/**
 * Applies due procedures' ends and sends reminders, on an interval, in every process (as the
 * outbox's drainer runs). Correctness never depends on it: every read settles what is due before
 * it reads. It makes an adoption happen, and its notices go out, when nobody is looking, and it
 * sends the reminders. Procedures another process holds are passed over (SKIP LOCKED).
 */
export function createProcedureSweeper(options: { deps: ServiceDeps; log: FastifyBaseLogger; batchSize?: number }) {
  const { deps, log } = options;
  const batchSize = options.batchSize ?? 100;

  async function settleBatches(stopped: () => boolean): Promise<number> {
    let settled = 0;
    while (!stopped()) {
      const due = await dueProcedureIds(deps.db, deps.clock, {}, batchSize);
      let applied = 0;
      for (const id of due) {
        try {
          if (await settleProcedure(deps, id, true)) applied += 1;
        } catch (err) {
          // One procedure that cannot be settled must not hold up the others; reads try it again.
          log.error({ err, procedureId: id }, 'procedure could not be settled');
        }
      }
      settled += applied;
      // A short batch was the last; a batch of which none applied is held by other processes.
      if (due.length < batchSize || applied === 0) break;
    }
    return settled;
  }

  const runner = repeating({
    log,
    failure: 'procedure sweep failed',
    work: async (stopped) => {
      const settled = await settleBatches(stopped);
      const reminded = stopped() ? 0 : await sendDueReminders(deps);
      if (settled + reminded > 0) log.info({ settled, reminded }, 'procedures swept');
      return { settled, reminded };
    },
  });

  return {
    /** Settles what is due and sends the due reminders, once (`reminded`: users told). */
    sweepOnce: runner.runOnce,
    /** Sweeps every `intervalMs` until stopped. */
    start: runner.start,
    /** Stops the interval and waits for a sweep in progress. */
    stop: runner.stop,
    /** The last sweep that ended (metrics). */
    lastRun: runner.lastRun,
  };
}

export type ProcedureSweeper = ReturnType<typeof createProcedureSweeper>;
