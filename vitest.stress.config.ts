import { defineConfig } from 'vitest/config';

// Large hostile inputs (50 MB strings, 2,000,000 value sets, …): `npm run stress`, not `npm test`.
export default defineConfig({
  test: {
    include: ['test/stress/**/*.stress.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
