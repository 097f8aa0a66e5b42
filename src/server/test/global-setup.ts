import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * PGlite's initdb takes seconds; every test file would pay it. Migrate one database here and
 * hand its dump to each file, which loads it in well under a second.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'entente-test-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const dump = await (database.pglite as NonNullable<typeof database.pglite>).dumpDataDir('none');
  await database.close();
  const path = join(dir, 'migrated.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
