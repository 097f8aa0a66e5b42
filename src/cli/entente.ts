import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, restoreBackup, writeBackup } from '../server/db/backup.js';
import type { Database } from '../server/db/client.js';
import { DataDirLockedError } from '../server/db/lock.js';
import { openConfiguredDatabase } from '../server/db/open.js';
import { isEmpty, seedDemo } from '../server/db/seed/demo.js';
import { EnvError, loadEnv } from '../server/env.js';
import { verifyAuditChain } from '../server/lib/audit-chain.js';
import { systemAuth } from '../server/lib/auth-context.js';
import { Cache } from '../server/lib/cache.js';
import { systemClock } from '../server/lib/clock.js';
import { AppError } from '../server/lib/errors.js';
import { createImportsService } from '../server/modules/imports/imports.service.js';
import { createUsersService, generatePassword } from '../server/modules/users/users.service.js';
import { type ImportFormat, ImportKind } from '../shared/imports.js';

const USAGE = `Usage: entente <command>

  migrate                       apply the database migrations
  seed --demo                   load the demo coalition (2014) into an empty database
  user create --email E --name N --role R [--member CODE]
                                create a user; the password is read from standard input,
                                or generated and printed when none is piped in
                                (roles: admin, secretariat, focal_point, observer;
                                a focal_point needs --member)
  audit verify                  walk the audit chain: "N events, chain intact", or the first
                                event changed, removed or inserted (exit 1)
  import <file> --kind values|pledges
                                import a CSV or XLSX file (what an export writes) as the
                                system: every row is checked first, then all are written in
                                one transaction, or none; prints progress and the bad rows
  backup <file>                 write a backup of every table (a consistent snapshot, gzip'd
                                JSON lines with a manifest of row counts and checksums)
  restore <file>                load a backup into an empty database of either engine (where
                                at most \`migrate\` ran); refuses a non-empty database, a damaged
                                file and a backup of a newer schema, and then writes nothing

The database is DATABASE_URL when set, else PGlite in DATA_DIR (./data). On PGlite a
command stops with an error while a server holds the folder: stop the server first.`;

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text === '' ? null : text;
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadEnv());
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** `entente import`: the import service as the system, with progress lines and the bad rows. */
async function importFromCli(database: Database, file: string, format: ImportFormat, kind: ImportKind) {
  const { db, read } = database;
  // On PostgreSQL the servers hear what the import changed (their read caches drop it).
  const cache = new Cache({ crossProcess: database.kind === 'postgresql' });
  const service = createImportsService({ db, read, cache, clock: systemClock });
  const id = randomUUID();
  const timer = setInterval(() => {
    service.getImport(systemAuth('cli import'), id).then(
      (job) => process.stdout.write(`${job.status}: ${job.rowsRead} rows read, ${job.rowsWritten} written\n`),
      () => {},
    );
  }, 1000);
  try {
    const job = await service.importFile(systemAuth('cli import'), {
      id,
      kind,
      format,
      fileName: basename(file),
      file: createReadStream(file),
    });
    process.stdout.write(
      `Imported ${job.rowsRead} rows of ${kind} from ${basename(file)}: ${job.rowsCreated} created, ${job.rowsUpdated} changed, ${job.rowsRead - (job.rowsCreated ?? 0) - (job.rowsUpdated ?? 0)} unchanged.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    process.stderr.write(`${error.message}\n`);
    for (const e of error.errors ?? [])
      process.stderr.write(
        `  line ${e.params?.line ?? '?'}${e.params?.column ? `, ${e.params.column}` : ''}: ${e.message} (${e.code})\n`,
      );
    return 1;
  } finally {
    clearInterval(timer);
  }
}

/** Opens the configured database as it is: a backup or a restore decides itself what to migrate. */
async function withUnmigratedDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadEnv());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** `entente backup`: written beside the file, then renamed, so that a failed backup leaves no file that looks whole. */
async function backupFromCli(file: string): Promise<number> {
  const env = loadEnv();
  if (!env.DATABASE_URL && !existsSync(resolve(env.DATA_DIR))) {
    process.stderr.write(`There is no database in ${resolve(env.DATA_DIR)} (DATA_DIR) to back up.\n`);
    return 1;
  }
  const partial = `${file}.partial`;
  return withUnmigratedDatabase(async (database) => {
    try {
      const { header, manifest } = await writeBackup(database, createWriteStream(partial));
      renameSync(partial, file);
      const rows = Object.values(manifest).reduce((n, t) => n + t.rows, 0);
      process.stdout.write(
        `Backed up ${rows} rows in ${header.tables.length} tables to ${file} (schema ${header.schema.migration}, snapshot at ${header.createdAt}).\n`,
      );
      return 0;
    } finally {
      rmSync(partial, { force: true });
    }
  });
}

/** `entente restore`: the load, then the audit chain walked, so that the operator sees it intact. */
async function restoreFromCli(file: string): Promise<number> {
  if (!existsSync(file)) {
    process.stderr.write(`No file ${file}.\n`);
    return 1;
  }
  return withUnmigratedDatabase(async (database) => {
    const { header, manifest } = await restoreBackup(database, createReadStream(file));
    const rows = Object.values(manifest).reduce((n, t) => n + t.rows, 0);
    const chain = await verifyAuditChain(database.db);
    process.stdout.write(
      `Restored ${rows} rows in ${header.tables.length} tables from ${file} (schema ${header.schema.migration}, backed up from ${header.engine} at ${header.createdAt}). Audit chain: ${chain.events} events, ${chain.intact ? 'intact' : 'BROKEN (run entente audit verify)'}.\n`,
    );
    return 0;
  });
}

async function run(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  if (command === 'migrate') {
    await withDatabase(async () => {});
    process.stdout.write('Migrations applied.\n');
    return 0;
  }
  if (command === 'seed') {
    const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } } });
    if (!values.demo) {
      process.stderr.write('Say what to seed: entente seed --demo\n');
      return 2;
    }
    return withDatabase(async ({ db }) => {
      if (!(await isEmpty(db))) {
        process.stderr.write('The database already has members; the demo loads only into an empty one.\n');
        return 1;
      }
      const counts = await seedDemo(db, systemAuth('cli seed'));
      process.stdout.write(
        `Loaded the demo: ${counts.members} members, ${counts.people} people, ${counts.actors} actors, ${counts.meetings} meetings, ${counts.statements} statements, ${counts.indicators} indicators with ${counts.values} report values, ${counts.pledges} pledges.\n`,
      );
      return 0;
    });
  }
  if (command === 'audit' && sub === 'verify') {
    return withDatabase(async ({ db }) => {
      const verdict = await verifyAuditChain(db);
      if (verdict.intact) {
        const head = verdict.head ? ` Head: event ${verdict.head.seq}, ${verdict.head.hash}.` : '';
        process.stdout.write(`${verdict.events} events, chain intact.${head}\n`);
        return 0;
      }
      const last = verdict.after === null ? 'the start of the trail' : `event ${verdict.after}`;
      const what = {
        changed: 'was changed: its hash is not the hash of its contents',
        removed_or_inserted: `does not follow ${last}: an event between them was removed, or ${last} was inserted`,
        unchained: 'has no hash: it was written outside the chain',
      }[verdict.problem];
      process.stderr.write(
        `Audit chain broken at event ${verdict.seq} (id ${verdict.id}): it ${what}. The ${verdict.events} events before it are intact.\n`,
      );
      return 1;
    });
  }
  if (command === 'import') {
    const { values, positionals } = parseArgs({
      args: argv.slice(1),
      options: { kind: { type: 'string' } },
      allowPositionals: true,
    });
    const kind = ImportKind.safeParse(values.kind);
    const [file] = positionals;
    const format = file?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file?.toLowerCase().endsWith('.csv') ? 'csv' : null;
    if (!kind.success || !file || !format) {
      process.stderr.write('Say what to import: entente import <file.csv|file.xlsx> --kind values|pledges\n');
      return 2;
    }
    return withDatabase((database) => importFromCli(database, file, format, kind.data));
  }
  if (command === 'backup' || command === 'restore') {
    const file = sub;
    if (!file) {
      process.stderr.write(`Say where: entente ${command} <file>\n`);
      return 2;
    }
    return command === 'backup' ? backupFromCli(file) : restoreFromCli(file);
  }
  if (command === 'user' && sub === 'create') {
    const { values } = parseArgs({
      args: argv.slice(2),
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        member: { type: 'string' },
      },
    });
    const piped = await readStdin();
    const password = piped ?? generatePassword();
    return withDatabase(async ({ db }) => {
      const user = await createUsersService({ db }).createUser(systemAuth('cli user create'), {
        email: values.email ?? '',
        name: values.name ?? '',
        role: values.role as never,
        member: values.member,
        password,
      });
      process.stdout.write(`Created ${user.role} ${user.email}.\n`);
      if (!piped) process.stdout.write(`Password (shown once): ${password}\n`);
      return 0;
    });
  }
  process.stderr.write(`${USAGE}\n`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof AppError) {
      const fields = (err.errors ?? []).map((e) => `  --${e.path.split('.')[0]}: ${e.message}`).join('\n');
      process.stderr.write(`${err.message}\n${fields}${fields ? '\n' : ''}`);
    } else if (err instanceof DataDirLockedError || err instanceof EnvError || err instanceof BackupError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      process.stderr.write(`entente: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    process.exit(1);
  },
);
