import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../db/client.js';

/** A column of a staging table: its name and its SQL type. */
export interface StageColumn {
  name: string;
  type: string;
}

/** A row to stage: one value per column, null for SQL null. */
export type StageRow = (string | number | boolean | null)[];

/** Rows per COPY chunk. */
const COPY_CHUNK = 5000;

/**
 * Loads rows into a temporary table of the caller's transaction (dropped at commit), the fastest
 * way each engine has: COPY … FROM STDIN on PostgreSQL (pg-copy-streams, over the transaction's
 * own connection), COPY from a blob on PGlite. The caller then writes the real tables with a few
 * set-based statements (INSERT … SELECT … ON CONFLICT) that see the whole file at once.
 * `onRows` is told how many rows are staged so far, for a progress bar.
 */
export async function stageRows(
  tx: Tx,
  table: string,
  columns: readonly StageColumn[],
  rows: AsyncIterable<StageRow>,
  onRows?: (staged: number) => void,
): Promise<number> {
  await tx.execute(
    sql.raw(`create temporary table ${table} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) on commit drop`),
  );
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const copy = `copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin`;
  let staged = 0;
  let chunk: string[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    if (client instanceof pg.Client) await copyText(client, copy, text);
    else await (client as PgliteLike).query(`copy ${table} from '/dev/blob'`, [], { blob: new Blob([text]) });
  };
  for await (const row of rows) {
    chunk.push(copyLine(row));
    staged += 1;
    if (chunk.length >= COPY_CHUNK) {
      await flush();
      onRows?.(staged);
    }
  }
  await flush();
  onRows?.(staged);
  return staged;
}

interface PgliteLike {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

function copyText(client: pg.Client, copy: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(copy));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(text);
  });
}

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(row: StageRow): string {
  return `${row.map((v) => (v === null ? '\\N' : escapeCopy(String(v)))).join('\t')}\n`;
}

const escapeCopy = (s: string) =>
  /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
