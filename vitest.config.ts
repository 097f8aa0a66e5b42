import { defineConfig } from 'vitest/config';

// Two cores: files run one after another; each opens its own database in beforeAll.
export default defineConfig({
  test: {
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 30_000,
    globalSetup: ['src/server/test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          // A page's chunks (its code, the rest of the styles, the header's menus) load after the
          // first render: on a loaded two-core machine that takes longer than polling's default second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
