// The value rules and the fast path: every value rule module of
// src/rules/values/ is listed in VALUE_RULES with the fast path's stance, and
// each listed rule fires in default mode (fast path on) as in strict mode
// (full loop); a value rule added with registerValueRule does too; every
// value-level code the corpus draws is a listed rule's.
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { KIND_ENERGY } from '../../src/columns/column.js';
import { modelEntry } from '../../src/models/registry.js';
import { getRule } from '../../src/registry.js';
import { valuesClean } from '../../src/rules/values/fast-path.js';
import { VALUE_RULES, askedValueRules, registerValueRule } from '../../src/rules/values/index.js';
import type { ValueRuleModule } from '../../src/rules/values/rule.js';
import { corpusGroups, corpusOptions, documentOf, example, ROOT } from '../engine/helpers.js';
import { segment } from '../helpers/documents.js';

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
    const before = askedValueRules().length;
    registerValueRule({ code: 'value-type', applies: () => true, finding: () => 'probe' })();
    expect(askedValueRules().length).toBe(before);
    expect(problems(segmentWith(PROBE_VALUE), false)).toEqual([]);
  });
});

describe('VALUE_RULES: one module per value rule, registered in one place', () => {
  const folder = `${ROOT}src/rules/values/`;
  /** The modules of the folder that are not its drivers or types. */
  const NOT_RULES = new Set(['index.ts', 'rule.ts', 'loop.ts', 'fast-path.ts']);

  it('every rule module of src/rules/values/ exports one definition, and it is listed', async () => {
    const modules = readdirSync(folder).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
    expect(modules.length).toBe(VALUE_RULES.length);
    for (const f of modules) {
      const exported = Object.values(await import(`${folder}${f}`)) as ValueRuleModule[];
      expect(exported, f).toHaveLength(1);
      expect(VALUE_RULES, f).toContain(exported[0]);
    }
  });

  it.each(VALUE_RULES.map((r) => ({ code: r.code, rule: r })))('$code: a registry code, what it reads, the fast path\'s stance', ({ rule }) => {
    expect(getRule(rule.code)).toBeDefined();
    expect(rule.reads.length).toBeGreaterThan(10);
    expect(['decided', 'columns', 'mode', 'asked']).toContain(rule.fastPath);
    expect(rule.how.length).toBeGreaterThan(10);
    if (rule.fastPath === 'decided') expect(typeof rule.holds).toBe('function');
  });

  /**
   * A document each rule fires on, and where. A `decided` rule's sample is a
   * segment the fast path would take but for the rule (energy and gap
   * columns only), so its firing in default mode shows the fast path asked it.
   */
  const SAMPLES: Record<string, { given: () => unknown; want: string; strictOnly?: boolean }> = {
    'value-set-length': { given: () => segment({ values: [[{ v: 1 }, { v: 2 }]] }), want: '/values/0' },
    'value-type': { given: () => segment({ values: [[{ v: '1' }]] }), want: '/values/0/0' },
    'value-shape': {
      given: () => {
        const doc = example('supply-mix-attribution.json');
        doc.values[0][0] = { v: 1 };
        return doc;
      },
      want: '/values/0/0',
    },
    sign: { given: () => segment({ values: [[{ v: -1 }]] }), want: '/values/0/0' },
    'net-balance': { given: () => segment({ format: ['kwh_fwd', 'kwh_rev', 'kwh_net'], values: [[{ v: 1 }, { v: -0.5 }, { v: 0.6 }]] }), want: '/values/0/2' },
    'supply-mix-sum': {
      given: () => {
        const doc = example('supply-mix-attribution.json');
        doc.values[0][0][2].mix = 0.5;
        return doc;
      },
      want: '/values/0/0',
    },
    'unknown-field': { given: () => segment({ values: [[{ v: 1, x_extra: 1 }]] }), want: '/values/0/0/x_extra', strictOnly: true },
  };

  it('every listed rule has a sample (a rule added without one fails here)', () => {
    expect(VALUE_RULES.map((r) => r.code).filter((code) => SAMPLES[code] === undefined)).toEqual([]);
  });

  it.each(VALUE_RULES.map((r) => ({ code: r.code, stance: r.fastPath })))('$code ($stance) fires in default mode and in strict mode', ({ code, stance }) => {
    const sample = SAMPLES[code]!;
    const at = (strict: boolean) => problems(sample.given(), strict).filter((p) => p.code === code).map((p) => p.path);
    expect(at(true)).toEqual([sample.want]);
    // Only the `mode` stance may stay silent in default mode: its code is not reported there.
    expect(at(false)).toEqual(stance === 'mode' && sample.strictOnly === true ? [] : [sample.want]);
    if (stance === 'decided') expect(getRule(code as never)?.strictOnly ?? false).toBe(false);
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
