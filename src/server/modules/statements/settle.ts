import type { ServiceDeps } from '../../lib/transaction.js';

/** Which due procedures to settle: all of them, or those of one statement or one procedure. */
export interface SettleScope {
  statementId?: string;
  procedureId?: string;
}

/**
 * Applies the transitions whose deadline has passed (by the database's clock, `deps.clock.sql()`):
 * an open silence procedure becomes `adopted` (the statement adopted, its decision made), an open
 * endorsement `closed`, each exactly once even when processes race, on the locked procedure row.
 * Every read of statements, procedures and decisions calls this before it reads, so that a read
 * after a deadline already sees its outcome whether or not the sweeper has run. Returns how many
 * it applied.
 *
 * TODO(issue 9, procedures): implemented with the procedures' service; until then nothing is due.
 */
export async function settleDue(_deps: ServiceDeps, _scope: SettleScope = {}): Promise<number> {
  return 0;
}
