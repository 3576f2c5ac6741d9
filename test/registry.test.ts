// The registry drives behaviour: the collector gates every code by its rule's flags (and widens a rule in strict mode exactly where the registry says what strict mode adds), and the summaries quote the tolerances the code uses.
import { describe, expect, it } from 'vitest';
import { Collector } from '../src/problems.js';
import { RULES, ruleApplies, ruleWidened, type Code, type Model, type Rule } from '../src/registry.js';
import { INTERVAL_TOLERANCE_MS, MIX_TOLERANCE, NET_TOLERANCE } from '../src/tolerance.js';

const GATES = [false, true].flatMap((strict) =>
  [false, true].flatMap((revision) => [false, true].flatMap((metadata) => (['2024', '2026'] as Model[]).map((model) => ({ strict, revision, model, metadata })))),
);

describe('rule registry', () => {
  it('every rule has a source class, a level and at least one model', () => {
    for (const r of RULES as readonly Rule[]) {
      expect(['draft', 'example', 'proposal', 'decision'], r.code).toContain(r.sourceClass);
      expect(['error', 'warning'], r.code).toContain(r.level);
      expect(r.models.length, r.code).toBeGreaterThan(0);
    }
  });

  it('the collector reports a code exactly when its rule applies under the gate (strict-only, revision-only, metadata-only, models)', () => {
    for (const gate of GATES) {
      for (const rule of RULES as readonly Rule[]) {
        const c = new Collector(gate);
        c.add(rule.code as Code, '', 'x');
        const want = (!rule.strictOnly || gate.strict) && (!rule.revisionOnly || gate.revision) && (!rule.metadataOnly || gate.metadata) && rule.models.includes(gate.model);
        expect(ruleApplies(rule, gate), `${rule.code} ${JSON.stringify(gate)}`).toBe(want);
        expect(c.enabled(rule.code as Code)).toBe(want);
        expect(c.errors.length + c.warnings.length, `${rule.code} ${JSON.stringify(gate)}`).toBe(want ? 1 : 0);
        if (want) expect((rule.level === 'error' ? c.errors : c.warnings)[0]!.code).toBe(rule.code);
      }
    }
  });

  it('the collector widens a code in strict mode exactly when its rule says what strict mode adds and applies', () => {
    for (const gate of GATES) {
      const c = new Collector(gate);
      for (const rule of RULES as readonly Rule[]) {
        const want = rule.strictAdds !== undefined && gate.strict && ruleApplies(rule, gate);
        expect(ruleWidened(rule, gate), `${rule.code} ${JSON.stringify(gate)}`).toBe(want);
        expect(c.widened(rule.code as Code), `${rule.code} ${JSON.stringify(gate)}`).toBe(want);
      }
    }
  });

  it('a rule strict mode widens is reported in every mode (a strict-only rule has nothing to add to)', () => {
    for (const r of RULES as readonly Rule[]) if (r.strictAdds !== undefined) expect(r.strictOnly, r.code).not.toBe(true);
  });

  it('summaries quote the tolerance constants the checks use', () => {
    const summary = (code: string) => (RULES as readonly Rule[]).find((r) => r.code === code)!.summary;
    expect(summary('interval-arithmetic')).toContain(`${INTERVAL_TOLERANCE_MS} ms`);
    expect(summary('supply-mix-sum')).toContain(`±${MIX_TOLERANCE}`);
    expect(summary('net-balance')).toContain(`${NET_TOLERANCE} kWh`);
  });
});
