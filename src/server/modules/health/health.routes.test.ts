import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, parseProblem, type TestContext } from '../../test/harness.js';

describe.each(engines)('liveness and readiness on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false });
  });
  afterAll(() => ctx?.close());

  it('is live without asking the database, and ready when migrated', async () => {
    const live = await ctx.app.inject({ url: '/api/v1/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject({ url: '/api/v1/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: engine, migrations: 'current' });
  });

  it('is not ready when the database lacks the last migration, and live all the same', async () => {
    // As a database restored from an older build would be: its last migration row removed.
    const [last] = (
      (await ctx.database.db.execute(
        sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      )) as unknown as { rows: { id: number; hash: string; created_at: string }[] }
    ).rows;
    await ctx.database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last.id}`);
    try {
      const ready = await ctx.app.inject({ url: '/api/v1/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(parseProblem(ready.body)).toMatchObject({ code: 'service_unavailable' });
      expect(ready.body).toContain('migrations');
      expect((await ctx.app.inject({ url: '/api/v1/health/live' })).statusCode).toBe(200);
    } finally {
      await ctx.database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id}, ${last.hash}, ${last.created_at})`,
      );
    }
    expect((await ctx.app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);
  });
});

describe.each(engines)('readiness while the process drains on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine, { seed: false });
  });
  afterAll(() => ctx?.close());

  it('answers 503 from the moment draining starts (SIGTERM), while the other routes still answer', async () => {
    expect((await ctx.app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);
    ctx.app.startDraining();
    const ready = await ctx.app.inject({ url: '/api/v1/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(parseProblem(ready.body)).toMatchObject({ code: 'service_unavailable' });
    expect((await ctx.app.inject({ url: '/api/v1/health/live' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
