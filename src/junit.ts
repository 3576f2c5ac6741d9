/**
 * JUnit XML, the one writer behind `validate --junit`, `crawl --junit` and
 * `diff --format junit`. The shape is the one Jenkins' xunit plugin accepts
 * (its junit-10.xsd; test/fixtures/junit/junit.xsd restates it and the tests
 * validate every file the CLI writes with xmllint): `<testsuites>` carries
 * name, tests, failures, errors and time only; every `<testsuite>` carries
 * name, tests, failures and errors (required there), skipped and time.
 * Counts are derived from the cases, so they cannot disagree with them.
 */
import { xmlText } from './xml.js';

/** One test case: passed unless it has a failure, an error or a skip reason. */
export interface JUnitCase {
  readonly classname: string;
  readonly name: string;
  /** A check that found errors: `message` is the short line, `text` the details. */
  readonly failure?: { readonly message: string; readonly type: string; readonly text: string };
  /** A check that could not run (e.g. an unreadable file). */
  readonly error?: { readonly message: string; readonly type: string; readonly text: string };
  /** Why the check was skipped. */
  readonly skipped?: string;
  /** Informative lines (warnings) of a case that did not fail. */
  readonly systemOut?: string;
}

export interface JUnitSuite {
  readonly name: string;
  /** Seconds. */
  readonly time?: number;
  readonly properties?: ReadonlyArray<readonly [string, string]>;
  readonly cases: readonly JUnitCase[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function countCases(cases: readonly JUnitCase[]): Counts {
  const c: Counts = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const t of cases) {
    if (t.failure !== undefined) c.failures++;
    else if (t.error !== undefined) c.errors++;
    else if (t.skipped !== undefined) c.skipped++;
  }
  return c;
}

/** Seconds as the schema's decimal (no exponent, no sign). */
function seconds(s: number | undefined): string {
  return s === undefined || !Number.isFinite(s) || s < 0 ? '' : ` time="${s.toFixed(3)}"`;
}

function outcome(tag: 'failure' | 'error', o: { message: string; type: string; text: string }): string {
  return `      <${tag} message="${xmlText(o.message)}" type="${xmlText(o.type)}">${xmlText(o.text)}</${tag}>`;
}

function caseXml(t: JUnitCase): string {
  const open = `    <testcase classname="${xmlText(t.classname)}" name="${xmlText(t.name)}"`;
  const body: string[] = [];
  // One outcome per case (failure wins over error, error over skipped), as countCases counts it.
  if (t.failure !== undefined) body.push(outcome('failure', t.failure));
  else if (t.error !== undefined) body.push(outcome('error', t.error));
  else if (t.skipped !== undefined) body.push(`      <skipped message="${xmlText(t.skipped)}"/>`);
  if (t.systemOut !== undefined && t.systemOut !== '') body.push(`      <system-out>${xmlText(t.systemOut)}</system-out>`);
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
}

function suiteXml(s: JUnitSuite): string[] {
  const c = countCases(s.cases);
  const lines = [`  <testsuite name="${xmlText(s.name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"${seconds(s.time)}>`];
  if (s.properties !== undefined && s.properties.length > 0) {
    lines.push(`    <properties>${s.properties.map(([n, v]) => `<property name="${xmlText(n)}" value="${xmlText(v)}"/>`).join('')}</properties>`);
  }
  lines.push(...s.cases.map(caseXml), '  </testsuite>');
  return lines;
}

/** A whole JUnit document: `<testsuites>` with the totals of its suites (no `skipped` there: the schema has none). */
export function renderJUnitXml(name: string, suites: readonly JUnitSuite[], time?: number): string {
  const total = countCases(suites.flatMap((s) => s.cases));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}"${seconds(time)}>`,
    ...suites.flatMap(suiteXml),
    '</testsuites>',
    '',
  ].join('\n');
}
