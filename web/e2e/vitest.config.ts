import { defineConfig } from 'vitest/config';

// The browser specs: Debian's chromium driven by playwright-core, one file at a time.
export default defineConfig({
  test: {
    root: __dirname,
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
