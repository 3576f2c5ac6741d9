/**
 * The conformance report as one self-contained HTML file (`validate --report`,
 * `crawl --report`): its style inline, no script, no font, no image file,
 * no link that loads anything, so it opens offline and makes no request. A
 * verdict, counts, the findings grouped by rule (source class, the texts the
 * rule rests on, what it checks, each finding with how to fix it), and the
 * timeline picture with each finding marked on it: a finding links to its
 * segment on the picture and the mark links back.
 *
 * Generic over the command: the caller (src/cli/) says what a code means
 * (the checker's registry, the crawler's codes) and adds its own sections
 * (a crawl's pages, probes and checks).
 */
import { xmlText } from '../xml.js';
import { plural } from '../words.js';
import type { TimelineData } from '../timeline/data.js';
import { timelineAggregated, timelineSvg } from '../timeline/svg.js';
import { timelineTable } from '../timeline/table.js';

export interface ReportFinding {
  readonly level: 'error' | 'warning';
  readonly code: string;
  /** The file or URL the finding is in. */
  readonly where: string;
  /** JSON Pointer inside it ('' the whole document; absent: not about a document's content). */
  readonly path?: string;
  readonly message: string;
  /** Bars of the timeline picture that draw the finding's segment. */
  readonly bars: readonly string[];
}

/** What a code means, for its group's heading. */
export interface CodeInfo {
  readonly sourceClass: string;
  readonly summary: string;
  /** Where it rests, `key §section Lline` each. */
  readonly cites: readonly string[];
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Said under the title (e.g. a cap). */
  readonly note?: string;
}

