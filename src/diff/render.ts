/** The diff report as text, JSON, Markdown and JUnit XML. */
import { plural } from '../words.js';
import { renderJUnitXml, type JUnitCase } from '../junit.js';
import { DIFF_RULES, getDiffRule } from './catalogue.js';
import type { Change } from './change.js';
import type { DiffReport } from './diff.js';
import { PROGRAM } from '../program.js';

export type DiffFormat = 'text' | 'json' | 'markdown' | 'junit';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown', 'junit'];

/** Which breaking changes fail a run: none, those breaking Clients, those breaking Servers, or either. */
export type FailOn = 'none' | 'client' | 'server' | 'any';
export const FAIL_ON: readonly FailOn[] = ['none', 'client', 'server', 'any'];

export function fails(change: Change, failOn: FailOn): boolean {
  if (failOn === 'client') return change.breaksClients;
  if (failOn === 'server') return change.breaksServers;
  if (failOn === 'any') return change.breaksClients || change.breaksServers;
  return false;
}

/** Whom a change breaks, in words. */
export function impact(c: Change): string {
  if (c.breaksClients && c.breaksServers) return 'breaks Clients and Servers';
  if (c.breaksClients) return 'breaks Clients';
  if (c.breaksServers) return 'breaks Servers';
  return 'compatible';
}

/** The location without the common operation prefix, for humans. */
function shortLocation(loc: string): string {
  return loc.replace(/^#\/paths\/[^/]+\/[a-z]+\/responses\/200\/content\/application~1json\/schema/, '(200 body)');
}

function summaryLine(report: DiffReport): string {
  const s = report.summary;
  if (s.total === 0) return 'no changes';
  return `${plural(s.total, 'change')}: ${s.breakingForClients} breaking for Clients, ${s.breakingForServers} breaking for Servers`;
}

export function renderText(report: DiffReport): string {
  const lines = [`${report.old} → ${report.new}`];
  for (const c of report.changes) {
    lines.push(`${c.rule} [${impact(c)}] ${shortLocation(c.location)}${c.component ? ` (${c.component})` : ''}: ${c.message}`);
  }
  lines.push(summaryLine(report), '');
  return lines.join('\n');
}

export function renderJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown: a summary table per rule, then every change grouped by rule. */
export function renderMarkdown(report: DiffReport, title = 'Spec changes'): string {
  const lines = [`# ${title}`, '', `From \`${report.old}\` to \`${report.new}\`: ${summaryLine(report)}.`, ''];
  if (report.summary.total === 0) return lines.join('\n');
  lines.push('| rule | changes | breaks Clients | breaks Servers |', '|---|---|---|---|');
  for (const [id, count] of Object.entries(report.summary.byRule)) {
    const r = getDiffRule(id as Change['rule']);
    lines.push(`| \`${id}\` | ${count} | ${r.breaksClients ? 'yes' : 'no'} | ${r.breaksServers ? 'yes' : 'no'} |`);
  }
  lines.push('');
  for (const r of DIFF_RULES) {
    const mine = report.changes.filter((c) => c.rule === r.id);
    if (mine.length === 0) continue;
    lines.push(`## \`${r.id}\` — ${impact(mine[0]!)}`, '', r.meaning, '', '| where | schema | change |', '|---|---|---|');
    for (const c of mine) lines.push(`| \`${mdCell(shortLocation(c.location))}\` | ${c.component ? mdCell(c.component) : ''} | ${mdCell(c.message)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** JUnit XML: one test case per change; a change that `failOn` counts is a failure. */
export function renderJunit(report: DiffReport, failOn: FailOn): string {
  const cases = report.changes.map((c): JUnitCase => {
    const base = { classname: c.rule, name: `${c.rule} ${c.location}` };
    return fails(c, failOn) ? { ...base, failure: { message: c.message, type: impact(c), text: c.message } } : base;
  });
  return renderJUnitXml(`${PROGRAM} diff`, [{ name: `${report.old} → ${report.new}`, cases }]);
}

export function renderReport(report: DiffReport, format: DiffFormat, failOn: FailOn = 'any'): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'junit':
      return renderJunit(report, failOn);
    default:
      return renderText(report);
  }
}
