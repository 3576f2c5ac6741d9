// src/validate.ts: the last-resort guard and the kind option; scripts/lib/rules-doc.mjs: docs/rules.md from the registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, getRule, validate } from '../src/index.js';
import { ruleModules } from '../scripts/lib/rule-modules.mjs';
import { checkedBy, renderRulesMarkdown } from '../scripts/lib/rules-doc.mjs';
import { example } from './helpers/examples.js';
import { ROOT } from './helpers/paths.js';

describe('last-resort guard', () => {
  it('reports internal-error instead of throwing when reading the input throws', () => {
    const evil = {
      ...example('option1-estimated.json'),
      get format(): never {
        throw new Error('boom');
      },
    };
    const r = validate(evil);
    expect(r.valid).toBe(false);
    expect(r.errors.map((p) => p.code)).toContain('internal-error');
  });
  it('reports internal-error for a throwing proxy page', () => {
    const evil = new Proxy({ usage_segments: [] } as Record<string, unknown>, {
      get() {
        throw new Error('nope');
      },
    });
    const r = validate(evil);
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['internal-error', '']]);
  });
});

describe('rule registry and docs', () => {
  it('codes are unique and every code has a summary', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) expect(r.summary.length).toBeGreaterThan(10);
    expect(getRule('timeline-hole')?.level).toBe('warning');
    expect(getRule('nope')).toBeUndefined();
  });
  it('every code has a source class, and its level is the one its class gives (decisions are warnings unless they say why not)', () => {
    const CLASSES = ['draft', 'example', 'proposal', 'decision'];
    const wrong = RULES.filter((r) => !CLASSES.includes(r.sourceClass) || r.level !== (r.sourceClass === 'decision' && r.errorBecause === undefined ? 'warning' : 'error'));
    expect(wrong.map((r) => `${r.code}: ${r.sourceClass} ${r.level}`)).toEqual([]);
    // Only the checker's own failure is a decision that is an error.
    expect(RULES.filter((r) => r.sourceClass === 'decision' && r.level === 'error').map((r) => r.code)).toEqual(['internal-error']);
    // The codes the 2026 model added follow the same derivation.
    expect(Object.fromEntries(['format-index', 'duplicate-format-id', 'undeclared-type', 'unknown-enum'].map((c) => [c, [getRule(c)?.sourceClass, getRule(c)?.level]]))).toEqual({
      'format-index': ['draft', 'error'],
      'duplicate-format-id': ['draft', 'error'],
      'undeclared-type': ['draft', 'error'],
      'unknown-enum': ['decision', 'warning'],
    });
  });
  it('docs/rules.md is the fresh generation from the registry and the rule modules', async () => {
    const current = readFileSync(`${ROOT}docs/rules.md`, 'utf8');
    const modules = await ruleModules(ROOT, `${ROOT}src/rules`, '.ts');
    expect(current).toBe(renderRulesMarkdown(RULES, modules));
    for (const r of RULES) expect(current).toContain(`\`${r.code}\``);
  });
  it('docs/rules.md names where each code is checked, and a code checked nowhere stops the page', async () => {
    const modules = await ruleModules(ROOT, `${ROOT}src/rules`, '.ts');
    // Codes defined in several modules name them all (one per part of the document it reads).
    expect(modules.get('unknown-field')).toEqual(['src/rules/formats/unknown-field.ts', 'src/rules/page/unknown-field.ts', 'src/rules/segment/unknown-field.ts', 'src/rules/values/unknown-field.ts']);
    for (const [code, paths] of modules) {
      expect(getRule(code), `a module reports ${code}, which the registry does not define`).toBeDefined();
      for (const path of paths) expect(readFileSync(`${ROOT}${path}`, 'utf8')).toContain(`code: '${code}'`);
    }
    const orphan = { ...getRule('timestamps')!, code: 'no-such-rule', advice: undefined } as unknown as (typeof RULES)[number];
    expect(() => checkedBy(orphan, modules)).toThrow(/no module checks `no-such-rule`/);
  });
  it('validate rejects an unknown kind option', () => {
    expect(() => validate({}, { kind: 'page' as never })).toThrow(TypeError);
  });
  it('kind forces the reading of the document', () => {
    const seg = example('option1-estimated.json');
    expect(validate(seg, { kind: 'list' }).errors.map((p) => p.message)).toContain('missing required property "usage_segments"');
    expect(validate(example('gap-disclosure-page.json'), { kind: 'segment' }).valid).toBe(false);
  });
});
