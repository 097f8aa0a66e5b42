/**
 * `npx tsx bench/db-costs.ts`: what an uncached read costs, step by step, in this process (no
 * HTTP): the members list and one member read as drizzle rows mapped in JS and as one JSON value
 * built by PostgreSQL and as the hot read in SQL of its own, the meeting page's two reads, and the CPU work that turns them into a
 * response body (zod, JSON, the ETag, protocol order). On PGlite (in memory) and on a fresh
 * PostgreSQL database (BENCH_DATABASE_URL, dropped afterwards).
 */
import { createHash, hash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, readStatement } from '../src/server/db/client.js';
import { meetings } from '../src/server/db/schema/meetings.js';
import { members } from '../src/server/db/schema/members.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { stateNames } from '../src/server/lib/country-names.js';
import { toMeeting } from '../src/server/modules/meetings/meetings.mapper.js';
import { readMeetingPage } from '../src/server/modules/meetings/meetings.repo.js';
import { readAllMembers, readMemberByCode } from '../src/server/modules/members/members.repo.js';
import { toMember } from '../src/server/modules/members/members.service.js';
import { Meeting } from '../src/shared/meetings.js';
import { MemberList } from '../src/shared/members.js';
import { addCleanup, type Column, checkQuiet, machine, printTable, runScript } from './lib.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const collator = new Intl.Collator('en', { sensitivity: 'base' });

const table: string[][] = [];

/** Mean time of one call, sequential, after a warm-up. */
async function perCall(engine: string, label: string, n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  const us = Number(process.hrtime.bigint() - start) / 1000 / n;
  table.push([engine, label, us.toFixed(1), '']);
  console.log(`  ${label.padEnd(56)} ${us.toFixed(1).padStart(8)} µs/call`);
  return us;
}

/** Calls per second with 10 in flight (the pool's size), as under the HTTP benchmark. */
async function concurrent(engine: string, label: string, n: number, fn: () => Promise<unknown>): Promise<void> {
  let left = n;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  const perSecond = n / (Number(process.hrtime.bigint() - start) / 1e9);
  table.push([engine, `${label}, 10 in flight`, '', Math.round(perSecond).toLocaleString('en-US')]);
  console.log(`  ${`${label}, 10 in flight`.padEnd(56)} ${Math.round(perSecond).toString().padStart(8)} calls/s`);
}

