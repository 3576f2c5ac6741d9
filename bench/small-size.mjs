// One small-segment page (bench/payloads.mjs SMALL_CASES) in a process of its
// own (bench/run.mjs spawns it with --expose-gc):
// `node --expose-gc bench/small-size.mjs NAME SEGMENTS RUNS`.
// Compares the full check (`validate`) with a schema-only pass of Ajv
// compiled at start-up from the published schemas (generated/2024/schemas,
// the package's one Ajv configuration); the compile is not timed. After two
// untimed runs each, the two alternate, a full gc before each timed step.
// Prints {"bytes": …, "validateMs": [...], "ajvMs": [...]}.
import { readdirSync, readFileSync } from 'node:fs';
import { SMALL_CASES } from './payloads.mjs';
import { createAjv } from '../scripts/lib/ajv.mjs';

const [name, segments, runs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const make = SMALL_CASES[name];
if (make === undefined || !(segments > 0) || !(runs > 0)) {
  console.error('usage: node --expose-gc bench/small-size.mjs NAME SEGMENTS RUNS');
  process.exit(2);
}
if (typeof globalThis.gc !== 'function') throw new Error('bench/small-size.mjs needs --expose-gc');
const { validate } = await import('../dist/src/index.js');

const dir = new URL('../generated/2024/schemas/', import.meta.url);
const ajv = createAjv();
let listId;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const schema = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  ajv.addSchema(schema);
  if (f === 'UsageSegmentList.json') listId = schema.$id;
}
const schemaOnly = ajv.getSchema(listId);
if (!schemaOnly) throw new Error('small-size: UsageSegmentList schema not found');

const doc = make(segments);
const text = JSON.stringify(doc);
function timed(f) {
  globalThis.gc();
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}
const validateMs = [];
const ajvMs = [];
for (let r = -2; r < runs; r++) {
  const full = timed(() => validate(doc));
  const schema = timed(() => schemaOnly(doc));
  if (schema.value !== true) throw new Error(`small-size: Ajv rejects the ${name} page`);
  if (r < 0) continue; // warm-up
  validateMs.push(full.ms);
  ajvMs.push(schema.ms);
}
process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), validateMs, ajvMs }) + '\n');
