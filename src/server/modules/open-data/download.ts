import type { DatasetColumn, DatasetRow } from '../../../shared/open-data.js';
import { CSV_BOM, csvHeader, csvRecord } from './csv.js';

export type DownloadFormat = 'csv' | 'json';

/** Rows are gathered into chunks of about this many characters before they are written. */
const CHUNK = 64 * 1024;

/** Only the columns, in order: a row never carries a field its columns do not name. */
const pick = (columns: readonly DatasetColumn[], row: DatasetRow): DatasetRow =>
  Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null]));

/**
 * A dataset's download as text chunks, written as the rows come: the CSV (header, then a record a
 * row) or the JSON `{"dataset", "columns", "items": [...]}`. Nothing but the current chunk is kept.
 */
export async function* downloadChunks(
  name: string,
  columns: readonly DatasetColumn[],
  rows: AsyncIterable<DatasetRow>,
  format: DownloadFormat,
): AsyncGenerator<string> {
  let chunk =
    format === 'csv'
      ? CSV_BOM + csvHeader(columns)
      : `{"dataset":${JSON.stringify(name)},"columns":${JSON.stringify(columns.map((c) => c.name))},"items":[`;
  let first = true;
  for await (const row of rows) {
    if (format === 'csv') chunk += csvRecord(columns, row);
    else {
      chunk += (first ? '\n' : ',\n') + JSON.stringify(pick(columns, row));
      first = false;
    }
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (format === 'json') chunk += first ? ']}\n' : '\n]}\n';
  yield chunk;
}
