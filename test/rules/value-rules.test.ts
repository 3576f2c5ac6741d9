// The fast path and the value rules: a value rule added with
// registerValueRule fires in default mode (fast path on) as in strict mode
// (full loop), and every value-level code the corpus draws is listed in
// VALUE_RULES with the fast path's stance to it.
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { valuesClean } from '../../src/columns/values.js';
import { KIND_ENERGY } from '../../src/columns/column.js';
import { modelEntry } from '../../src/models/registry.js';
import { VALUE_RULES, registerValueRule } from '../../src/rules/value-rules.js';
import { corpusGroups, corpusOptions, documentOf, example } from '../engine/helpers.js';

const PROBE_VALUE = 123.456;
let remove: (() => void) | undefined;
afterEach(() => {
  remove?.();
  remove = undefined;
});

/** The meeting's Option 1 segment with its first value set to `v`. */
function segmentWith(v: number): Record<string, unknown> {
  const doc = example('option1-estimated.json');
  doc.values[0][0].v = v;
  return doc;
}

const problems = (doc: unknown, strict: boolean) => {
  const r = validate(doc, { strict });
  return [...r.errors, ...r.warnings].map((p) => ({ code: p.code, path: p.path, message: p.message }));
};

describe('a value rule added beside the built-in ones', () => {
  it('the segment is one the fast path takes (so a rule it did not ask would be skipped)', () => {
    const doc = segmentWith(PROBE_VALUE);
    const cols = modelEntry('2024').adapter.columnsOf(doc);
    expect(valuesClean(doc.values as unknown[], cols)).toBe(true);
    expect(problems(doc, false)).toEqual([]);
  });

  it.each([
    { mode: 'default', strict: false },
    { mode: 'strict', strict: true },
  ])('fires in $mode mode', ({ strict }) => {
    remove = registerValueRule({
      code: 'value-type',
      applies: (column) => column.kind === KIND_ENERGY,
      finding: (v) => ((v as { v?: unknown }).v === PROBE_VALUE ? `probe: ${PROBE_VALUE} is the probe's value` : null),
    });
    expect(problems(segmentWith(PROBE_VALUE), strict)).toEqual([{ code: 'value-type', path: '/values/0/0', message: `probe: ${PROBE_VALUE} is the probe's value` }]);
    expect(problems(segmentWith(500), strict)).toEqual([]);
  });

  it('is gone once removed', () => {
    registerValueRule({ code: 'value-type', applies: () => true, finding: () => 'probe' })();
    expect(problems(segmentWith(PROBE_VALUE), false)).toEqual([]);
  });
});

describe('VALUE_RULES lists every value-level code', () => {
  /** Codes the corpus draws at a value set or value (`…/values/k…`), but the schema's and the text's own. */
  const drawn = new Set<string>();
  for (const [, group] of corpusGroups('invalid', 'conforming')) {
    for (const c of group.tests) {
      if (c.text !== undefined || c.file !== undefined || (c.previous ?? group.previous) !== undefined) continue;
      const doc = documentOf(c, group.base, c.description, group.baseDocument);
      for (const strict of [false, true]) {
        const r = validate(doc, { ...corpusOptions(c, group), strict });
        for (const p of [...r.errors, ...r.warnings]) if (/\/values\/\d+/.test(p.path) && p.code !== 'schema') drawn.add(p.code);
      }
    }
  }

  it('the corpus draws value-level codes (the check below has something to check)', () => {
    expect(drawn.size).toBeGreaterThanOrEqual(4);
  });

  it('each of them is in VALUE_RULES, with the fast path\'s stance', () => {
    const listed = new Set(VALUE_RULES.map((r) => r.code));
    expect([...drawn].filter((code) => !listed.has(code as never)).sort()).toEqual([]);
  });
});
