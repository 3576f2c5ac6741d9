/**
 * `--report FILE.html` and `--summary FILE.md` of `validate` and `crawl`:
 * what a code means (the checker's registry with the texts each rule rests
 * on, from the traceability table; the crawler's codes), and the report of
 * each command built from what it already computed (nothing is checked twice).
 */
import { writeFile } from 'node:fs/promises';
import { getCrawlCode } from '../crawl/codes.js';
import type { CrawlReport } from '../crawl/crawl.js';
import type { CheckedPage } from '../crawl/state.js';
import { getRule } from '../registry.js';
import { RULE_CITATIONS } from '../rule-citations.js';
import type { CodeInfo, ConformanceReport, ReportFinding } from '../report/html.js';
import { redactTimeline, timelineData, type TimelineData, type TimelineInput } from '../timeline/data.js';
import { plural } from '../words.js';
import type { OptionSpec } from './options.js';
import type { FileEntry } from './report.js';
import { PROGRAM, version } from './version.js';

export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'report', type: 'string', value: 'FILE', help: 'Also write a self-contained HTML report (verdict, findings by rule,\nthe timeline picture); it opens offline.' },
  { name: 'summary', type: 'string', value: 'FILE', help: 'Also write a Markdown summary (for CI job summaries).' },
];

/** What a code means: a checker rule (with its citations) or a crawler code. */
export function codeInfo(code: string): CodeInfo | undefined {
  const rule = getRule(code);
  if (rule !== undefined) return { sourceClass: rule.sourceClass, summary: rule.summary, cites: [...new Set((RULE_CITATIONS.get(code) ?? []).map((c) => c.cite))] };
  const crawl = getCrawlCode(code);
  if (crawl !== undefined) return { sourceClass: crawl.source, summary: crawl.summary, cites: [] };
  return undefined;
}

export function wantsReport(values: Record<string, string | boolean | undefined>): boolean {
  return typeof values.report === 'string' || typeof values.summary === 'string';
}

/**
 * Write the files asked for. `redaction`: a crawl's redaction and secrets
 * (token, URL tokens). The crawl's report is built from redacted strings
 * (crawlReport); a file that still holds a secret verbatim is redacted whole
 * before it is written (a safety net that costs one search when nothing is
 * left: redacting a whole report of a big crawl would cost seconds).
 */
export async function writeReports(
  values: Record<string, string | boolean | undefined>,
  report: ConformanceReport,
  redaction: { readonly redact: (s: string) => string; readonly secrets: readonly string[] } | null = null,
): Promise<void> {
  if (typeof values.report !== 'string' && typeof values.summary !== 'string') return;
  // The report renderer and its timeline picture (d3-scale) load only when a report is asked for.
  const { renderHtmlReport, renderMarkdownSummary } = await import('../report/html.js');
  const safe = (text: string): string => (redaction !== null && redaction.secrets.some((t) => t !== '' && text.includes(t)) ? redaction.redact(text) : text);
  if (typeof values.report === 'string') await writeFile(values.report, safe(renderHtmlReport(report, codeInfo)));
  if (typeof values.summary === 'string') await writeFile(values.summary, safe(renderMarkdownSummary(report, codeInfo)));
}

const GENERATOR = (): string => `${PROGRAM} ${version()}`;

function timelineCounts(t: TimelineData): Array<[string, string]> {
  return [
    ['segments on the timeline', String(t.segments)],
    ['series', String(t.rows.length)],
    ['holes', String(t.rows.reduce((s, r) => s + r.holes.length, 0))],
    ['overlaps', String(t.rows.reduce((s, r) => s + r.overlaps.length, 0))],
  ];
}

/** The findings of a picture's inputs, each placed on its bars; `where` names the input. */
function placedFindings(t: TimelineData): ReportFinding[] {
  return t.findings.map((f) => ({ level: f.level, code: f.problem.code, where: t.inputs[f.input] ?? '', path: f.problem.path, message: f.problem.message, bars: f.bars }));
}

