import { mkdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { chainUnchainedEvents } from '../lib/audit-chain.js';
import { fromProject } from '../lib/paths.js';
import { openPgliteWorker, PGLITE_EXTRA_START_PARAMS, type RemotePglite } from './pglite-remote.js';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same query surface as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbKind = 'pglite' | 'postgresql';

/** Listens for notifications sent by any process sharing the database (PostgreSQL LISTEN). */
export type Listen = (
  channel: string,
  onMessage: (payload: string) => void,
  onLost: () => void,
) => Promise<() => Promise<void>>;

/**
 * A hot read in SQL of its own, for the few reads a cache miss pays on every request (the member
 * registry, the meeting page): drizzle maps each column of each row through its column objects,
 * which measured as much as the rest of the answer. The SQL takes `$1` parameters and gives every
 * column the key the code reads, cast so that both drivers return the same thing: dates as text,
 * instants as epoch milliseconds (float8), JSON built by PostgreSQL only where it is small.
 */
export interface ReadStatement<Row> {
  /** Unique: PostgreSQL keeps it prepared under this name on each connection. */
  name: string;
  text: string;
  /** The row's type, for the compiler only. */
  row?: Row;
}

export const readStatement = <Row>(name: string, text: string): ReadStatement<Row> => ({ name, text });

/** Runs a hot read: a named prepared statement on PostgreSQL, a plain query on PGlite. */
export type Read = <Row>(statement: ReadStatement<Row>, params: readonly unknown[]) => Promise<Row[]>;

export interface Database {
  db: Db;
  kind: DbKind;
  read: Read;
  /** The embedded engine, for tests that dump or load it; absent on PostgreSQL. */
  pglite?: PGlite;
  /** Resolves when the database answers; queries made before then wait for it. */
  ready: Promise<void>;
  migrate(): Promise<void>;
  /** Whether the database has the journal's last migration (readiness). */
  migrationsCurrent(): Promise<boolean>;
  /** PostgreSQL's connection pool, for metrics; absent on PGlite. */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;
  listen: Listen;
  close(): Promise<void>;
}

/** `application_name` of the connection that LISTENs for other processes' cache invalidations. */
export const LISTENER_NAME = 'entente_listener';

/** drizzle's migrations: the SQL files and their journal. */
export const migrationsFolder = fromProject('drizzle');

/**
 * Runs the migrator unless the database already has the last migration of the journal: the
 * migrator's own check creates its schema and table if missing and reads every migration file,
 * which on PGlite took a tenth of a second at every start.
 */
async function migrateUnlessCurrent(db: Db, migrator: () => Promise<void>): Promise<void> {
  if (!(await migrationsCurrent(db))) await migrator();
  // Events written before the audit chain existed join it once (a no-op after that).
  await chainUnchainedEvents(db);
}

/** A migration as drizzle's journal lists it. */
export interface JournalEntry {
  idx: number;
  /** What the migrations table keeps as `created_at` once it ran. */
  when: number;
  tag: string;
}

/** This build's migrations (drizzle's journal), oldest first; `raw` is the whole file. */
export function readJournal(): { raw: Record<string, unknown>; entries: JournalEntry[] } {
  const raw = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8'));
  return { raw, entries: raw.entries as JournalEntry[] };
}

type Executor = Pick<Db, 'execute'> | Pick<Tx, 'execute'>;

/** The database's last applied migration (its `when`) and how many ran; null for a new database. */
export async function appliedMigration(db: Executor): Promise<{ when: number; count: number } | null> {
  const exists = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`)) as unknown as {
    rows: { t: string | null }[];
  };
  if (!exists.rows[0]?.t) return null;
  const result = (await db.execute(
    sql`select count(*)::int as n, max(created_at)::text as at from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { n: number | string; at: string | null }[] };
  const row = result.rows[0];
  return row?.at ? { when: Number(row.at), count: Number(row.n) } : null;
}

/** True when the database's last applied migration is the journal's last one. */
async function migrationsCurrent(db: Db): Promise<boolean> {
  const last = readJournal().entries.at(-1)?.when;
  return last !== undefined && (await appliedMigration(db))?.when === last;
}

export interface OpenOptions {
  /** postgres:// URL; without it, embedded PGlite. */
  url?: string;
  /** PGlite's folder; `memory://` for a throw-away database. */
  dataDir?: string;
  /** A PGlite data dump to start from instead of running initdb (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
  /**
   * Return as soon as PGlite is under way, before its database answers (`ready`): start-up
   * builds the app meanwhile, in the gaps while PGlite reads and compiles its WebAssembly.
   */
  deferReady?: boolean;
  /**
   * Run PGlite in a worker thread (`pglite-worker.ts`): its database opens beside the main
   * thread's work instead of after it, which is most of a start (bench/RESULTS.md, start-up).
   * Not with `loadDataDir`; `pglite` is then absent.
   */
  worker?: boolean;
  /** The worker, already started on `dataDir` (db/pglite-early.ts). */
  remote?: RemotePglite;
}

/** Opens the database: PostgreSQL when given a URL, else embedded PGlite. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

/** PGlite's own start parameters, with Entente's settings (pglite-remote.ts). */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, ...PGLITE_EXTRA_START_PARAMS];

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  if (options.worker) {
    if (options.loadDataDir) throw new Error('PGlite in a worker does not load a dump');
    const remote = options.remote ?? openPgliteWorker({ dataDir });
    if (!options.deferReady) await remote.waitReady;
    // drizzle's PGlite driver asks its client for query, exec and transaction only, which the
    // worker's client has.
    return pgliteDatabase(remote as unknown as PGlite);
  }
  const client = new PGlite(dataDir, {
    startParams: PGLITE_START_PARAMS,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  if (!options.deferReady) await client.waitReady;
  return { ...pgliteDatabase(client), pglite: client };
}

/** The Database over PGlite in this thread, or over its worker's client. */
function pgliteDatabase(client: Pick<PGlite, 'query' | 'listen' | 'close' | 'waitReady'>): Database {
  const drizzleClient = client as PGlite;
  const db = drizzlePglite({ client: drizzleClient, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    read: async <Row>(statement: ReadStatement<Row>, params: readonly unknown[]) =>
      (await client.query<Row>(statement.text, [...params])).rows,
    ready: client.waitReady,
    migrate: () =>
      migrateUnlessCurrent(db, () =>
        migratePglite(drizzlePglite({ client: drizzleClient, casing: 'snake_case' }), { migrationsFolder }),
      ),
    migrationsCurrent: () => migrationsCurrent(db),
    // PGlite serves this one process: a notification can only come from this process.
    listen: async (channel, onMessage) => client.listen(channel, onMessage),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  const listen: Listen = async (channel, onMessage, onLost) => {
    // Named, so that an operator (or a test) can tell the listener from the pool's connections.
    const client = new pg.Client({ connectionString: url, application_name: LISTENER_NAME });
    let closing = false;
    const lost = () => {
      if (!closing) onLost();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      closing = true;
      await client.end().catch(() => {});
    };
  };
  return {
    db,
    kind: 'postgresql',
    read: async <Row>(statement: ReadStatement<Row>, params: readonly unknown[]) =>
      (await pool.query({ name: statement.name, text: statement.text, values: [...params] })).rows as Row[],
    ready: Promise.resolve(),
    migrate: () =>
      migrateUnlessCurrent(db, () => migratePg(drizzlePg(pool, { casing: 'snake_case' }), { migrationsFolder })),
    migrationsCurrent: () => migrationsCurrent(db),
    pool,
    listen,
    close: () => pool.end(),
  };
}
