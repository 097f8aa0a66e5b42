import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatMinor, parseMajor } from '../pledges/pledges-bulk.js';
import { csvLine, readFileRows, writeFile } from './files.js';

const rowsOf = async (text: string | Buffer, format: 'csv' | 'xlsx') => {
  const out = [];
  for await (const row of readFileRows(Readable.from([text]), format)) out.push(row);
  return out;
};
const bytesOf = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

describe('files', () => {
  it('writes CSV cells that need it quoted, and reads them back with their lines', async () => {
    const line = csvLine(['a,b', 'say "hi"', null, 12, ' lead', 'two\nlines']);
    expect(line).toBe('"a,b","say ""hi""",,12," lead","two\nlines"\r\n');
    const rows = await rowsOf(`\uFEFFx,y\r\n${line}\r\n\r\nlast,1\r\n`, 'csv');
    expect(rows).toEqual([
      { line: 1, cells: ['x', 'y'] },
      { line: 2, cells: ['a,b', 'say "hi"', '', '12', ' lead', 'two\nlines'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('round-trips rows through XLSX, numbers as numbers', async () => {
    async function* batches() {
      yield [
        { a: 'x', n: '12.5' },
        { a: null, n: '3' },
      ];
    }
    const file = await bytesOf(writeFile('xlsx', ['a', 'n'], ['n'], batches()));
    expect(await rowsOf(file, 'xlsx')).toEqual([
      { line: 1, cells: ['a', 'n'] },
      { line: 2, cells: ['x', '12.5'] },
      { line: 3, cells: ['', '3'] },
    ]);
  });

  it('writes amounts in major units with the currency’s decimals, and reads them back exactly', () => {
    expect(formatMinor(50_000_000_000, 2)).toBe('500000000.00');
    expect(formatMinor(5, 3)).toBe('0.005');
    expect(formatMinor(1000, 0)).toBe('1000');
    expect(parseMajor('500000000.00', 2)).toBe(50_000_000_000);
    expect(parseMajor('12.5', 2)).toBe(1250);
    expect(parseMajor('10.50', 0)).toBeNull();
    expect(parseMajor('10.00', 0)).toBe(10);
  });
});
