import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Two cores on the build machines; subprocess tests are heavy, so keep parallelism modest.
    maxWorkers: 2,
  },
});
