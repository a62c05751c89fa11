import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Two cores on the build machines; subprocess tests are heavy, so keep parallelism modest.
    maxWorkers: 2,
    // Removes the temporary folders the fixtures made when each test file ends.
    setupFiles: ['tests/support/remove-temp-folders.ts'],
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/e2e/**'] } },
      {
        extends: true,
        test: {
          // Real Chromium against the browser preview; the renderer is built once, before the first e2e file.
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
