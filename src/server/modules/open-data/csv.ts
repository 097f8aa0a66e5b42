import type { DatasetColumn, DatasetRow } from '../../../shared/open-data.js';

/**
 * Excel reads a UTF-8 file as the system's code page unless it starts with a byte order mark;
 * the delegations' CSV starts with one too. Parsers of RFC 4180 (papaparse, Python's csv with
 * `utf-8-sig`, R's readr) skip it.
 */
export const CSV_BOM = '\uFEFF';

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: DatasetRow[string] | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, its fields in the columns' order, ended by CRLF. */
export const csvRecord = (columns: readonly DatasetColumn[], row: DatasetRow): string =>
  `${columns.map((c) => csvField(row[c.name])).join(',')}\r\n`;

/** The header record: the columns' names. */
export const csvHeader = (columns: readonly DatasetColumn[]): string =>
  `${columns.map((c) => csvField(c.name)).join(',')}\r\n`;
