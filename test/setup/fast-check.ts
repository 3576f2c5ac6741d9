// Every fast-check property runs from a known seed: FC_SEED=<n> replays a run;
// otherwise each test file draws one, and a failing test prints it (fast-check's
// own report names the seed and the path of the counterexample as well).
import fc from 'fast-check';
import { afterEach } from 'vitest';

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });

afterEach((context) => {
  if (context.task.result?.state === 'fail') console.error(`fast-check seed ${seed}: replay with FC_SEED=${seed}`);
});
