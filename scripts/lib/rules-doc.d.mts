import type { Rule } from '../../src/registry.js';

export function renderRulesMarkdown(rules: readonly Rule[]): string;
