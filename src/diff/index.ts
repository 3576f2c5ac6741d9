export { DIFF_RULES, getDiffRule, type DiffRule, type DiffRuleId, type DiffArea } from './catalogue.js';
export type { Change } from './change.js';
export { diffSpecFiles, diffSpecs, summarize, type DiffReport, type DiffSummary, type DiffOptions, type DiffHints } from './diff.js';
export { DiffInputError } from './load.js';
export { renderReport, renderText, renderJson, renderMarkdown, renderJunit, fails, DIFF_FORMATS, FAIL_ON, type DiffFormat, type FailOn } from './render.js';
