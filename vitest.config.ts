import { defineConfig } from 'vitest/config';

// One vitest run covers every package: unit tests beside the code, cross-package tests under test/.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'] } },
      { test: { name: 'server', include: ['server/src/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**', 'test/bench/**', 'test/server/**'],
        },
      },
      // Room and process tests bind ports (@colyseus/testing always takes 2568): one file at a time.
      { test: { name: 'server-integration', include: ['test/server/**/*.test.ts'], fileParallelism: false } },
      // The web client's pure modules (store, connection bookkeeping, codes, i18n): no DOM needed.
      { test: { name: 'client', include: ['client/src/**/*.test.ts'], environment: 'node' } },
      // Browser tests: one real server and Chromium per file, one file at a time.
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
