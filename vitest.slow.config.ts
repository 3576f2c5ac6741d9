import { defineConfig } from 'vitest/config';
import { SHARED, SLOW } from './vitest.config.js';

// `npm run test:slow`: what `npm test` leaves out because it is slow by nature
// (the list is SLOW in vitest.config.ts). `.ci/run` runs it after `npm test`.
export default defineConfig({
  test: {
    ...SHARED,
    include: SLOW,
  },
});
