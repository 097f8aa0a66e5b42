import { createHash, type Hash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { appliedMigration, type Database, type Db, migrationsFolder, readJournal, type Tx } from './client.js';

// A logical backup (ADR 0011): gzip'd JSON lines that either engine writes and either engine
// loads. Line 1 is the header (an object); then, for each table in foreign-key order, a line
// `["table", name]` and one line per row, the row as PostgreSQL serialises it (`to_jsonb(row)`)
// in primary-key order; the last line is `["manifest", {table: {rows, sha256}}]`. A row line is
// always an object and a control line always an array, so that no column name can be mistaken
// for one. A table's checksum is SHA-256 over its row lines, each followed by "\n".

export const BACKUP_FORMAT = 'entente-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Rows per FETCH while writing and per INSERT while loading: memory stays flat for any table. */
const PAGE_ROWS = 1000;
/** A batch of large rows is sent before it reaches PAGE_ROWS. */
const BATCH_BYTES = 4 * 1024 * 1024;

export interface SchemaVersion {
  /** The tag of the database's last migration, e.g. `0014_audit_chain`. */
  migration: string;
  /** Its `when` in drizzle's journal (what the migrations table keeps as `created_at`). */
  when: number;
  /** How many migrations the database has. */
  count: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schema: SchemaVersion;
  /** When the snapshot was taken, by the database's clock. */
  createdAt: string;
  engine: Database['kind'];
  /** The tables in the order their sections follow (parents before the tables that reference them). */
  tables: string[];
}

export interface TableSum {
  rows: number;
  sha256: string;
}

export type Manifest = Record<string, TableSum>;

export interface BackupSummary {
  header: BackupHeader;
  manifest: Manifest;
}

/** A backup that cannot be written or restored, with a message meant for the operator. */
export class BackupError extends Error {}

type Executor = Pick<Db, 'execute'> | Pick<Tx, 'execute'>;
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------------------------
// The schema version, from drizzle's journal and the database's migrations table

const describeVersion = (v: { migration: string; count: number }) => `${v.migration} (migration ${v.count})`;

/**
 * Runs drizzle's migrator up to and including `tag`: on a copy of the journal cut after that
 * entry, so that a backup of an older schema loads into the schema it was taken from and the
 * later migrations then move its data on as they moved everyone else's.
 */
export async function migrateTo(database: Database, tag: string): Promise<void> {
  const { raw, entries } = readJournal();
  const cut = entries.findIndex((e) => e.tag === tag);
  if (cut < 0) throw new Error(`No migration ${tag} in the journal`);
  const folder = mkdtempSync(join(tmpdir(), 'entente-migrations-'));
  try {
    mkdirSync(join(folder, 'meta'));
    const kept = entries.slice(0, cut + 1);
    writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...raw, entries: kept }));
    for (const e of kept) copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    // Both migrators only read the files and hand them to the driver's dialect.
    if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
    else await migratePg(database.db as never, { migrationsFolder: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The catalog: every table of the public schema, its key, its columns, its foreign keys

interface Catalog {
  tables: string[];
  /** Primary-key columns in key order; empty for a table without one. */
  keys: Map<string, string[]>;
  columns: Map<string, { name: string; identity: boolean; generated: boolean }[]>;
  foreignKeys: { name: string; table: string; references: string; deferrable: boolean }[];
}

async function readCatalog(db: Executor): Promise<Catalog> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
      order by c.relname`),
  ).map((r) => r.name);
  const keys = new Map<string, string[]>(tables.map((t) => [t, []]));
  for (const r of rowsOf<{ table: string; column: string }>(
    await db.execute(sql`
      select c.relname as table, a.attname as column
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisprimary
      order by c.relname, k.ord`),
  ))
    keys.get(r.table)?.push(r.column);
  const columns: Catalog['columns'] = new Map(tables.map((t) => [t, []]));
  for (const r of rowsOf<{ table: string; column: string; identity: string; generated: string }>(
    await db.execute(sql`
      select c.relname as table, a.attname as column, a.attidentity::text as identity,
             a.attgenerated::text as generated
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`),
  ))
    columns.get(r.table)?.push({ name: r.column, identity: r.identity === 'a', generated: r.generated !== '' });
  const foreignKeys = rowsOf<{ name: string; table: string; references: string; deferrable: boolean }>(
    await db.execute(sql`
      select con.conname as name, src.relname as table, dst.relname as references,
             con.condeferrable as deferrable
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_class dst on dst.oid = con.confrelid
      join pg_namespace n on n.oid = con.connamespace
      where con.contype = 'f' and n.nspname = 'public'
      order by src.relname, con.conname`),
  );
  return { tables, keys, columns, foreignKeys };
}

/**
 * The tables with every table after those it references (alphabetical among equals), so that a
 * restore loads each row after the rows it points to. A cycle or a self-reference cannot be
 * ordered: the restore defers those constraints to its commit instead.
 */
function loadOrder(catalog: Catalog): string[] {
  const waitsFor = new Map(catalog.tables.map((t) => [t, new Set<string>()]));
  for (const fk of catalog.foreignKeys)
    if (fk.table !== fk.references && waitsFor.has(fk.references)) waitsFor.get(fk.table)?.add(fk.references);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < catalog.tables.length) {
    const ready = catalog.tables.find(
      (t) => !placed.has(t) && [...(waitsFor.get(t) ?? [])].every((r) => placed.has(r)),
    );
    // In a cycle: take the first remaining table; its constraints into the cycle get deferred.
    const next = ready ?? catalog.tables.find((t) => !placed.has(t)) ?? '';
    order.push(next);
    placed.add(next);
  }
  return order;
}

// ---------------------------------------------------------------------------------------------
// Serialising: the same text on both engines

/**
 * Every setting that changes how PostgreSQL writes a value as text, fixed for this transaction
 * only: timestamps in UTC, ISO dates, the default interval style, shortest exact floats, bytea
 * in hex. Both engines are PostgreSQL inside, so the same row gives the same line.
 */
async function fixTextOutput(tx: Executor): Promise<void> {
  for (const setting of [
    `set local timezone = 'UTC'`,
    `set local datestyle = 'ISO, YMD'`,
    `set local intervalstyle = 'postgres'`,
    'set local extra_float_digits = 1',
    `set local bytea_output = 'hex'`,
  ])
    await tx.execute(sql.raw(setting));
}

/** A table's rows as JSON lines in primary-key order, a page at a time, through a cursor. */
async function* serialisedPages(tx: Executor, catalog: Catalog, table: string): AsyncGenerator<string[]> {
  const key = catalog.keys.get(table) ?? [];
  // A table without a primary key is ordered by its serialised rows: the same order on both engines.
  const orderBy = key.length > 0 ? key.map((c) => `r.${ident(c)}`).join(', ') : 'to_jsonb(r)::text';
  await tx.execute(
    sql.raw(
      `declare entente_backup no scroll cursor for select to_jsonb(r)::text as line from ${ident(table)} r order by ${orderBy}`,
    ),
  );
  try {
    for (;;) {
      const page = rowsOf<{ line: string }>(await tx.execute(sql.raw(`fetch ${PAGE_ROWS} from entente_backup`)));
      if (page.length === 0) return;
      yield page.map((r) => r.line);
    }
  } finally {
    await tx.execute(sql.raw('close entente_backup'));
  }
}

const newSum = () => ({ rows: 0, hash: createHash('sha256') as Hash });

/**
 * A table as a backup holds it, a page of row lines at a time, each page counted into `sum`
 * (the manifest's rows and SHA-256) before it is yielded: what a backup writes, and what a
 * restore reads back to check.
 */
async function* summedPages(
  tx: Executor,
  catalog: Catalog,
  table: string,
  sum: { rows: number; hash: Hash },
): AsyncGenerator<string> {
  for await (const page of serialisedPages(tx, catalog, table)) {
    const text = `${page.join('\n')}\n`;
    sum.hash.update(text);
    sum.rows += page.length;
    yield text;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a backup of every table to `out` (gzip'd), from one REPEATABLE READ, read-only
 * transaction: a snapshot, even while a server writes on PostgreSQL. Streams a page of rows at
 * a time. Returns the header and the manifest it wrote.
 */
export async function writeBackup(
  database: Database,
  out: Writable,
  options: {
    /** Called once the snapshot is taken, before any row is read (tests write then, from elsewhere). */
    afterSnapshot?: () => Promise<void>;
  } = {},
): Promise<BackupSummary> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await fixTextOutput(tx);
    const applied = await appliedMigration(tx);
    if (!applied) throw new BackupError('This database has no Entente schema: nothing to back up.');
    const known = readJournal().entries.find((e) => e.when === applied.when);
    if (!known)
      throw new BackupError(
        `This database has a migration this version of Entente does not know (${applied.when}): back it up with the version that migrated it.`,
      );
    const [{ at }] = rowsOf<{ at: string }>(
      await tx.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`),
    );
    const catalog = await readCatalog(tx);
    await options.afterSnapshot?.();
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schema: { migration: known.tag, when: known.when, count: applied.count },
      createdAt: at,
      engine: database.kind,
      tables: loadOrder(catalog),
    };
    const manifest: Manifest = {};
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of header.tables) {
        yield `${JSON.stringify(['table', table])}\n`;
        const sum = newSum();
        yield* summedPages(tx, catalog, table, sum);
        manifest[table] = { rows: sum.rows, sha256: sum.hash.digest('hex') };
      }
      yield `${JSON.stringify(['manifest', manifest])}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), out);
    return { header, manifest };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The file's lines, gunzipped; a damaged or cut gzip stream throws. */
async function* fileLines(source: Readable): AsyncGenerator<string> {
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip).setEncoding('utf8');
  let carry = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop() ?? '';
      yield* parts;
    }
  } catch (err) {
    throw new BackupError(`The backup file is damaged or cut short (${(err as Error).message}): nothing was restored.`);
  } finally {
    // A restore refused before the end of the file lets go of it.
    gunzip.destroy();
    source.destroy();
  }
  if (carry !== '') yield carry;
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = line ? JSON.parse(line) : null;
  } catch {
    header = null;
  }
  if (!header || header.format !== BACKUP_FORMAT)
    throw new BackupError('This file is not an Entente backup (no entente-backup header).');
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `This backup is in format ${header.formatVersion}, written by a newer Entente; this one reads format ${BACKUP_FORMAT_VERSION}. Restore it with a newer Entente.`,
    );
  const s = header.schema;
  if (!s || typeof s.migration !== 'string' || typeof s.when !== 'number' || !Array.isArray(header.tables))
    throw new BackupError('The backup header is damaged (no schema version or table list): nothing was restored.');
  return header as BackupHeader;
}

/** Rows in any table of the public schema (a database where only `entente migrate` ran has none). */
async function tablesWithRows(db: Executor): Promise<string[]> {
  const { tables } = await readCatalog(db);
  const full: string[] = [];
  for (const t of tables) {
    const [row] = rowsOf<{ any: boolean }>(await db.execute(sql.raw(`select exists (select from ${ident(t)}) as any`)));
    if (row?.any) full.push(t);
  }
  return full;
}

/**
 * Brings an empty database to the backup's schema: the whole journal when the backup is of this
 * version's last migration, else only up to the backup's migration (the rest runs after the
 * load). Refuses a backup from a newer schema, naming both versions.
 */
async function prepareSchema(database: Database, header: BackupHeader): Promise<'current' | 'older'> {
  const { entries } = readJournal();
  const last = entries[entries.length - 1];
  const ours = { migration: last.tag, count: entries.length };
  const at = entries.findIndex((e) => e.when === header.schema.when && e.tag === header.schema.migration);
  if (at < 0) {
    const newer = header.schema.when > last.when;
    throw new BackupError(
      newer
        ? `This backup is of a newer schema, ${describeVersion(header.schema)}, than this Entente's, ${describeVersion(ours)}: restore it with the version that wrote it or a later one.`
        : `This backup's schema, ${describeVersion(header.schema)}, is not one of this Entente's migrations (the last is ${describeVersion(ours)}).`,
    );
  }
  if (at === entries.length - 1) {
    await database.migrate();
    return 'current';
  }
  const applied = await appliedMigration(database.db);
  const appliedAt = applied ? entries.findIndex((e) => e.when === applied.when) : -1;
  if (appliedAt > at)
    throw new BackupError(
      `This backup is of an older schema, ${describeVersion(header.schema)}, and the database is already migrated past it (to ${entries[appliedAt]?.tag ?? applied?.when}). Restore it into a new database, where no migration has run: the restore migrates it to the backup's schema, loads it, then applies the later migrations.`,
    );
  await migrateTo(database, header.schema.migration);
  return 'older';
}

