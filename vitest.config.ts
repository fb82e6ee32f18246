import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Two projects: fast unit/rule tests (Node, fakeBrowser), and end-to-end tests that drive
// Debian's Chromium with the built extension (tests/e2e, one file at a time).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // The CLI tests run the built command (bin/nemawashi.mjs, scripts/build-cli.mjs).
          globalSetup: ['tests/build-cli.setup.ts'],
          include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
