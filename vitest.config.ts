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
        test: { name: 'browser', include: ['e2e/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
