/**
 * The fault table of the "test your Client" guide, from the fault registry
 * and the code registries: for each fault, the code the crawler reports,
 * that code's level, and the crawl's exit status. One source: the guide's
 * region is regenerated from here (`npm run docs:faults --workspace server`)
 * and a test fails when it is stale.
 */
import { getCrawlCode, getRule } from 'cds-usage-segments';
import { FAULTS, type Fault } from './faults.js';

// The marker is in the rendered reference's text too, so it names no maintainer command (the guide reaches readers).
export const FAULT_TABLE_START = '<!-- faults: generated from the fault registry, server/src/faults.ts -->';
export const FAULT_TABLE_END = '<!-- /faults -->';

/** The level of a crawler or checker code; undefined for an unregistered code. */
export function levelOfCode(code: string): 'error' | 'warning' | undefined {
  return getCrawlCode(code)?.level ?? getRule(code)?.level;
}

/** The level a fault must be reported with: `warning` when the registry says why, else `error`. */
export function expectedLevel(fault: Fault): 'error' | 'warning' {
  return fault.warning === undefined ? 'error' : 'warning';
}

/** The exit status of a crawl of the faulty Server: 1 when the fault's code is an error or it also trips an error code. */
export function expectedExit(fault: Fault): 0 | 1 {
  if (fault.detectedBy === null) return 0;
  return expectedLevel(fault) === 'error' || fault.failsBy !== undefined ? 1 : 0;
}

/** The `crawl` options a fault needs, as typed on the command line ('' for none). */
export function crawlFlags(fault: Fault): string {
  const flags: string[] = [];
  if (fault.crawl?.timeoutMs !== undefined) flags.push(`\`--timeout-ms ${fault.crawl.timeoutMs}\``);
  if (fault.crawl?.maxBodyBytes !== undefined) flags.push(`\`--max-body-bytes ${fault.crawl.maxBodyBytes}\``);
  return flags.join(' ');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The Markdown table, one row per fault. */
export function faultTable(): string {
  const rows = (FAULTS as readonly Fault[]).map((f) => {
    if (f.detectedBy === null) return `| \`${f.name}\` | ${cell(f.summary)} | defaults | none | — | 0: the crawler cannot see it (${cell(f.undetectable ?? '')}) |`;
    const level = expectedLevel(f);
    const exit = level === 'error' ? '1' : f.failsBy !== undefined ? `1 (\`${f.failsBy}\` error too; ${cell(f.warning ?? '')})` : `0 (${cell(f.warning ?? '')})`;
    return `| \`${f.name}\` | ${cell(f.summary)} | ${crawlFlags(f) || 'defaults'} | \`${f.detectedBy}\` | ${level} | ${exit} |`;
  });
  return ['| fault | what the Server does | crawl options | code | level | `crawl` exit |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `text` with its fault region rewritten; throws when the markers are missing. */
export function withFaultTable(text: string): string {
  const a = text.indexOf(FAULT_TABLE_START);
  const b = text.indexOf(FAULT_TABLE_END);
  if (a < 0 || b < a) throw new Error('the guide has no fault table region');
  return `${text.slice(0, a + FAULT_TABLE_START.length)}\n${faultTable()}\n${text.slice(b)}`;
}
