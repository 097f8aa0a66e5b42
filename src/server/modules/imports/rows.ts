import type { FieldErrorCode, ProblemParams } from '../../../shared/problem.js';
import { isSecretariat } from '../../lib/access.js';
import type { Auth } from '../../lib/auth-context.js';
import type { StageRow } from '../../lib/bulk-stage.js';

/**
 * What the import module asks of the module that owns a kind's tables (report values:
 * progress/values-bulk.ts; pledges: pledges/pledges-bulk.ts): check one row of the file, then
 * write every checked row in the caller's transaction.
 */

/** Says what is wrong with one cell of the row being checked. */
export type Report = (column: string | null, code: FieldErrorCode, message: string, params?: ProblemParams) => void;

/** The cells of one row, by column name (trimmed; '' when empty or absent). */
export type Cells = Record<string, string>;

/** Checks rows one by one (pass 1); keeps what it needs to find duplicates. */
export interface RowChecker {
  /** The row as the writer stages it, or null when `report` was called. */
  check(cells: Cells, line: number, report: Report): StageRow | null;
}

/** A bad row found while writing (pass 2), after which the transaction rolls back. */
export interface LateRowError {
  line: number;
  column: string | null;
  code: FieldErrorCode;
  message: string;
  params?: ProblemParams;
}

/** Thrown by a writer that finds bad rows only the database can tell (pass 2): nothing is written. */
export class RowsRefused extends Error {
  constructor(readonly errors: LateRowError[]) {
    super(`${errors.length} rows refused`);
  }
}

/** What a write did: rows created and rows changed (the rest were already so). */
export interface WriteCounts {
  created: number;
  updated: number;
}

/** Numbers as files write them: `12`, `-3.5`, `1e3` is refused (a figure is written out). */
export const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

/** The secretariat, or the system itself (the `entente import` command): any member's rows, any period. */
export const actsForEveryMember = (auth: Auth): boolean => auth.isSystem === true || isSecretariat(auth.user);
