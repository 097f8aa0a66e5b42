import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../lib/audit-chain.js';
import { fromProject } from '../lib/paths.js';
import { allTables, createTestDatabase, engines, type TestDatabase } from '../test/harness.js';
import { type BackupSummary, migrateTo, restoreBackup, writeBackup } from './backup.js';
import { type Database, openDatabase } from './client.js';
import { seedDemo } from './seed/demo.js';

/**
 * Backup and restore across the two engines: what one writes the other loads, and backing up
 * what was restored gives the same checksums. Refusals leave the target as it was.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const journal = JSON.parse(readFileSync(fromProject('drizzle/meta/_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};
const lastMigration = journal.entries[journal.entries.length - 1];

async function backupOf(database: Database): Promise<{ file: Buffer; summary: BackupSummary }> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const summary = await writeBackup(database, out);
  return { file: Buffer.concat(chunks), summary };
}

const restoreFrom = (database: Database, file: Buffer) => restoreBackup(database, Readable.from([file]));

/** The backup with its lines changed by `edit`, compressed again (a valid gzip, changed content). */
function edited(file: Buffer, edit: (lines: string[]) => string[]): Buffer {
  const lines = gunzipSync(file).toString('utf8').split('\n');
  return gzipSync(edit(lines).join('\n'));
}

const rows = async (database: Database, query: string) =>
  (await database.db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] };

