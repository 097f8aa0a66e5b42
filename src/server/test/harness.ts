import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '../../shared/auth.js';
import { type AppOptions, buildApp } from '../app.js';
import { type Database, type DbKind, openDatabase } from '../db/client.js';
import { auditEvents } from '../db/schema/audit.js';
import { seedDemo } from '../db/seed/demo.js';
import { systemAuth } from '../lib/auth-context.js';
import { createUsersService } from '../modules/users/users.service.js';

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

/** A database of `kind`, the demo coalition loaded unless told not to, and the app built on it. */
export async function createTestApp(
  kind: DbKind,
  options: { seed?: boolean } & Partial<Omit<AppOptions, 'database'>> = {},
): Promise<TestContext> {
  const testDb = await createTestDatabase(kind);
  if (options.seed !== false) await seedDemo(testDb.database.db);
  const app = await buildApp({ database: testDb.database, ...options });
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

let userCounter = 0;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  /** The session cookie, as a `cookie` header value. */
  cookie: string;
}

/** A user of `role` (a focal point of `member`, USA by default), signed in. */
export async function signedInUser(
  ctx: Pick<TestContext, 'app' | 'database'>,
  role: Role,
  overrides: { member?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  userCounter += 1;
  const email = overrides.email ?? `${role}.${userCounter}.${randomBytes(3).toString('hex')}@example.org`;
  const password = overrides.password ?? `correct horse ${userCounter} battery`;
  const user = await createUsersService({ db: ctx.database.db }).createUser(systemAuth('test'), {
    email,
    name: `Test ${role} ${userCounter}`,
    role,
    member: role === 'focal_point' ? (overrides.member ?? 'USA') : undefined,
    password,
  });
  const cookie = await signIn(ctx.app, email, password);
  return { id: user.id, email, password, role, cookie };
}

/** Signs in through the API and returns the session cookie header. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 204) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'entente_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `entente_session=${cookie.value}`;
}

/** How many audit events there are, straight from the table. */
export async function auditCount(database: Database): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditEvents);
  return row.n;
}
