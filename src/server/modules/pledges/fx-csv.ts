import Papa from 'papaparse';
import { isKnownCurrency } from '../../../shared/currency.js';
import { FX_COLUMNS } from '../../../shared/pledges.js';
import type { FieldError, FieldErrorCode, ProblemParams } from '../../../shared/problem.js';
import { fieldError } from '../../lib/errors.js';
import type { RateRow } from './pledges.repo.js';

// The FX file the secretariat imports: CSV with the header `date,currency,usd_per_unit`, one
// day's rate of one currency a line (`2015-03-31,EUR,1.0759`). Every line is checked before
// anything is written; a bad one is reported with its line (the header is line 1) and column.

/** A rate as numeric(30,12) holds it: at most 18 digits before the point and 12 after. */
const RATE = /^\d{1,18}(\.\d{1,12})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A bad line's error: its path is `line.<n>.<column>` and params.line its line, for the interface. */
const rowError = (line: number, column: string, code: FieldErrorCode, message: string, params: ProblemParams = {}) =>
  fieldError(`line.${line}.${column}`, code, `line ${line}: ${column} ${message}`, { line, ...params });

/** The rows of an FX file, or every error it has (none written then). */
export function parseFxCsv(text: string): { rows: RateRow[]; errors: FieldError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [header, ...lines] = parsed.data;
  const errors: FieldError[] = [];
  const columns = (header ?? []).map((c) => c.trim().toLowerCase());
  if (columns.join(',') !== FX_COLUMNS.join(',')) {
    errors.push(
      fieldError('line.1', 'invalid_format', `line 1: the header must be ${FX_COLUMNS.join(',')}`, {
        line: 1,
        format: FX_COLUMNS.join(','),
      }),
    );
    return { rows: [], errors };
  }
  const rows: RateRow[] = [];
  const seen = new Map<string, number>();
  // Papa's own errors (an unclosed quote) are said by the row they are on.
  const broken = new Map(parsed.errors.map((e) => [(e.row ?? 0) + 1, e.message]));
  lines.forEach((cells, index) => {
    // Lines as a reader counts them: the header is line 1; blank lines are skipped, and counted.
    const line = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (broken.has(line) || cells.length !== FX_COLUMNS.length) {
      errors.push(
        fieldError(`line.${line}`, 'invalid_format', `line ${line}: expected ${FX_COLUMNS.length} columns`, {
          line,
          format: FX_COLUMNS.join(','),
        }),
      );
      return;
    }
    const [date, currency, rate] = cells.map((c) => c.trim());
    const before = errors.length;
    if (!date) errors.push(rowError(line, 'date', 'required', 'is required'));
    else if (!isCalendarDate(date))
      errors.push(rowError(line, 'date', 'invalid_format', 'must be a date as YYYY-MM-DD', { format: 'date' }));
    if (!currency) errors.push(rowError(line, 'currency', 'required', 'is required'));
    else if (!isKnownCurrency(currency)) {
      errors.push(rowError(line, 'currency', 'unknown_currency', 'is not an ISO 4217 currency code', { currency }));
    }
    if (!rate) errors.push(rowError(line, 'usd_per_unit', 'required', 'is required'));
    else if (!RATE.test(rate))
      errors.push(rowError(line, 'usd_per_unit', 'not_a_number', 'must be a decimal number such as 1.0759'));
    else if (!/[1-9]/.test(rate))
      errors.push(rowError(line, 'usd_per_unit', 'too_small', 'must be more than 0', { minimum: 0 }));
    if (errors.length > before) return;
    const key = `${currency}|${date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        rowError(line, 'date', 'rate_twice', `gives ${currency} on ${date} again (first on line ${first})`, {
          line: first,
        }),
      );
      return;
    }
    seen.set(key, line);
    rows.push({ date, currency, usdPerUnit: rate });
  });
  return { rows, errors };
}
