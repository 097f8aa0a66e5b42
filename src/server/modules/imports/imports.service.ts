import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  type ExportQuery,
  type ImportFormat,
  type ImportJob,
  ImportKind,
  type ImportList,
  ImportStatus,
  PLEDGE_COLUMNS,
  type RowError,
  VALUE_COLUMNS,
} from '../../../shared/imports.js';
import { type ImportRow, imports } from '../../db/schema/progress.js';
import { isSecretariat, memberOfFocalPoint, requireRole } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import type { Auth, SessionUser } from '../../lib/auth-context.js';
import type { StageRow } from '../../lib/bulk-stage.js';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors.js';
import { type ServiceDeps, write } from '../../lib/transaction.js';
import { exportPledges, pledgeChecker, writePledges } from '../pledges/pledges-bulk.js';
import { FIGURES_TAG, PLEDGES_TAG } from '../progress/tags.js';
import { exportValues, valueChecker, writeValues } from '../progress/values-bulk.js';
import { readFileRows, writeFile } from './files.js';
import {
  actsForEveryMember,
  type Cells,
  type LateRowError,
  type Report,
  type RowChecker,
  RowsRefused,
  type WriteCounts,
} from './rows.js';

/** The bad rows an import keeps (it counts them all). */
export const MAX_ROW_ERRORS = 1000;

/** Who may import: the secretariat (any member) and focal points (their own). */
export const canImport = (user: SessionUser | null): boolean =>
  isSecretariat(user) || memberOfFocalPoint(user) !== null;

interface KindSpec {
  columns: readonly string[];
  required: readonly string[];
  numeric: readonly string[];
  tag: string;
  checker(deps: ServiceDeps, auth: Auth): Promise<RowChecker>;
  write(
    tx: Parameters<Parameters<typeof write>[2]>[0],
    deps: ServiceDeps,
    auth: Auth,
    rows: AsyncIterable<StageRow>,
    id: string,
    progress: (n: number) => void,
  ): Promise<WriteCounts>;
}

const KINDS: Record<ImportKind, KindSpec> = {
  values: {
    columns: VALUE_COLUMNS,
    required: ['period', 'member', 'indicator', 'value'],
    numeric: ['value'],
    tag: FIGURES_TAG,
    checker: valueChecker,
    write: (tx, deps, _auth, rows, id, progress) => writeValues(tx, deps, rows, id, progress),
  },
  pledges: {
    columns: PLEDGE_COLUMNS,
    required: ['member', 'line_of_effort', 'kind'],
    numeric: ['amount', 'quantity', 'committed', 'disbursed'],
    tag: PLEDGES_TAG,
    checker: pledgeChecker,
    write: writePledges,
  },
};

/** A running or recent import, as this process follows it. */
interface Job extends ImportJob {
  createdBy: string | null;
}

export interface ImportInput {
  id?: string;
  kind: ImportKind;
  format: ImportFormat;
  fileName: string | null;
  file: Readable;
}

/** The error a 400 answers for bad rows: each row's cell as a field error `rows.<line>.<column>`. */
export function rowsInvalid(errors: readonly RowError[], count: number): AppError {
  return invalid(
    errors.map((e) =>
      fieldError(`rows.${e.line}${e.column ? `.${e.column}` : ''}`, e.code as never, e.message, {
        ...((e as LateRowError).params ?? {}),
        line: e.line,
        column: e.column ?? '',
      }),
    ),
    `${count} rows of the file are not right; nothing was imported.`,
  );
}

