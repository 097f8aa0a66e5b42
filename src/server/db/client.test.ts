import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';

// PGlite starts with smaller shared buffers than PostgreSQL's 128 MB (client.ts): zeroing them was
// most of its start. A PGlite release that dropped our start parameters would bring that back.
describe('PGlite start parameters', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("runs with 16 MB of shared buffers and keeps PGlite's own parameters", async () => {
    const [row] = await test.database.read<{ buffers: string; search_path: string }>(
      {
        name: 'pglite-settings',
        text: "select current_setting('shared_buffers') as buffers, current_setting('search_path') as search_path",
      },
      [],
    );
    expect(row).toEqual({ buffers: '16MB', search_path: 'public' });
  });
});