/** Rows in each table of the app's schema that has any. */
async function tablesWithRows(database: Database): Promise<string[]> {
  const full: string[] = [];
  for (const table of allTables) {
    const name = getTableName(table);
    const { rows: found } = await rows(database, `select exists (select from "${name}") as any`);
    if (found[0]?.any) full.push(name);
  }
  return full;
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let backup: { file: Buffer; summary: BackupSummary };
  const opened: TestDatabase[] = [];
  const target = async (kind: 'pglite' | 'postgresql' = 'pglite') => {
    const t = await createTestDatabase(kind);
    opened.push(t);
    return t.database;
  };
  // One empty database for the refusals: each must leave it empty.
  let emptyTarget: Database | undefined;
  const empty = async () => {
    emptyTarget ??= await target();
    return emptyTarget;
  };

  beforeAll(async () => {
    source = await createTestDatabase('pglite');
    await seedDemo(source.database.db);
    backup = await backupOf(source.database);
  });
  afterAll(async () => {
    for (const t of opened) await t.drop();
    await source?.drop();
  });

  it('backs up every table of the schema, with its row count, and names the schema version', async () => {
    const { header, manifest } = backup.summary;
    expect(header).toMatchObject({
      format: 'entente-backup',
      formatVersion: 1,
      engine: 'pglite',
      schema: { migration: lastMigration.tag, when: lastMigration.when, count: journal.entries.length },
    });
    expect([...header.tables].sort()).toEqual(allTables.map(getTableName).sort());
    // Parents before the tables that reference them.
    expect(header.tables.indexOf('members')).toBeLessThan(header.tables.indexOf('delegations'));
    expect(header.tables.indexOf('statements')).toBeLessThan(header.tables.indexOf('statement_versions'));
    expect(manifest.members.rows).toBe(66);
    const { rows: events } = await rows(source.database, 'select count(*)::int as n from audit_events');
    expect(manifest.audit_events.rows).toBe(events[0].n);
    expect(manifest.audit_events.rows).toBeGreaterThan(100);
  });

  it('restores into an empty PGlite, which then backs up to the same checksums, its audit chain intact', async () => {
    const database = await target();
    const restored = await restoreFrom(database, backup.file);
    expect(restored.manifest).toEqual(backup.summary.manifest);
    expect((await backupOf(database)).summary.manifest).toEqual(backup.summary.manifest);
    const chain = await verifyAuditChain(database.db);
    expect(chain).toEqual(await verifyAuditChain(source.database.db));
    expect(chain).toMatchObject({ intact: true, events: backup.summary.manifest.audit_events.rows });
    // The next event is numbered after the restored ones.
    const { rows: next } = await rows(database, `select nextval(pg_get_serial_sequence('audit_events', 'seq')) as n`);
    expect(Number(next[0].n)).toBe(chain.intact && chain.head ? chain.head.seq + 1 : 0);
  });

  it.skipIf(!onPostgres)('moves PGlite → PostgreSQL → PGlite with identical checksums both ways', async () => {
    const postgres = await target('postgresql');
    await restoreFrom(postgres, backup.file);
    const fromPostgres = await backupOf(postgres);
    expect(fromPostgres.summary.header.engine).toBe('postgresql');
    expect(fromPostgres.summary.manifest).toEqual(backup.summary.manifest);
    const chain = await verifyAuditChain(postgres.db);
    expect(chain).toMatchObject({ intact: true, events: backup.summary.manifest.audit_events.rows });
    expect(chain).toEqual(await verifyAuditChain(source.database.db));

    const pglite = await target();
    await restoreFrom(pglite, fromPostgres.file);
    expect((await backupOf(pglite)).summary.manifest).toEqual(backup.summary.manifest);
    expect(await verifyAuditChain(pglite.db)).toEqual(chain);
  });

  it.skipIf(!onPostgres)('is one snapshot while others write (PostgreSQL)', async () => {
    const postgres = await createTestDatabase('postgresql');
    opened.push(postgres);
    await restoreFrom(postgres.database, backup.file);
    // A second connection to the same database, as a running server would write through.
    const writer = await openDatabase({ url: postgres.url as string, poolSize: 1 });
    try {
      const out = new PassThrough();
      out.resume();
      const during = await writeBackup(postgres.database, out, {
        afterSnapshot: async () => {
          await rows(writer, `update members set note = 'changed during the backup'`);
          await rows(writer, `insert into audit_events (action, entity_type) values ('test.during', 'test')`);
        },
      });
      expect(during.manifest).toEqual(backup.summary.manifest);
      const after = (await backupOf(postgres.database)).summary.manifest;
      expect(after.members.sha256).not.toBe(backup.summary.manifest.members.sha256);
      expect(after.audit_events.rows).toBe(backup.summary.manifest.audit_events.rows + 1);
    } finally {
      await writer.close();
    }
  });

  it('refuses a database that has rows, and changes nothing in it', async () => {
    await expect(restoreFrom(source.database, backup.file)).rejects.toThrow(/not empty \(rows in /);
    expect((await backupOf(source.database)).summary.manifest).toEqual(backup.summary.manifest);
  });

  it('refuses a backup of a newer schema, naming both versions, and writes nothing', async () => {
    const newer = edited(backup.file, ([header, ...rest]) => {
      const h = JSON.parse(header);
      h.schema = { migration: '9999_future', when: lastMigration.when + 1, count: journal.entries.length + 1 };
      return [JSON.stringify(h), ...rest];
    });
    const database = await empty();
    await expect(restoreFrom(database, newer)).rejects.toThrow(
      new RegExp(`newer schema, 9999_future .*than this Entente's, ${lastMigration.tag}`),
    );
    expect(await tablesWithRows(database)).toEqual([]);
  });

  it('refuses a file whose rows do not match its checksums, and writes nothing', async () => {
    // France's row in members (audit events that mention France come in an earlier table).
    const corrupted = edited(backup.file, (lines) => {
      const members = lines.indexOf('["table","members"]');
      return lines.map((line, i) =>
        i > members && line.includes('"code": "FRA"') ? line.replace('France', 'Frankreich') : line,
      );
    });
    expect(corrupted.equals(backup.file)).toBe(false);
    const database = await empty();
    await expect(restoreFrom(database, corrupted)).rejects.toThrow(
      /damaged: table members has 66 rows with checksum .* its manifest says 66 rows/,
    );
    // A row that is not even JSON fails its insert: the same refusal, before the manifest is read.
    const broken = edited(backup.file, (lines) => {
      const members = lines.indexOf('["table","members"]');
      return lines.map((line, i) => (i === members + 1 ? '{"code": "FRA", broken' : line));
    });
    await expect(restoreFrom(database, broken)).rejects.toThrow(
      /^Table members could not be loaded \(invalid input syntax for type json\): the file is damaged/,
    );
    expect(await tablesWithRows(database)).toEqual([]);
  });

  it('refuses a file cut short, and writes nothing', async () => {
    const database = await empty();
    const cut = backup.file.subarray(0, Math.floor(backup.file.length * 0.8));
    await expect(restoreFrom(database, cut)).rejects.toThrow(/damaged or cut short/);
    // A whole gzip stream that lost its last lines.
    const noManifest = edited(backup.file, (lines) => lines.slice(0, -2));
    await expect(restoreFrom(database, noManifest)).rejects.toThrow(/cut short \(no manifest/);
    expect(await tablesWithRows(database)).toEqual([]);
  });

  it('refuses a file that is not a backup', async () => {
    const database = await empty();
    await expect(restoreFrom(database, gzipSync('{"hello":1}\n'))).rejects.toThrow(/not an Entente backup/);
  });

  it.each(engines)(
    'loads a table whose rows reference rows after them (a self-reference), and keeps its constraint (%s)',
    async (kind) => {
      const tree = `create table backup_probe_tree (id int primary key, parent_id int references backup_probe_tree (id))`;
      const from = await target(kind);
      await rows(from, tree);
      // In key order the child comes before its parent.
      await rows(from, 'insert into backup_probe_tree values (2, null), (1, 2), (3, 1)');
      const file = (await backupOf(from)).file;
      const into = await target(kind);
      await rows(into, tree);
      await restoreFrom(into, file);
      expect((await rows(into, 'select id, parent_id from backup_probe_tree order by id')).rows).toEqual([
        { id: 1, parent_id: 2 },
        { id: 2, parent_id: null },
        { id: 3, parent_id: 1 },
      ]);
      const { rows: constraint } = await rows(
        into,
        `select condeferrable from pg_constraint where conrelid = 'backup_probe_tree'::regclass and contype = 'f'`,
      );
      expect(constraint).toEqual([{ condeferrable: false }]);
    },
  );
});

describe('a backup of an older schema', () => {
  const olderTag = '0013_search';
  let old: Database;
  let file: Buffer;
  let migrated: TestDatabase;

  beforeAll(async () => {
    old = await openDatabase({ dataDir: 'memory://' });
    await migrateTo(old, olderTag);
    // Before the audit chain: events without hashes, which the later migration's start-up chains.
    await rows(
      old,
      `insert into audit_events (action, entity_type, entity_id) values ('test.old', 'test', '1'), ('test.old', 'test', '2')`,
    );
    file = (await backupOf(old)).file;
    migrated = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await old?.close();
    await migrated?.drop();
  });

  it('loads into a new database at its own schema, then migrates it on', async () => {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    try {
      const restored = await restoreFrom(fresh, file);
      expect(restored.header.schema.migration).toBe(olderTag);
      expect(await fresh.migrationsCurrent()).toBe(true);
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ intact: true, events: 2 });
    } finally {
      await fresh.close();
    }
  });

  it('is refused by a database already migrated past it, naming both versions', async () => {
    await expect(restoreFrom(migrated.database, file)).rejects.toThrow(
      new RegExp(`older schema, ${olderTag} .*already migrated past it \\(to ${lastMigration.tag}\\)`),
    );
  });
});
