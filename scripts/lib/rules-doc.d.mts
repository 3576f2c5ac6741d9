import type { Rule } from '../../src/registry.js';

export function renderRulesMarkdown(rules: readonly Rule[], modules: ReadonlyMap<string, readonly string[]>): string;
export function checkedBy(rule: Rule, modules: ReadonlyMap<string, readonly string[]>): string;
export function whenReported(rule: Rule): string;
