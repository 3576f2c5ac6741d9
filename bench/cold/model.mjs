// Cold start per model: import the library (timed), then check one document
// of a model (timed: the first document of a model loads its compiled
// validators). `node bench/cold/model.mjs FILE`. Prints
// {"importMs": …, "firstMs": …, "model": …}.
const t0 = performance.now();
const { validate, detectModel } = await import('../../dist/src/index.js');
const t1 = performance.now();
const { readFileSync } = await import('node:fs');
const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const t2 = performance.now();
const r = validate(doc);
const t3 = performance.now();
if (!r.valid) throw new Error('cold model: document rejected');
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t3 - t2, model: detectModel(doc) }) + '\n');