async function measureEngine(engine: string, database: Database, url?: string): Promise<void> {
  console.log(`\n${engine}`);
  await database.migrate();
  await seedDemo(database.db);
  const { db, read } = database;

  // The ways a cache miss has read the registry: drizzle rows (mapped column by column by
  // drizzle), one JSON value built by PostgreSQL (tried, dropped: PostgreSQL's json_build_object
  // cost more than drizzle's mapping saved), and the hot read in SQL of its own (now).
  const rowsAll = db.select().from(members).prepare('bench_rows_all');
  const rowsOne = db
    .select()
    .from(members)
    .where(eq(members.code, sql.placeholder('code')))
    .limit(1)
    .prepare('bench_rows_one');
  const jsonAll = readStatement<{ items: unknown[] }>(
    'bench_json_all',
    `select coalesce(json_agg(json_build_object('id', id, 'code', code, 'kind', kind, 'name', name_en,
      'names', json_build_object('en', name_en, 'fr', name_fr, 'ar', name_ar), 'status', status,
      'joinedOn', joined_on, 'joinedNote', joined_note, 'leftOn', left_on, 'note', note, 'version', version,
      'updatedAt', updated_at)), '[]') as items from members`,
  );
  const [brussels] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.startDate, '2014-12-03'));

  const rows = await rowsAll.execute();
  console.log(`  ${rows.length} members`);

  await perCall(engine, 'health: db.execute(select 1)', 2000, () => db.execute(sql`select 1`));
  await perCall(engine, `list: drizzle rows → toMember (${rows.length})`, 500, async () =>
    (await rowsAll.execute()).map(toMember),
  );
  await perCall(engine, 'list: one JSON value built by PostgreSQL', 500, () => read(jsonAll, []));
  await perCall(engine, 'list: hot read (own SQL) → toMember', 500, async () =>
    (await readAllMembers(read)).map(toMember),
  );
  await perCall(engine, 'one: drizzle row → toMember', 2000, async () =>
    (await rowsOne.execute({ code: 'USA' })).map(toMember),
  );
  await perCall(engine, 'one: hot read (own SQL) → toMember', 2000, async () => {
    const row = await readMemberByCode(read, 'USA');
    return row && toMember(row);
  });
  await perCall(engine, 'meeting page (60 delegations): its two hot reads', 500, () =>
    readMeetingPage(read, brussels.id),
  );
  // PostgreSQL only. PGlite runs one query at a time in this process: 10 in flight only queue.
  if (url) {
    // The same reads without drizzle, on a pool of its own: what the driver alone costs.
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    try {
      await perCall(engine, 'list: raw pg pool.query (no drizzle)', 500, () => pool.query('select * from members'));
      await perCall(engine, 'health: raw pg pool.query(select 1)', 2000, () => pool.query('select 1'));
    } finally {
      await pool.end();
    }
    await concurrent(engine, 'list: drizzle rows → toMember', 3000, async () =>
      (await rowsAll.execute()).map(toMember),
    );
    await concurrent(engine, 'list: one JSON value built by PostgreSQL', 3000, () => read(jsonAll, []));
    await concurrent(engine, 'list: hot read → toMember', 3000, async () => (await readAllMembers(read)).map(toMember));
    await concurrent(engine, 'meeting page: two hot reads', 2000, () => readMeetingPage(read, brussels.id));
  }
  if (engine === 'PGlite') {
    // CPU only, the same on both engines: measured once.
    const cpu = 'CPU (no database)';
    console.log(`\n${cpu}`);
    const items = (await readAllMembers(read)).map(toMember);
    const list = { items: items.sort((a, b) => collator.compare(a.name, b.name)) };
    const pageRows = await readMeetingPage(read, brussels.id);
    if (!pageRows) throw new Error('the Brussels ministerial is missing');
    const meeting = toMeeting(pageRows);
    await perCall(cpu, `sort ${items.length} members by name`, 5000, () =>
      [...items].sort((a, b) => collator.compare(a.name, b.name)),
    );
    await perCall(cpu, 'MemberList.parse (zod) of the list', 5000, () => MemberList.parse(list));
    await perCall(cpu, 'JSON.stringify of the list', 5000, () => JSON.stringify(list));
    const body = Buffer.from(JSON.stringify(list));
    await perCall(cpu, 'sha1 ETag of the list body (createHash, as before)', 5000, () =>
      createHash('sha1').update(body).digest('base64url'),
    );
    await perCall(cpu, 'sha1 ETag of the list body (crypto.hash, one call)', 5000, () =>
      hash('sha1', body, 'base64url'),
    );
    await perCall(cpu, 'meeting page: toMeeting (protocol order, zoned times)', 5000, () => toMeeting(pageRows));
    await perCall(cpu, 'meeting page: Meeting.parse (zod)', 5000, () => Meeting.parse(meeting));
    await perCall(cpu, 'meeting page: JSON.stringify', 5000, () => JSON.stringify(meeting));
    // Country names come from i18n-iso-countries only when a member is added, never on a read.
    await perCall(cpu, 'i18n-iso-countries: stateNames (on adding a member only)', 5000, () => stateNames('KOR'));
  }
}

async function pgDatabase(): Promise<{ url: string; drop: () => Promise<void> } | string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  admin.on('error', () => {});
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => {});
    return err instanceof Error ? err.message : String(err);
  }
  const name = `entente_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const drop = addCleanup(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop };
}

async function main(): Promise<void> {
  console.log(`Entente database costs — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  checkQuiet('before the run');

  const lite = await openDatabase({ dataDir: 'memory://' });
  try {
    await measureEngine('PGlite', lite);
  } finally {
    await lite.close();
  }

  const target = await pgDatabase();
  if (typeof target === 'string') {
    console.log(`\nPostgreSQL skipped: ${target}`);
  } else {
    const database = await openDatabase({ url: target.url, poolSize: 10 });
    try {
      const result = (await database.db.execute(sql`show server_version`)) as unknown as {
        rows: { server_version: string }[];
      };
      const version = result.rows[0].server_version;
      await measureEngine(`PostgreSQL ${String(version).split(' ')[0]}`, database, target.url);
    } finally {
      await database.close();
      await target.drop();
    }
  }

  const columns: Column[] = [
    { head: 'engine' },
    { head: 'step' },
    { head: 'µs/call (sequential)', right: true },
    { head: 'calls/s', right: true },
  ];
  console.log();
  printTable(columns, table);
}

await runScript(main);
