import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../server/test/server-process.js';
import { PLEDGE_COLUMNS } from '../shared/imports.js';

/**
 * `entente import` as an operator runs it (bin/entente.js, the built CLI), on a PGlite folder
 * with the demo: a bad file prints its bad rows and exits 1 having written nothing; a good one
 * prints its progress and what it wrote. `npm test` builds first.
 */
describe('entente import', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'entente-import-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the bad rows and exits 1, then imports the fixed file', async () => {
    const data = join(dir, 'data');
    expect((await runCli(data, ['seed', '--demo'])).code).toBe(0);
    const row = (amount: string) =>
      ['', 'USA', 'LOE3-finance', 'financial', amount, 'USD', '2015-02-01', '', '', '', 'pledged', '', '', 'CLI'].join(
        ',',
      );
    const file = join(dir, 'pledges.csv');
    writeFileSync(file, [PLEDGE_COLUMNS.join(','), row('1000.00'), row('12.345'), ''].join('\n'));

    const bad = await runCli(data, ['import', file, '--kind', 'pledges']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3, amount:');
    expect(bad.stderr).toContain('(amount_precision)');

    writeFileSync(file, [PLEDGE_COLUMNS.join(','), row('1000.00'), row('12.34'), ''].join('\n'));
    const good = await runCli(data, ['import', file, '--kind', 'pledges']);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Imported 2 rows of pledges from pledges.csv: 2 created, 0 changed, 0 unchanged.');

    expect((await runCli(data, ['import', file])).code).toBe(2);
  }, 120_000);
});
