// What the generated sections of docs/benchmarks.md (the ESPI import's,
// bench/espi-report.mjs, and the conformance report's, bench/report-section.mjs)
// have in common: the table of targets and how a section between its markers
// is put into the page, so that both are written and kept the same way.

/** The table of a run's targets, each measured value and PASS or FAIL, as Markdown lines. */
export function targetTable(targets) {
  return ['| target | measured | result |', '| --- | ---: | ---: |', ...targets.map((t) => `| ${t.name} | ${t.measured} | ${t.pass ? 'PASS' : 'FAIL'} |`)];
}

/** The page with the section between `start` and `end` replaced (or appended when it has none). */
export function replaceSection(page, section, start, end) {
  const a = page.indexOf(start);
  const b = page.indexOf(end);
  if (a !== -1 && b > a) return page.slice(0, a) + section + page.slice(b + end.length);
  return page.replace(/\n*$/, '\n\n') + section + '\n';
}
