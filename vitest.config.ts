import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Slow by nature, so out of `npm test` and in `npm run test:slow`
 * (vitest.slow.config.ts), which `.ci/run` runs on every Node line: the
 * package tooling (installs from a tarball and a git URL; `npm pack`,
 * publint and attw, each packing the package), Redocly's own `diff` started
 * once per golden pair, and the hostile-input sweeps (hostile documents,
 * bounded fuzzing, ReDoS analysis of every pattern).
 */
export const SLOW = [
  'test/package/consumer.test.ts',
  'test/package/lint.test.ts',
  'test/diff/redocly-crosscheck.test.ts',
  'test/robustness/hostile.test.ts',
  'test/robustness/fuzz.test.ts',
  'test/robustness/redos.test.ts',
];

/**
 * Files of `npm test` that run in a fresh module graph of their own (the
 * "isolated" project below): published-schemas registers every published
 * schema in @hyperjump/json-schema's process-wide registry.
 */
export const ISOLATED = ['test/package/published-schemas.test.ts'];

/** What every test config of the repository shares (`npm test`, test:unit, test:slow). */
export const SHARED = {
  setupFiles: ['test/setup/fast-check.ts'],
  // Vitest's default is one worker fewer than the cores: on the two-core
  // machines this project is tested on, that is one worker, and every file
  // waits for the one before it (also while a test only waits for a child
  // process). Two workers there; the default elsewhere. Measured on the
  // shared two cores (README, Scripts): test:unit 22.7 s with one worker,
  // 16.7 s with two, at load 7–8.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** `npm test`'s files: every test file but the browser tests (test:docs) and the slow ones. */
export const INCLUDE = ['test/**/*.test.ts'];
export const EXCLUDE = ['test/docs/**', 'node_modules/**', ...SLOW];
export const TYPECHECK = { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' };

export default defineConfig({
  test: {
    ...SHARED,
    projects: [
      {
        test: {
          ...SHARED,
          name: 'shared',
          include: INCLUDE,
          exclude: [...EXCLUDE, ...ISOLATED],
          // Each worker imports src/ once for all the files it runs instead of
          // once per file: importing afresh per file cost more CPU than the
          // tests of the unit files themselves (test:unit 51 s CPU isolated,
          // 18 s not). No file keeps state between files: one that registers
          // a model or a value rule removes it again, one that sets an
          // environment variable restores it; ISOLATED lists the exceptions.
          isolate: false,
          // The type tests (`*.test-d.ts`) run here, so they run once.
          typecheck: { ...TYPECHECK, enabled: true },
        },
      },
      {
        test: {
          ...SHARED,
          name: 'isolated',
          include: ISOLATED,
          typecheck: { ...TYPECHECK, include: [] },
        },
      },
    ],
  },
});
