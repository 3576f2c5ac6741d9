import { defineConfig } from 'vitest/config';

// Browser tests of the rendered reference: run by `npm run test:docs`.
export default defineConfig({
  test: {
    include: ['test/docs/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
