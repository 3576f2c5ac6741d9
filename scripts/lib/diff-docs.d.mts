import type { DiffRule, DiffReport, DiffOptions } from '../../src/diff/index.js';

export function renderDiffRulesMarkdown(rules: readonly DiffRule[]): string;
export const MODEL_CHANGE_PAIR: { readonly old: string; readonly new: string };
export function renderModelChangesMarkdown(
  root: string,
  differ: { diffSpecFiles(oldFile: string, newFile: string, options?: DiffOptions): DiffReport; renderMarkdown(report: DiffReport, title?: string): string },
): string;
