import { PassThrough, type Readable, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportFormat } from '../../../shared/imports.js';

// Reading and writing the files of an import or an export, streamed both ways: papaparse's
// streaming parser and exceljs's streaming reader and writer. Nothing holds the whole file.

/** exceljs, with its zip libraries 2.5 MB of built code: loaded with the first XLSX file, not at start-up. */
const excel = async () => (await import('exceljs')).default;

/** One row of a file as text cells, with its line (the header is line 1). */
export interface FileRow {
  line: number;
  cells: string[];
}

/** The rows of a CSV or XLSX file (its first worksheet), as they are read. Empty rows are skipped. */
export async function* readFileRows(input: Readable, format: ImportFormat): AsyncGenerator<FileRow> {
  if (format === 'csv') {
    let line = 0;
    for await (const rows of csvBatches(input)) {
      for (const cells of rows) {
        line += 1;
        if (line === 1 && cells[0]?.startsWith('\uFEFF')) cells[0] = cells[0].slice(1);
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line, cells };
      }
    }
    return;
  }
  const { stream } = await excel();
  const reader = new stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const cells = Array.from(values, cellText);
      if (cells.every((c) => c.trim() === '')) continue;
      yield { line: row.number, cells };
    }
    // Only the first worksheet is the data.
    break;
  }
}

/**
 * papaparse over a Node stream, a chunk of rows at a time (its `chunk` callback), paused while
 * the reader is behind: flat memory, and none of the per-row cost of its duplex stream mode.
 */
async function* csvBatches(input: Readable): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let paused: Papa.Parser | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  input.on('error', (error) => {
    failure = error;
    notify();
  });
  Papa.parse(input as unknown as File, {
    chunkSize: 1 << 20,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      queue.push(results.data);
      if (queue.length > 4) {
        paused = parser;
        parser.pause();
      }
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (error: Error) => {
      failure = error;
      notify();
    },
  });
  for (;;) {
    if (failure) throw failure;
    const batch = queue.shift();
    if (batch) {
      if (paused && queue.length <= 1) {
        const parser: Papa.Parser = paused;
        paused = null;
        parser.resume();
      }
      yield batch;
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

/** A cell as the text a CSV would hold: numbers as written, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return String(value);
}

/** One CSV line (RFC 4180: a cell with a comma, a quote or a line break is quoted). */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells
    .map((c) => {
      if (c === null) return '';
      const s = String(c);
      return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}

const waitDrain = (stream: Writable) =>
  stream.writableNeedDrain ? new Promise<void>((resolve) => stream.once('drain', () => resolve())) : Promise.resolve();

/**
 * Writes batches of rows as CSV or XLSX into a stream that the caller sends, waiting for the
 * reader between batches, so that memory stays flat. `numeric` columns go into XLSX as numbers.
 */
export function writeFile<Row extends Record<string, string | number | null>>(
  format: ImportFormat,
  columns: readonly (keyof Row & string)[],
  numeric: readonly string[],
  batches: AsyncIterable<Row[]>,
): Readable {
  const out = new PassThrough();
  const run = async () => {
    if (format === 'csv') {
      out.write(csvLine(columns));
      for await (const batch of batches) {
        out.write(batch.map((row) => csvLine(columns.map((c) => row[c]))).join(''));
        await waitDrain(out);
      }
      out.end();
      return;
    }
    const { stream } = await excel();
    const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('data');
    sheet.addRow([...columns]).commit();
    for await (const batch of batches) {
      for (const row of batch)
        sheet
          .addRow(
            columns.map((c) => {
              const v = row[c];
              return v !== null && numeric.includes(c) ? Number(v) : v;
            }),
          )
          .commit();
      await waitDrain(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  run().catch((error) => out.destroy(error));
  return out;
}
