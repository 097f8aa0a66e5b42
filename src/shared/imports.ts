import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES } from './enums.js';
import { MemberCode } from './members.js';
import { ProblemParams } from './problem.js';
import { IndicatorKey, LineOfEffortKey, Period } from './progress.js';
import { AnswerId } from './text.js';

// Import and export of report values and pledges (issue 10). The template is what the export
// produces: export → edit → import round-trips. An import validates every row first, then writes
// all of them in one transaction, or none.

export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

/**
 * The columns, in order, of the CSV and XLSX files of each kind (the export writes them, the
 * import reads them by name).
 */
export const VALUE_COLUMNS = ['period', 'member', 'indicator', 'category', 'value', 'note', 'status'] as const;
export const PLEDGE_COLUMNS = [
  'id',
  'member',
  'line_of_effort',
  'kind',
  'amount',
  'currency',
  'value_date',
  'description',
  'quantity',
  'unit',
  'status',
  'committed',
  'disbursed',
  'note',
] as const;

/** A bad row: its line in the file (the header is line 1), the column, and why. */
export const RowError = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** The values the code's sentence needs (as a field error's). */
  params: ProblemParams.optional(),
});
export type RowError = z.infer<typeof RowError>;

export const ImportJob = z.object({
  id: AnswerId,
  kind: ImportKind,
  format: ImportFormat,
  fileName: z.string().nullable(),
  status: ImportStatus,
  /** Rows read so far (validating) and written (writing): what a progress bar shows. */
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  /** Known once the file has been read. */
  rowsTotal: z.number().int().nullable(),
  /** The first bad rows (at most 1,000) when it failed; `errorCount` counts them all. */
  errors: z.array(RowError),
  errorCount: z.number().int(),
  /** Once written: rows that made a new record, and rows that changed one (the rest were already so). */
  rowsCreated: z.number().int().nullable(),
  rowsUpdated: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportIdParams = z.object({ id: z.uuid({ message: 'must be an import id' }) });
export const ExportParams = z.object({ file: z.string() });
export const ImportList = z.object({ items: z.array(ImportJob) });
export type ImportList = z.infer<typeof ImportList>;

/** The multipart form's fields beside the file (they may also come in the query). */
export const ImportFields = z.object({
  kind: ImportKind,
  /** An id the client chose, to follow the import's progress while the upload runs. */
  id: z.uuid({ message: 'must be an import id' }).optional(),
});

/** `GET /exports/{kind}.{format}`: the filters (values take all four, pledges member and lineOfEffort). */
export const ExportQuery = z.object({
  period: Period.optional(),
  indicator: IndicatorKey.optional(),
  member: MemberCode.optional(),
  lineOfEffort: LineOfEffortKey.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
