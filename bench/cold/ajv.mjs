// Cold start, run-time Ajv path: import Ajv (the package's one configuration,
// scripts/lib/ajv.mjs), load generated/schemas/*.json, compile UsageSegment and
// validate one small segment. Prints {"ms": …} like package.mjs.
const t0 = performance.now();
const { readFileSync, readdirSync } = await import('node:fs');
const { createAjv } = await import('../../scripts/lib/ajv.mjs');
const dir = new URL('../../generated/2024/schemas/', import.meta.url);
const ajv = createAjv();
let id;
for (const f of readdirSync(dir)) {
  if (!f.endsWith('.json')) continue;
  const schema = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  ajv.addSchema(schema);
  if (f === 'UsageSegment.json') id = schema.$id;
}
const check = ajv.getSchema(id);
if (!check) throw new Error('cold ajv: UsageSegment schema not found');
const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ok = check(doc);
const ms = performance.now() - t0;
if (!ok) throw new Error('cold ajv: document rejected');
process.stdout.write(JSON.stringify({ ms }) + '\n');