/** Sets each constraint that the file's table order cannot satisfy row by row to be checked at commit. */
async function deferUnorderedForeignKeys(
  tx: Executor,
  catalog: Catalog,
  order: string[],
): Promise<() => Promise<void>> {
  const position = new Map(order.map((t, i) => [t, i]));
  const altered: { table: string; name: string }[] = [];
  for (const fk of catalog.foreignKeys) {
    if ((position.get(fk.references) ?? -1) < (position.get(fk.table) ?? -1)) continue;
    if (!fk.deferrable) {
      await tx.execute(
        sql.raw(`alter table ${ident(fk.table)} alter constraint ${ident(fk.name)} deferrable initially deferred`),
      );
      altered.push(fk);
    }
    await tx.execute(sql.raw(`set constraints public.${ident(fk.name)} deferred`));
  }
  return async () => {
    // Checks every deferred row now, then puts the constraints back as the migrations made them.
    await tx.execute(sql.raw('set constraints all immediate'));
    for (const fk of altered)
      await tx.execute(sql.raw(`alter table ${ident(fk.table)} alter constraint ${ident(fk.name)} not deferrable`));
  };
}

/** Moves every identity or serial sequence past the largest value restored (e.g. the audit trail's `seq`). */
async function advanceSequences(tx: Executor): Promise<void> {
  const sequences = rowsOf<{ table: string; column: string; seq: string }>(
    await tx.execute(sql`
      select c.relname as table, a.attname as column, s.seq
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral (select pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq) s
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and s.seq is not null`),
  );
  for (const { table, column, seq } of sequences)
    await tx.execute(
      sql.raw(
        `select setval('${seq.replaceAll("'", "''")}', m) from (select max(${ident(column)}) as m from public.${ident(table)}) x where m is not null`,
      ),
    );
}

