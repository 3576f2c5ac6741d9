// Issue 20: every decided keyword of the spec (an `x-cds-recommended` entry, listed in spec-facts
// RECOMMENDED_KEYWORDS) names a registered decision-class warning, and every code of the registry that
// the recommended profile reports (a rule with `advice`) has a keyword in the spec: both ways.
import { describe, expect, it } from 'vitest';
import { RECOMMENDED_KEYWORDS as K2024 } from '../../generated/2024/spec-facts.js';
import { RECOMMENDED_KEYWORDS as K2026 } from '../../generated/2026/spec-facts.js';
import { RULES, getRule } from '../../src/registry.js';

const byModel = { '2024': K2024, '2026': K2026 } as const;

describe('the recommended profile and the rule registry', () => {
  for (const [model, table] of Object.entries(byModel)) {
    it(`${model}: every decided keyword names a registered warning of class decision for the model`, () => {
      const wrong = Object.entries(table as Record<string, { code: string }>)
        .map(([where, { code }]) => ({ where, code, rule: getRule(code) }))
        .filter(({ rule }) => rule === undefined || rule.sourceClass !== 'decision' || rule.level !== 'warning' || !rule.models.includes(model as '2024' | '2026'))
        .map(({ where, code }) => `${where}: ${code}`);
      expect(wrong).toEqual([]);
      expect(Object.keys(table).length).toBeGreaterThan(5);
    });
  }

  it('every registry code with advice (a recommended-profile warning) has a decided keyword in each model it applies to, or is reported by the checker itself', () => {
    // date-time-rfc3339 is also reported by the segment rules (a 2024 date-time the schema pass let through),
    // link-length also by the schema pass's guard; both have keywords too, so no exception is needed.
    const missing: string[] = [];
    for (const rule of RULES.filter((r) => r.advice !== undefined)) {
      for (const model of rule.models) {
        const codes = new Set(Object.values(byModel[model] as Record<string, { code: string }>).map((k) => k.code));
        if (!codes.has(rule.code)) missing.push(`${rule.code} (${model})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the keywords the issue lists (a page without links, an empty id, a numeric currency, …)', () => {
    expect(K2024['UsageSegmentList#/required']).toEqual({ code: 'link-absent', missing: ['next', 'previous'] });
    expect(K2026['CostValueFormat#/properties/currency/pattern']).toEqual({ code: 'currency-code' });
    expect(K2024['UsageSegment#/properties/cds_usagesegment_id/minLength']).toEqual({ code: 'empty-id' });
  });
});
