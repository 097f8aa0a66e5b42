import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runCommand } from '../server/test/server-process.js';

const runCli = (dataDir: string, args: string[]) => runCommand(dataDir, args, { env: { LOG_LEVEL: 'silent' } });

/**
 * `entente backup` and `entente restore` as an operator types them (bin/entente.js), from one
 * PGlite folder into another. The engines' round trips and the refusals are in
 * src/server/db/backup.test.ts; this checks the commands, their messages and exit codes.
 */
const manifestOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').at(-1);

describe('entente backup and restore', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'entente-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up one folder and restores it into another, once', { timeout: 180_000 }, async () => {
    const from = join(dir, 'from');
    const into = join(dir, 'into');
    const file = join(dir, 'entente.backup.gz');
    expect((await runCli(from, ['seed', '--demo'])).code).toBe(0);

    const backup = await runCli(from, ['backup', file]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Backed up \d+ rows in \d+ tables to .* \(schema \d{4}_\w+, snapshot at /);
    expect(backup.code).toBe(0);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restore = await runCli(into, ['restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/^Restored \d+ rows in \d+ tables .* Audit chain: \d+ events, intact\.\n$/);
    expect(restore.code).toBe(0);

    const again = await runCli(into, ['restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^The database is not empty \(rows in /);

    const second = join(dir, 'second.backup.gz');
    expect((await runCli(into, ['backup', second])).code).toBe(0);
    expect(manifestOf(second)).toBe(manifestOf(file));

    const missing = await runCli(join(dir, 'none'), ['backup', join(dir, 'x.gz')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no database in .* \(DATA_DIR\) to back up/);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});
