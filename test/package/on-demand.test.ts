// Load on demand: importing the package loads no model's compiled validators
// (generated/<model>/validators.cjs and quick.cjs, Ajv standalone code); checking a
// document loads those of its model only. Run in a fresh process on the
// built package (dist/), as a consumer would import it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** After each step, the models whose compiled code Node has loaded (validators.cjs, or the quick check's quick.cjs: a valid document needs only that), read from the require cache. */
const PROBE = `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const loaded = () => [...new Set(Object.keys(require.cache).filter((f) => f.endsWith('validators.cjs') || f.endsWith('quick.cjs')).map((f) => f.split(/[\\\\/]/).at(-2)))].sort();
const steps = {};
const m = await import(${JSON.stringify(join(ROOT, 'dist/src/index.js'))});
steps.imported = loaded();
const doc = (model, file) => JSON.parse(readFileSync(${JSON.stringify(ROOT)} + '/spec/' + model + '/examples/' + file, 'utf8'));
steps.valid2024 = m.validate(doc('2024', 'option1-estimated.json')).valid;
steps.after2024 = loaded();
steps.valid2026 = m.validate(doc('2026', 'option1-estimated.json')).valid;
steps.after2026 = loaded();
const cli = await import(${JSON.stringify(join(ROOT, 'dist/src/cli/main.js'))});
const quiet = { stdout: () => {}, stderr: () => {}, stdin: async () => Buffer.from('') };
steps.cliStatus = await cli.main(['validate', ${JSON.stringify(ROOT)} + '/spec/2024/examples/option1-estimated.json'], quiet);
steps.yamlLoaded = Object.keys(require.cache).some((f) => /[\\/]node_modules[\\/]yaml[\\/]/.test(f));
console.log(JSON.stringify(steps));
`;

describe('models load on demand', () => {
  it('importing loads no validators; a 2024 document loads only the 2024 ones; a 2026 document then loads its own; `validate` on the command line loads no YAML parser (only diff reads YAML)', () => {
    expect(existsSync(join(ROOT, 'dist/src/index.js')), 'run `npm run compile` first').toBe(true);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ imported: [], valid2024: true, after2024: ['2024'], valid2026: true, after2026: ['2024', '2026'], cliStatus: 0, yamlLoaded: false });
  });
});
