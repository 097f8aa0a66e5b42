import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { z } from 'zod';
import { FieldError, Problem } from '../../shared/problem.js';
import { type AppOptions, buildApp } from '../app.js';
import { type Database, type DbKind, openDatabase } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { seedDemo } from '../db/seed/demo.js';

/**
 * Route tests run on every engine available: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL names a server (CI sets it). Each test file gets its own fresh database.
 */
export const engines: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  /** A postgres:// URL to the same database (PostgreSQL only), for a second app on it. */
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given engine. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: snapshot });
    return { database, url: null, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `entente_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/**
 * A database of `kind`, the demo coalition loaded unless told not to, and the app built on it.
 * Pass `clock: fixedClock(…)` when anything the test asserts depends on what time it is.
 */
export async function createTestApp(
  kind: DbKind,
  options: { seed?: boolean } & Partial<Omit<AppOptions, 'database'>> = {},
): Promise<TestContext> {
  const testDb = await createTestDatabase(kind);
  if (options.seed !== false) await seedDemo(testDb.database.db);
  const app = await buildApp({
    database: testDb.database,
    // The limit counts requests per wall-clock minute: how many a test makes in one depends on the
    // machine's speed. Tests of the limit itself set their own.
    rateLimitPerMinute: 1_000_000,
    ...options,
  });
  await app.ready();
  return {
    app,
    database: testDb.database,
    testDb,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

/**
 * Problem as the interface reads it, strictly: an answer with a key it does not know, a code or
 * reason not in the shared enums, or a field error without a valid code does not parse.
 */
const StrictProblem = Problem.extend({ errors: z.array(FieldError.strict()).optional() }).strict();

/** The problem an error answer carries; throws (and so fails the test) when it is not one the interface can read. */
export function parseProblem(body: string): Problem {
  return StrictProblem.parse(JSON.parse(body));
}

// Users and sign-in live with the other factories; these names stay importable from here.
export { type SignedOutUser, signedInUser, signIn, type TestUser } from './factories.js';

/** Every table of the schema: a table added to `db/schema` is in this list without anyone adding it. */
export const allTables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
  is(value, PgTable),
);

/**
 * The whole database as one comparable value: every table's rows by content (not by count),
 * each table's rows sorted by their JSON so that the order the engine returns them in does not
 * matter. Two snapshots are equal exactly when no row was added, removed or changed.
 */
export async function databaseSnapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = await Promise.all(
    allTables.map(async (table) => {
      const rows = (await database.db.select().from(table)) as Record<string, unknown>[];
      return [getTableName(table), rows.map((row) => JSON.stringify(row)).sort()] as const;
    }),
  );
  return Object.fromEntries(tables);
}
