import { plural } from '../words.js';
import type { CrawlReport } from './crawl.js';
import { getCrawlCode } from './codes.js';

function xml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; markup characters are escaped.
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A JUnit XML report of a crawl: one test case per check (`document` for the
 * checker's problems inside pages, then one per crawler code), so that CI
 * systems list every check. A check with an error finding fails (each finding
 * one line of the failure text); warnings go to the case's system-out;
 * skipped checks say why.
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
  const failures = report.checks.filter((c) => c.status === 'failed').length;
  const skipped = report.checks.filter((c) => c.status === 'skipped').length;
  const seconds = (report.durationMs / 1000).toFixed(3);
  const cases = report.checks.map((c) => {
    const lines = byCheck.get(c.name) ?? [];
    const open = `    <testcase classname="cds-usage-segments.crawl" name="${xml(c.name)}" time="0">`;
    if (c.status === 'failed') {
      const errors = lines.filter((l) => l.startsWith('error '));
      return `${open}\n      <failure message="${xml(plural(errors.length, 'error'))}" type="${xml(c.name)}">${xml(lines.join('\n'))}</failure>\n    </testcase>`;
    }
    if (c.status === 'skipped') return `${open}\n      <skipped message="${xml(c.reason ?? '')}"/>\n    </testcase>`;
    if (lines.length > 0) return `${open}\n      <system-out>${xml(lines.join('\n'))}</system-out>\n    </testcase>`;
    return `${open}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cds-usage-segments crawl" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}" time="${seconds}">`,
    `  <testsuite name="${xml(`crawl ${report.url}`)}" tests="${report.checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}">`,
    `    <properties><property name="model" value="${xml(report.model)}"/><property name="pages" value="${report.pages}"/><property name="segments" value="${report.segments}"/><property name="requests" value="${report.requests}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
