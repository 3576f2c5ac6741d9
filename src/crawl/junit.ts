import { plural } from '../words.js';
import { renderJUnitXml, type JUnitCase } from '../junit.js';
import type { CrawlReport } from './crawl.js';
import { getCrawlCode } from './codes.js';
import { PROGRAM } from '../program.js';

/**
 * A JUnit XML report of a crawl: one test case per check (`document` for the
 * checker's problems inside pages, then one per crawler code), so that CI
 * systems list every check. A check with an error finding fails (each finding
 * one line of the failure text); warnings go to the case's system-out;
 * skipped checks say why. The findings are the report's, already redacted.
 */
export function renderJUnit(report: CrawlReport): string {
  const byCheck = new Map<string, string[]>();
  const lineOf = (f: CrawlReport['findings'][number]): string => `${f.level} ${f.code} ${f.url}${f.path === undefined ? '' : ` ${f.path}`}: ${f.message}`;
  for (const f of report.findings) {
    const check = getCrawlCode(f.code) === undefined ? 'document' : f.code;
    let lines = byCheck.get(check);
    if (lines === undefined) byCheck.set(check, (lines = []));
    lines.push(lineOf(f));
  }
  const cases = report.checks.map((c): JUnitCase => {
    const lines = byCheck.get(c.name) ?? [];
    const base = { classname: `${PROGRAM}.crawl`, name: c.name };
    if (c.status === 'failed') {
      const errors = lines.filter((l) => l.startsWith('error ')).length;
      return { ...base, failure: { message: plural(errors, 'error'), type: c.name, text: lines.join('\n') } };
    }
    if (c.status === 'skipped') return { ...base, skipped: c.reason ?? '' };
    return { ...base, systemOut: lines.join('\n') };
  });
  const properties: Array<[string, string]> = [
    ['model', report.model],
    ['pages', String(report.pages)],
    ['segments', String(report.segments)],
    ['requests', String(report.requests)],
  ];
  const time = report.durationMs / 1000;
  return renderJUnitXml(`${PROGRAM} crawl`, [{ name: `crawl ${report.url}`, time, properties, cases }], time);
}
