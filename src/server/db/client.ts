import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { fromProject } from '../lib/paths.js';
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

export interface Database {
  db: Db;
  kind: DbKind;
  /** The embedded engine, for tests that dump or load it; absent on PostgreSQL. */
  pglite?: PGlite;
  /** Resolves when the database answers; queries made before then wait for it. */
  ready: Promise<void>;
  migrate(): Promise<void>;
  listen: Listen;
  close(): Promise<void>;
}

/** `application_name` of the connection that LISTENs for other processes' cache invalidations. */
export const LISTENER_NAME = 'entente_listener';

const migrationsFolder = fromProject('drizzle');

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
}

/** Opens the database: PostgreSQL when given a URL, else embedded PGlite. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  if (!options.deferReady) await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    ready: client.waitReady,
    migrate: () => migratePglite(drizzlePglite(client, { casing: 'snake_case' }), { migrationsFolder }),
    // PGlite lives in this one process: a notification can only come from this process.
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
    ready: Promise.resolve(),
    migrate: () => migratePg(drizzlePg(pool, { casing: 'snake_case' }), { migrationsFolder }),
    listen,
    close: () => pool.end(),
  };
}