/** The database's own words: drizzle's wrapper would quote the whole batch of rows. */
const driverMessage = (err: unknown): string => {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : (err as Error).message;
};

const damaged = (what: string) => new BackupError(`The backup file is damaged: ${what}. Nothing was restored.`);

/**
 * Loads a backup into an empty database of either engine, in one transaction: the file's lines
 * are checked against its manifest as they are read, and what was inserted is serialised again
 * and checked against it before the commit, so that a damaged or cut file writes no row. Refuses
 * a database with rows in any table and a backup of a newer schema. Writes no audit event: the
 * restored trail is the backed-up one, and its chain must still verify.
 */
export async function restoreBackup(database: Database, source: Readable): Promise<BackupSummary> {
  const lines = fileLines(source);
  try {
    return await load(database, lines);
  } finally {
    await lines.return(undefined);
  }
}

async function load(database: Database, lines: AsyncGenerator<string>): Promise<BackupSummary> {
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  const full = await tablesWithRows(database.db);
  if (full.length > 0)
    throw new BackupError(
      `The database is not empty (rows in ${full.slice(0, 3).join(', ')}${full.length > 3 ? ', …' : ''}): a backup is restored only into an empty one, where at most \`entente migrate\` ran.`,
    );
  const schema = await prepareSchema(database, header);
  const manifest = await database.db.transaction(async (tx) => {
    await fixTextOutput(tx);
    // Again inside the transaction: a server started meanwhile may have seeded it.
    const late = await tablesWithRows(tx);
    if (late.length > 0) throw new BackupError(`The database is no longer empty (rows in ${late[0]}).`);
    const catalog = await readCatalog(tx);
    const expected = [...header.tables].sort();
    if (expected.join('\n') !== catalog.tables.join('\n'))
      throw new BackupError(
        `The backup's tables are not this schema's (in the backup only: ${expected.filter((t) => !catalog.tables.includes(t)).join(', ') || 'none'}; in the database only: ${catalog.tables.filter((t) => !expected.includes(t)).join(', ') || 'none'}).`,
      );
    const undefer = await deferUnorderedForeignKeys(tx, catalog, header.tables);
    const sums = new Map<string, { rows: number; hash: Hash }>();
    let table: string | null = null;
    let insert = '';
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      try {
        await tx.execute(sql`${sql.raw(insert)}${`[${batch.join(',')}]`}::jsonb)`);
      } catch (err) {
        throw new BackupError(
          `Table ${table} could not be loaded (${driverMessage(err)}): the file is damaged, or not of this schema. Nothing was restored.`,
        );
      }
      batch = [];
      batchBytes = 0;
    };
    let manifest: Manifest | null = null;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (manifest) throw damaged('there is more after its manifest');
      if (line.startsWith('{')) {
        const sum = table ? sums.get(table) : undefined;
        if (!sum) throw damaged('a row comes before any table');
        sum.hash.update(`${line}\n`);
        sum.rows += 1;
        batch.push(line);
        batchBytes += line.length;
        if (batch.length >= PAGE_ROWS || batchBytes >= BATCH_BYTES) await flush();
        continue;
      }
      let control: unknown;
      try {
        control = JSON.parse(line);
      } catch {
        throw damaged(`a line is not JSON (in ${table ?? 'the header'})`);
      }
      if (!Array.isArray(control)) throw damaged('a line is neither a row nor a section');
      await flush();
      if (control[0] === 'table') {
        const name = String(control[1]);
        if (header.tables[sums.size] !== name) throw damaged(`table ${name} is not where its header puts it`);
        table = name;
        sums.set(name, newSum());
        const cols = (catalog.columns.get(name) ?? []).filter((c) => !c.generated).map((c) => ident(c.name));
        const override = catalog.columns.get(name)?.some((c) => c.identity) ? ' overriding system value' : '';
        insert = `insert into ${ident(name)} (${cols.join(', ')})${override} select ${cols.join(', ')} from jsonb_populate_recordset(null::${ident(name)}, `;
      } else if (control[0] === 'manifest' && typeof control[1] === 'object' && control[1] !== null) {
        manifest = control[1] as Manifest;
      } else throw damaged('a section is not a table or the manifest');
    }
    if (!manifest) throw damaged('it is cut short (no manifest at its end)');
    if (Object.keys(manifest).length !== header.tables.length) throw damaged('its manifest lists other tables');
    for (const name of header.tables) {
      const sum = sums.get(name);
      const listed = manifest[name];
      if (!sum || !listed) throw damaged(`table ${name} is missing`);
      const sha256 = sum.hash.digest('hex');
      if (listed.rows !== sum.rows || listed.sha256 !== sha256)
        throw damaged(
          `table ${name} has ${sum.rows} rows with checksum ${sha256.slice(0, 12)}…, its manifest says ${listed.rows} rows with ${String(listed.sha256).slice(0, 12)}…`,
        );
    }
    try {
      await undefer();
    } catch (err) {
      throw new BackupError(`The backup's rows do not hold together (${driverMessage(err)}): nothing was restored.`);
    }
    await advanceSequences(tx);
    // What the database now holds, serialised as a backup would: the same checksums, or nothing.
    for (const name of header.tables) {
      const sum = newSum();
      // Read only to be counted into `sum`.
      for await (const _ of summedPages(tx, catalog, name, sum));
      const sha256 = sum.hash.digest('hex');
      if (sum.rows !== manifest[name].rows || sha256 !== manifest[name].sha256)
        throw new BackupError(
          `Table ${name} does not read back as it was backed up (${sum.rows} rows, checksum ${sha256.slice(0, 12)}…): nothing was restored.`,
        );
    }
    return manifest;
  });
  // An older backup, now loaded into its own schema: the later migrations move it on.
  if (schema === 'older') await database.migrate();
  return { header, manifest };
}