export function createImportsService(deps: ServiceDeps) {
  /** Imports this process runs or ran lately: their live progress (the table has their start and end). */
  const jobs = new Map<string, Job>();
  const forget = (id: string) => setTimeout(() => jobs.delete(id), 10 * 60_000).unref();

  const toJob = (row: ImportRow): Job => ({
    id: row.id,
    kind: row.kind,
    format: row.format,
    fileName: row.fileName,
    status: row.status,
    rowsRead: row.rowsRead,
    rowsWritten: row.rowsWritten,
    rowsTotal: row.rowsTotal,
    errors: row.errors,
    errorCount: row.errorCount,
    rowsCreated: null,
    rowsUpdated: null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
  });
  const publicJob = ({ createdBy: _createdBy, ...job }: Job): ImportJob => ({ ...job, errors: [...job.errors] });

  async function saveEnd(job: Job): Promise<void> {
    await write(deps, [], (tx) =>
      tx
        .update(imports)
        .set({
          status: job.status,
          rowsRead: job.rowsRead,
          rowsWritten: job.rowsWritten,
          rowsTotal: job.rowsTotal,
          errors: job.errors,
          errorCount: job.errorCount,
          finishedAt: sql`${deps.clock.sql()}`,
        })
        .where(eq(imports.id, job.id)),
    );
    job.finishedAt = deps.clock.now().toISOString();
  }

  async function fail(job: Job, errors: RowError[], count: number): Promise<never> {
    job.status = ImportStatus.enum.failed;
    job.errors = errors;
    job.errorCount = count;
    await saveEnd(job);
    throw rowsInvalid(errors, count);
  }

  return {
    /**
     * Imports a file: pass 1 reads and checks every row (streamed; the checked rows are spooled
     * to a temporary file), and any bad row fails the whole import with a 400 listing them;
     * pass 2 writes every row in one transaction, with one audit event.
     */
    async importFile(auth: Auth, input: ImportInput): Promise<ImportJob> {
      if (!auth.isSystem) requireRole(auth, canImport, 'Only the secretariat and focal points import.');
      const spec = KINDS[input.kind];
      const id = input.id ?? randomUUID();
      if (jobs.has(id) || (await deps.db.select({ id: imports.id }).from(imports).where(eq(imports.id, id))).length > 0)
        throw new AppError('conflict', 'An import with this id exists; choose a new id.');
      const [row] = await write(deps, [], (tx) =>
        tx
          .insert(imports)
          .values({
            id,
            kind: input.kind,
            format: input.format,
            fileName: input.fileName,
            createdBy: auth.user?.id ?? null,
            createdAt: sql`${deps.clock.sql()}`,
          })
          .returning(),
      );
      const job = toJob(row);
      jobs.set(id, job);
      forget(id);

      const dir = await mkdtemp(join(tmpdir(), 'entente-import-'));
      const spoolPath = join(dir, 'rows.jsonl');
      try {
        const errors: RowError[] = [];
        let errorCount = 0;
        const add = (e: RowError) => {
          errorCount += 1;
          // A file's text goes into the stored errors (a column's name, a code): without NUL, which jsonb refuses.
          if (errors.length < MAX_ROW_ERRORS)
            errors.push(JSON.parse(JSON.stringify(e).replaceAll('\\u0000', '\\ufffd')));
        };
        const spool = createWriteStream(spoolPath);
        const checker = await spec.checker(deps, auth);
        let header: string[] | null = null;
        let lastLine = 1;
        try {
          for await (const { line, cells } of readFileRows(input.file, input.format)) {
            lastLine = line;
            if (header === null) {
              header = cells.map((c) => c.trim().toLowerCase());
              for (const column of header)
                if (column && !spec.columns.includes(column))
                  add({
                    line,
                    column,
                    code: 'unknown_field',
                    message: `this file takes the columns ${spec.columns.join(', ')}`,
                  });
              for (const column of spec.required)
                if (!header.includes(column))
                  add({ line, column, code: 'required', message: 'this column is missing' });
              if (errorCount > 0) break;
              continue;
            }
            job.rowsRead += 1;
            const named: Cells = {};
            for (const column of spec.columns) {
              const at = (header as string[]).indexOf(column);
              named[column] = at >= 0 ? (cells[at] ?? '').trim() : '';
            }
            const report: Report = (column, code, message, params) =>
              add({ line, column, code, message, ...(params ? { params } : {}) } as RowError);
            const staged = checker.check(named, line, report);
            if (staged && errorCount === 0 && !spool.write(`${JSON.stringify(staged)}\n`))
              await new Promise<void>((resolve) => spool.once('drain', () => resolve()));
          }
        } catch (error) {
          if (error instanceof AppError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw error;
          add({
            line: lastLine + 1,
            column: null,
            code: 'invalid_format',
            message: `the file could not be read as ${input.format.toUpperCase()}`,
          });
        }
        await new Promise((resolve) => spool.end(resolve));
        if (header === null)
          add({ line: 1, column: null, code: 'required', message: 'the file is empty: it needs a header row' });
        job.rowsTotal = job.rowsRead;
        if (errorCount > 0) return await fail(job, errors, errorCount);

        job.status = ImportStatus.enum.writing;
        await write(deps, [], (tx) =>
          tx
            .update(imports)
            .set({ status: job.status, rowsRead: job.rowsRead, rowsTotal: job.rowsTotal })
            .where(eq(imports.id, id)),
        );
        let counts: WriteCounts;
        try {
          counts = await write(deps, [spec.tag], async (tx) => {
            const written = await spec.write(tx, deps, auth, spooledRows(spoolPath), id, (n) => {
              job.rowsWritten = n;
            });
            await recordAudit(tx, auth, {
              action: 'import.completed',
              entityType: 'import',
              entityId: id,
              after: { kind: input.kind, format: input.format, file: input.fileName, rows: job.rowsRead, ...written },
            });
            return written;
          });
        } catch (error) {
          if (!(error instanceof RowsRefused)) throw error;
          job.rowsWritten = 0;
          return await fail(job, error.errors.slice(0, MAX_ROW_ERRORS), error.errors.length);
        }
        job.status = ImportStatus.enum.done;
        job.rowsWritten = job.rowsRead;
        job.rowsCreated = counts.created;
        job.rowsUpdated = counts.updated;
        await saveEnd(job);
        return publicJob(job);
      } catch (error) {
        if (job.status !== ImportStatus.enum.failed && job.status !== ImportStatus.enum.done) {
          job.status = ImportStatus.enum.failed;
          await saveEnd(job).catch(() => {});
        }
        throw error;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    /** One import: its creator's or the secretariat's; live progress while it runs. */
    async getImport(auth: Auth, id: string): Promise<ImportJob> {
      const live = jobs.get(id);
      const job =
        live ??
        (await deps.db
          .select()
          .from(imports)
          .where(eq(imports.id, id))
          .then((r) => (r[0] ? toJob(r[0]) : null)));
      if (!job || !(actsForEveryMember(auth) || (auth.user && job.createdBy === auth.user.id)))
        throw notFound('Import');
      return publicJob(job);
    },

    /** The caller's recent imports, newest first. */
    async listImports(auth: Auth): Promise<ImportList> {
      const userId = auth.user?.id ?? '';
      const rows = await deps.db
        .select()
        .from(imports)
        .where(and(eq(imports.createdBy, userId)))
        .orderBy(desc(imports.createdAt))
        .limit(50);
      return { items: rows.map((r) => publicJob(jobs.get(r.id) ?? toJob(r))) };
    },

    /** A file of values or pledges the caller may see, streamed; what an import takes back. */
    exportFile(
      auth: Auth,
      kind: ImportKind,
      format: ImportFormat,
      filters: ExportQuery,
    ): { fileName: string; body: Readable } {
      const spec = KINDS[kind];
      const batches =
        kind === ImportKind.enum.values
          ? exportValues(deps, auth, filters)
          : exportPledges(deps, auth, { member: filters.member, lineOfEffort: filters.lineOfEffort });
      const day = deps.clock.now().toISOString().slice(0, 10);
      return {
        fileName: `entente-${kind}-${day}.${format}`,
        body: writeFile(
          format,
          spec.columns as string[],
          spec.numeric,
          batches as AsyncIterable<Record<string, string | number | null>[]>,
        ),
      };
    },
  };
}

/** The checked rows back from the spool file, one JSON array a line. */
async function* spooledRows(path: string): AsyncGenerator<StageRow> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line) yield JSON.parse(line) as StageRow;
}

export type ImportsService = ReturnType<typeof createImportsService>;
