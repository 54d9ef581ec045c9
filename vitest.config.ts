import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // CI machines are shared and noisy: a test that takes 4 s alone can take 10 s there.
          // Speed lives in benchmarks, not in timeouts.
          testTimeout: 30_000,
          // Scoring a split in beforeAll grows with the corpus (880 test pages: 10 s when busy).
          hookTimeout: 60_000,
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
