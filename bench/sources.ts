/**
 * Reading the register of sources when it is large: one entry, and the citations beside a member
 * (`?member=USA`), signed out and as a focal point, over the demo plus BENCH_SOURCES (default
 * 100,000) generated sources, every tenth linked to the United States. In process
 * (`app.inject`, one request at a time, BENCH_REQUESTS each after 20 not counted), on PGlite in
 * memory; the ratio is each row's median to the same caller's `GET /api/v1/auth/me` (the app's
 * path with no register at all), measured in the same run.
 * Alone: `npx tsx bench/sources.ts`.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { systemAuth } from '../src/server/lib/auth-context.js';
import { createUsersService } from '../src/server/modules/users/users.service.js';
import { type Column, fmtMs, intSetting, machine, percentile, printTable, runScript } from './lib.js';

const SOURCES = intSetting('BENCH_SOURCES', 100_000, 0, 10_000_000);
const REQUESTS = intSetting('BENCH_REQUESTS', 200, 10, 100_000);

async function main(): Promise<void> {
  console.log(`Sources benchmark — ${new Date().toISOString()}\nmachine: ${machine()}`);
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  await seedDemo(database.db);
  const started = performance.now();
  await database.db.execute(sql`
    insert into sources (kind, title, publisher, published_on, language, visibility)
    select 'press', 'Report ' || g, 'Reuters', date '2014-01-01' + (g % 2500), 'en',
      (array['public', 'public', 'public', 'coalition', 'restricted'])[1 + g % 5]
    from generate_series(1, ${SOURCES}) g`);
  await database.db.execute(sql`
    insert into source_links (source_id, subject, member_id)
    select s.id, 'member', (select id from members where code = 'USA')
    from (select id, row_number() over (order by id) as n from sources where ref is null) s where s.n % 10 = 0`);
  await database.db.execute(sql`analyze`);
  console.log(
    `  ${SOURCES.toLocaleString('en-US')} sources written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp({ database, rateLimitPerMinute: 100_000_000 });
  await app.ready();
  const password = 'bench focal point password';
  await createUsersService({ db: database.db }).createUser(systemAuth('bench'), {
    email: 'focal@example.org',
    name: 'Focal point of France',
    role: 'focal_point',
    member: 'FRA',
    password,
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: 'focal@example.org', password },
  });
  const session = signIn.cookies.find((c) => c.name === 'entente_session');
  if (!session) throw new Error(`sign-in failed: ${signIn.statusCode}`);
  const cookie = `entente_session=${session.value}`;
  const found = (await database.db.execute(
    sql`select id from sources where ref is null and visibility = 'public' limit 1`,
  )) as unknown as { rows: { id: string }[] };
  const [one] = found.rows;

  // The baseline first: each caller's other rows are its ratio to it.
  const BASELINE = '/api/v1/auth/me';
  const requests = [
    { target: 'GET /api/v1/auth/me (baseline)', url: BASELINE },
    { target: 'GET /api/v1/sources/{id}', url: `/api/v1/sources/${one.id}` },
    { target: 'GET /api/v1/sources?member=USA', url: '/api/v1/sources?member=USA' },
  ];
  const callers = [
    { caller: 'signed out', headers: {} },
    { caller: 'focal point', headers: { cookie } },
  ];
  const body: string[][] = [];
  for (const { caller, headers } of callers) {
    let baseline = 0;
    for (const { target, url } of requests) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS + 20; i++) {
        const from = performance.now();
        const res = await app.inject({ url, headers });
        if (i >= 20) times.push(performance.now() - from);
        // The baseline answers 401 signed out: the app's path all the same.
        if (res.statusCode !== 200 && !(res.statusCode === 401 && url === BASELINE)) {
          throw new Error(`${target} (${caller}): ${res.statusCode}`);
        }
      }
      const sorted = Float64Array.from(times).sort();
      const median = percentile(sorted, 50);
      if (url === BASELINE) baseline = median;
      body.push([target, caller, fmtMs(median), fmtMs(percentile(sorted, 95)), `${(median / baseline).toFixed(1)}×`]);
    }
  }
  await app.close();
  await database.close();

  const columns: Column[] = [
    { head: 'request' },
    { head: 'caller' },
    { head: 'median ms', right: true },
    { head: 'p95 ms', right: true },
    { head: 'vs baseline', right: true },
  ];
  console.log(`\n${REQUESTS} requests each, one at a time, after 20 not counted:\n`);
  printTable(columns, body);
}

await runScript(main);
