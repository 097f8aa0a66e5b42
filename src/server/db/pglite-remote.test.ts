import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { openPgliteWorker, type RemotePglite } from './pglite-remote.js';
import { members } from './schema/index.js';

/**
 * PGlite in a worker thread (pglite-remote.ts, pglite-worker.ts), which `npm start` uses: what
 * drizzle and Entente ask of PGlite must behave as it does in this thread.
 */
describe('PGlite in a worker thread', () => {
  let pg: RemotePglite;
  beforeAll(async () => {
    pg = openPgliteWorker({ dataDir: 'memory://' });
    await pg.waitReady;
    await pg.exec('create table t (id int primary key, at timestamptz, note text)');
  });
  afterAll(async () => {
    await pg?.close();
  });

  it('answers queries with parameters, as objects or arrays, with drizzle’s types left as text', async () => {
    await pg.query('insert into t values ($1, $2, $3)', [1, '2014-12-03T09:00:00Z', 'Brussels']);
    const objects = await pg.query<{ id: number; at: Date; note: string }>('select * from t where id = $1', [1]);
    expect(objects.rows).toEqual([{ id: 1, at: new Date('2014-12-03T09:00:00Z'), note: 'Brussels' }]);
    expect(objects.fields.map((f) => f.name)).toEqual(['id', 'at', 'note']);

    // drizzle asks for timestamps as PostgreSQL writes them, through parsers that pass the text on.
    const asText = await pg.query('select id, at from t', [], {
      rowMode: 'array',
      parsers: { 1184: (value: string) => value },
    });
    expect(asText.rows).toEqual([[1, '2014-12-03 09:00:00+00']]);
    expect((await pg.query('delete from t where id = $1', [99])).affectedRows).toBe(0);
  });

  it('gives an error its PostgreSQL fields, and goes on answering', async () => {
    const error = await pg.query('insert into t values (1, null, null)').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't', severity: 'ERROR' });
    expect((error as Error).message).toMatch(/duplicate key/);
    expect((await pg.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    // A parameter that cannot cross to the worker is refused here, and the client goes on.
    await expect(pg.query('select $1::text', [() => 'a function'])).rejects.toThrow(/could not be cloned/);
    expect((await pg.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
  });

  it('commits a transaction, rolls one back when its work throws, and keeps others waiting meanwhile', async () => {
    await pg.transaction(async (tx) => {
      await tx.query('insert into t (id) values (10)');
    });
    const thrown = new Error('the work failed');
    await expect(
      pg.transaction(async (tx) => {
        await tx.query('insert into t (id) values (11)');
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    await pg.transaction(async (tx) => {
      await tx.query('insert into t (id) values (12)');
      await tx.rollback();
      expect(tx.closed).toBe(true);
    });

    // A query from outside waits for the open transaction, as on PGlite itself (one connection).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const open = pg.transaction(async (tx) => {
      await tx.query('insert into t (id) values (13)');
      await gate;
    });
    let outside: number[] | undefined;
    const waiting = pg.query<{ id: number }>('select id from t where id >= 10 order by id').then((r) => {
      outside = r.rows.map((row) => row.id);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outside).toBeUndefined();
    release();
    await open;
    await waiting;
    expect(outside).toEqual([10, 13]);
  });

  it('ends a transaction whose statement failed with a rollback, and the connection is usable', async () => {
    const error = await pg
      .transaction(async (tx) => {
        await tx.query('insert into t (id) values (20)');
        await tx.query('insert into t (id) values (20)');
      })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: '23505' });
    expect((await pg.query('select count(*)::int as n from t where id = 20')).rows).toEqual([{ n: 0 }]);
  });

  it('delivers notifications to listeners until they stop listening', async () => {
    const heard: string[] = [];
    const unlisten = await pg.listen('entente_test', (payload) => heard.push(payload));
    await pg.query("select pg_notify('entente_test', 'first')");
    await expect.poll(() => heard).toEqual(['first']);
    await unlisten();
    await pg.query("select pg_notify('entente_test', 'second')");
    await pg.query('select 1');
    expect(heard).toEqual(['first']);
  });
});

describe('Entente on PGlite in a worker', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'entente-pglite-worker-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, writes through drizzle with savepoints, reads, and keeps it all in its folder', async () => {
    const dataDir = join(dir, 'data');
    const first = await openDatabase({ dataDir, worker: true });
    expect(first.pglite).toBeUndefined();
    await first.migrate();
    expect(await first.migrationsCurrent()).toBe(true);
    const member = { code: 'BEL', kind: 'state', nameEn: 'Belgium', nameFr: 'Belgique', nameAr: 'بلجيكا' } as const;
    await first.db.transaction(async (tx) => {
      await tx.insert(members).values(member);
      // A nested transaction is a savepoint: its failure leaves the outer one's work.
      await tx
        .transaction(async (inner) => {
          await inner.insert(members).values({ ...member, nameEn: 'Belgium again' });
        })
        .catch(() => {});
    });
    const [row] = await first.read<{ n: number }>(
      { name: 'count-members', text: 'select count(*)::int as n from members where code = $1' },
      ['BEL'],
    );
    expect(row).toEqual({ n: 1 });
    await first.close();
    // drizzle wraps the error of a query it sent.
    await expect(first.db.select({ n: count() }).from(members)).rejects.toMatchObject({
      cause: { message: 'PGlite is closed' },
    });

    const again = await openDatabase({ dataDir, worker: true });
    expect(await again.migrationsCurrent()).toBe(true);
    expect(await again.db.select({ name: members.nameEn }).from(members)).toEqual([{ name: 'Belgium' }]);
    const now = (await again.db.execute(sql`select now() as at`)) as unknown as { rows: { at: unknown }[] };
    expect(typeof now.rows[0].at).toBe('string');
    await again.close();
  }, 60_000);

  it('reports a folder it cannot open', async () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'not a database');
    const remote = openPgliteWorker({ dataDir: notAFolder });
    await expect(remote.waitReady).rejects.toThrow();
    await expect(remote.query('select 1')).rejects.toThrow();
    await remote.close();
  });
});