export interface ConformanceReport {
  readonly title: string;
  /** The tool and version that wrote it. */
  readonly generator: string;
  readonly pass: boolean;
  readonly verdict: string;
  readonly counts: ReadonlyArray<readonly [string, string]>;
  readonly findings: readonly ReportFinding[];
  readonly timeline: TimelineData | null;
  readonly sections?: readonly ReportSection[];
  /** Findings beyond those listed, counted only. */
  readonly omitted?: number;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1000px;padding:0 16px;color:#1a1a1a}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:15px;margin-bottom:4px}
.verdict{font-size:18px;font-weight:600;padding:8px 12px;border-radius:4px;display:inline-block}
.pass{background:#e5f4e8;color:#185c2a}.fail{background:#fbe6e6;color:#8a1c1c}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5}.error{color:#8a1c1c;font-weight:600}.warning{color:#8a5200;font-weight:600}
code{background:#f3f3f3;padding:0 3px}.rule{margin:12px 0}.meta{color:#555}
ol.findings li{margin:4px 0}li:target,tr:target{background:#fff5c2}
.timeline svg{max-width:100%;height:auto}details{margin:8px 0}`;

/** The anchor of the i-th finding (`f-e…` errors, `f-w…` warnings: the picture colours marks by it). */
export function findingAnchor(f: ReportFinding, i: number): string {
  return `f-${f.level === 'error' ? 'e' : 'w'}${i}`;
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, escape = true): string {
  const cell = (s: string) => (escape ? xmlText(s) : s);
  return `<table><thead><tr>${head.map((h) => `<th>${xmlText(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

/** The findings grouped by code, errors' codes first, then by count. */
function groups(findings: readonly ReportFinding[]): Array<{ code: string; level: string; items: Array<{ f: ReportFinding; i: number }> }> {
  const by = new Map<string, { code: string; level: string; items: Array<{ f: ReportFinding; i: number }> }>();
  findings.forEach((f, i) => {
    const key = `${f.level}\u0000${f.code}`;
    let g = by.get(key);
    if (!g) by.set(key, (g = { code: f.code, level: f.level, items: [] }));
    g.items.push({ f, i });
  });
  return [...by.values()].sort((a, b) => (a.level === b.level ? b.items.length - a.items.length || (a.code < b.code ? -1 : 1) : a.level === 'error' ? -1 : 1));
}

/** The report as HTML; `info` says what a code means (undefined: unknown code, shown without). */
export function renderHtmlReport(r: ConformanceReport, info: (code: string) => CodeInfo | undefined): string {
  const anchorsOf = new Map<string, string[]>();
  r.findings.forEach((f, i) => {
    for (const b of f.bars) {
      const list = anchorsOf.get(b) ?? [];
      list.push(findingAnchor(f, i));
      anchorsOf.set(b, list);
    }
  });
  const findingsOf = (bar: string) => anchorsOf.get(bar) ?? [];
  const prefix = 'tl';
  const aggregated = r.timeline !== null && timelineAggregated(r.timeline);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="generator" content="${xmlText(r.generator)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty icon: without it a browser asks the server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${xmlText(r.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${xmlText(r.title)}</h1>`,
    `<p class="verdict ${r.pass ? 'pass' : 'fail'}" id="verdict">${xmlText(r.verdict)}</p>`,
    table(['', ''], r.counts.map(([k, v]) => [k, v])),
    `<p class="meta">Written by ${xmlText(r.generator)}. Findings: ${plural(r.findings.filter((f) => f.level === 'error').length, 'error')}, ${plural(r.findings.filter((f) => f.level === 'warning').length, 'warning')} listed${r.omitted ? `, ${r.omitted} more not listed` : ''}.</p>`,
  ];
  if (r.timeline !== null) {
    out.push('<h2 id="timeline">Timeline</h2>');
    out.push('<p class="meta">One row per series (related ids and measurement), time across. A small square on a segment is a finding about it: it links to the finding, and each finding links back here.</p>');
    out.push(`<div class="timeline">${timelineSvg(r.timeline, { idPrefix: prefix, findingsOf })}</div>`);
    out.push(`<details><summary>The timeline as a table</summary>${timelineTable(r.timeline, { idPrefix: prefix, findingsOf })}</details>`);
  }
  out.push('<h2 id="findings">Findings by rule</h2>');
  if (r.findings.length === 0) out.push('<p>No findings.</p>');
  for (const g of groups(r.findings)) {
    const i = info(g.code);
    out.push(`<section class="rule" id="rule-${xmlText(g.code)}"><h3><code>${xmlText(g.code)}</code> <span class="${g.level}">${g.level}</span> · ${plural(g.items.length, 'finding')}</h3>`);
    if (i !== undefined) {
      out.push(`<p class="meta">Source class: <strong>${xmlText(i.sourceClass)}</strong>${i.cites.length > 0 ? ` · rests on ${i.cites.map((c) => `<code>${xmlText(c)}</code>`).join(', ')}` : ''}</p>`);
      out.push(`<p>${xmlText(i.summary)}</p>`);
    }
    out.push('<ol class="findings">');
    for (const { f, i: n } of g.items) {
      const anchor = findingAnchor(f, n);
      // Back to the picture: the segment's first bar, or its row when the picture is aggregated (no bar elements then).
      const bar = f.bars[0];
      const target = bar === undefined ? null : aggregated ? `${prefix}-t-${bar}` : `${prefix}-${bar}`;
      const link = target === null ? '' : ` <a href="#${xmlText(target)}">on the timeline</a>`;
      out.push(`<li id="${anchor}"><code>${xmlText(f.where)}</code>${f.path === undefined ? '' : ` <code>${xmlText(f.path === '' ? '(root)' : f.path)}</code>`}: ${xmlText(f.message)}${link}</li>`);
    }
    out.push('</ol></section>');
  }
  for (const s of r.sections ?? []) {
    out.push(`<h2 id="${xmlText(s.id)}">${xmlText(s.title)}</h2>`);
    if (s.note !== undefined) out.push(`<p class="meta">${xmlText(s.note)}</p>`);
    out.push(table(s.head, s.rows));
  }
  out.push('</body></html>', '');
  return out.join('\n');
}

/** The Markdown summary for CI job summaries: verdict, counts, findings per rule, the first findings. */
export function renderMarkdownSummary(r: ConformanceReport, info: (code: string) => CodeInfo | undefined, maxFindings = 20): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const lines = [`## ${esc(r.title)}`, '', `**${r.pass ? '✅' : '❌'} ${esc(r.verdict)}**`, '', '| | |', '|---|---|', ...r.counts.map(([k, v]) => `| ${esc(k)} | ${esc(v)} |`), ''];
  const gs = groups(r.findings);
  if (gs.length > 0) {
    lines.push('| rule | level | findings | source class |', '|---|---|---|---|');
    for (const g of gs) lines.push(`| \`${g.code}\` | ${g.level} | ${g.items.length} | ${info(g.code)?.sourceClass ?? ''} |`);
    lines.push('');
    const first = r.findings.slice(0, maxFindings);
    lines.push(`First ${plural(first.length, 'finding')}${r.findings.length > first.length || r.omitted ? ` of ${r.findings.length + (r.omitted ?? 0)}` : ''}:`, '');
    for (const f of first) lines.push(`- ${f.level} \`${f.code}\` \`${esc(f.where)}\`${f.path === undefined || f.path === '' ? '' : ` \`${esc(f.path)}\``}: ${esc(f.message)}`);
    lines.push('');
  }
  lines.push(`<sub>${esc(r.generator)}</sub>`, '');
  return lines.join('\n');
}
