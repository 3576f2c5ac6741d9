import type { Rule } from '../../src/registry.js';

export function renderRulesMarkdown(rules: readonly Rule[]): string;
export function whenReported(rule: Rule): string;
