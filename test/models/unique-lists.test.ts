// The schema pass checks `uniqueItems` of a model's unique lists again (Ajv misses a repeated "__proto__", issue 25.2):
// each adapter's `uniqueLists` must be exactly the segment members whose published schema says uniqueItems.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_2024 } from '../../src/models/model-2024.js';
import { MODEL_2026 } from '../../src/models/model-2026.js';
import { ROOT } from '../helpers/paths.js';

type Schema = { $ref?: string; uniqueItems?: boolean; properties?: Record<string, Schema>; $defs?: Record<string, Schema> };

/** The members of the published UsageSegment schema whose (referenced) schema has uniqueItems. */
function uniqueMembers(model: string): string[] {
  const schema = JSON.parse(readFileSync(`${ROOT}generated/${model}/schemas/UsageSegment.json`, 'utf8')) as Schema;
  const resolve = (s: Schema): Schema => (s.$ref?.startsWith('#/$defs/') ? resolve(schema.$defs![s.$ref.slice('#/$defs/'.length)]!) : s);
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => resolve(s).uniqueItems === true)
    .map(([k]) => k);
}

describe('uniqueLists follows the published schema', () => {
  const cases = [
    { model: '2024', adapter: MODEL_2024 },
    { model: '2026', adapter: MODEL_2026 },
  ];
  for (const c of cases) {
    it(c.model, () => expect([...(c.adapter.uniqueLists ?? [])].sort()).toEqual(uniqueMembers(c.model).sort()));
  }

  it('2024 has some (the test would pass vacuously otherwise)', () => expect(uniqueMembers('2024').length).toBeGreaterThan(5));
});