/** `validate`'s report: the files checked (inputs with their checker results) and those that could not be. */
export function validateReport(inputs: readonly TimelineInput[], files: readonly FileEntry[], valid: boolean): ConformanceReport {
  const timeline = timelineData(inputs);
  const findings = placedFindings(timeline);
  const errors = files.reduce((n, f) => n + f.errors, 0);
  const warnings = files.reduce((n, f) => n + f.warnings, 0);
  const unreadable = files.filter((f) => f.failure !== undefined);
  const omitted = files.reduce((n, f) => n + f.omittedErrors + f.omittedWarnings, 0);
  return {
    title: `Conformance report: validate, ${plural(files.length, 'file')}`,
    generator: GENERATOR(),
    pass: valid,
    verdict: valid ? 'valid: no errors' : unreadable.length > 0 ? `not checked: ${plural(unreadable.length, 'file')} could not be read` : `invalid: ${plural(errors, 'error')}`,
    counts: [['files', String(files.length)], ['errors', String(errors)], ['warnings', String(warnings)], ['model', timeline.model], ...timelineCounts(timeline)],
    findings,
    omitted,
    timeline,
    sections: [
      {
        id: 'files',
        title: 'Files',
        head: ['file', 'model', 'verdict', 'errors', 'warnings'],
        rows: files.map((f) => [f.file === '-' ? '<stdin>' : f.file, f.model ?? '', f.failure ?? (f.model === undefined ? 'not checked' : f.valid ? 'valid' : 'invalid'), String(f.errors), String(f.warnings)]),
      },
    ],
  };
}

/**
 * `crawl`'s report: the crawl's findings (already redacted), the pages kept
 * as they were checked (their timeline, its strings redacted with `redact`),
 * and every check with its result.
 */
export function crawlReport(r: CrawlReport, pages: readonly CheckedPage[], redact: (s: string) => string): ConformanceReport {
  const inputs: TimelineInput[] = pages.map((p) => ({
    label: `page ${p.number}`,
    doc: p.doc,
    checked: {
      problems: [...p.result.errors.map((problem) => ({ problem, level: 'error' as const })), ...p.result.warnings.map((problem) => ({ problem, level: 'warning' as const }))],
      entries: p.timeline,
    },
  }));
  // What the pages say (ids, labels) passes through the crawl's redaction, string by string; the findings and URLs already did.
  const timeline = pages.length > 0 ? redactTimeline(timelineData(inputs, { model: r.model === 'unknown' ? 'auto' : r.model }), redact) : null;
  // The crawl's findings are the list (redacted, capped); a page problem is placed on the picture by its page and path.
  const pageOf = new Map(pages.map((p, i) => [p.url, i]));
  const barsOf = new Map<string, readonly string[]>();
  for (const f of timeline?.findings ?? []) barsOf.set(`${f.input}\u0000${f.problem.path}\u0000${f.problem.code}`, f.bars);
  const findings: ReportFinding[] = r.findings.map((f) => {
    const input = pageOf.get(f.url);
    const bars = input === undefined || f.path === undefined ? [] : (barsOf.get(`${input}\u0000${f.path}\u0000${f.code}`) ?? []);
    return { level: f.level, code: f.code, where: f.url, ...(f.path === undefined ? {} : { path: f.path }), message: f.message, bars };
  });
  const listed = r.findings.filter((f) => f.code !== 'findings-omitted');
  const errors = listed.filter((f) => f.level === 'error').length + r.omittedErrors;
  const warnings = listed.length + r.omittedFindings - errors;
  return {
    title: `Conformance report: crawl of ${r.url}`,
    generator: GENERATOR(),
    pass: r.conformant,
    verdict: r.conformant ? 'conformant: no errors' : `not conformant: ${plural(errors, 'error')}`,
    counts: [
      ['pages', String(r.pages)],
      ['segments', String(r.segments)],
      ['requests', String(r.requests)],
      ['duration', `${(r.durationMs / 1000).toFixed(1)} s`],
      ['model', r.model],
      ['errors', String(errors)],
      ['warnings', String(warnings)],
      ...(timeline === null ? [] : timelineCounts(timeline)),
    ],
    findings,
    omitted: r.omittedFindings,
    timeline,
    sections: [
      { id: 'checks', title: 'Checks and probes', head: ['check', 'result', 'why skipped'], rows: r.checks.map((c) => [c.name, c.status, c.reason ?? '']) },
      {
        id: 'pages',
        title: 'Pages',
        head: ['page', 'URL', 'segments', 'errors', 'warnings'],
        rows: pages.map((p) => [String(p.number), p.url, String(Array.isArray(p.doc.usage_segments) ? p.doc.usage_segments.length : 0), String(p.result.errors.length + p.result.omittedErrors), String(p.result.warnings.length + p.result.omittedWarnings)]),
      },
    ],
  };
}
