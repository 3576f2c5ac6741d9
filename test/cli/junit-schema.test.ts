// Every JUnit file the CLI writes (validate --junit, crawl --junit, diff
// --format junit) validated with a real XML Schema validator, xmllint
// (Debian libxml2-utils; .ci/run installs it), against the JUnit schema that
// Jenkins' xunit plugin uses (test/fixtures/junit/junit.xsd, see its NOTICE).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/cli.js';
import { examplePage, honestAnswer, listen, send, type StandIn, TOKEN } from '../crawl/stand-in.js';
import { diffSpecs } from '../../src/diff/diff.js';
import { renderReport } from '../../src/diff/render.js';
import { patched } from '../diff/helpers.js';

const XSD = join(ROOT, 'test/fixtures/junit/junit.xsd');
const dir = mkdtempSync(join(tmpdir(), 'cds-junit-'));
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

/** xmllint's verdict on one file: the exit status and its messages. */
function schemaCheck(file: string): { status: number | null; messages: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: r.status, messages: r.stderr.trim() };
}

function expectValid(file: string): void {
  expect(schemaCheck(file)).toEqual({ status: 0, messages: `${file} validates` });
}

/** The counts of the root and of each suite, as attributes. */
function counts(xml: string): string[] {
  return [...xml.matchAll(/<(testsuites?) [^>]*?tests="(\d+)" failures="(\d+)" errors="(\d+)"(?: skipped="(\d+)")?/g)].map((m) => m.slice(1).filter((x) => x !== undefined).join(' '));
}

// Without xmllint the schema cannot be checked at all; say so rather than pass.
describe.skipIf(!HAS_XMLLINT)('JUnit output against the xunit JUnit schema (xmllint; skipped: xmllint not on PATH, apt-get install libxml2-utils)', () => {
  let server: StandIn;
  let url = '';
  beforeAll(async () => {
    const page = examplePage('2024');
    server = await listen((req, res) => send(res, honestAnswer(page, req.url ?? '/', req.headers.authorization)));
    url = `${server.origin}/api/usagesegments`;
  });
  afterAll(() => server.close());

  it('the schema refuses the shape the crawl and diff wrote before (skipped on <testsuites>, no errors on <testsuite>)', () => {
    const file = join(dir, 'old-shape.xml');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="x" tests="1" failures="0" skipped="0">\n  <testsuite name="s" tests="1" failures="0">\n    <testcase name="t"/>\n  </testsuite>\n</testsuites>\n');
    const r = schemaCheck(file);
    expect(r.status).not.toBe(0);
    expect(r.messages).toContain("attribute 'skipped': The attribute 'skipped' is not allowed");
    expect(r.messages).toContain("The attribute 'errors' is required but missing");
  });

  it('validate --junit: one case per file; a failure per invalid file, an error per unreadable one', async () => {
    const file = join(dir, 'validate.xml');
    const files = ['docs/examples/timing-offsets.json', 'docs/examples/valueset-short.json', 'docs/examples/no-such-file.json', 'docs/examples/extension-format.json'].map((f) => join(ROOT, f));
    const r = await runCli(['validate', '--strict', '--junit', file, ...files]);
    expect(r.code).toBe(2);
    const xml = readFileSync(file, 'utf8');
    expectValid(file);
    expect(counts(xml)).toEqual(['testsuites 4 1 1', 'testsuite 4 1 1 0']);
    expect(xml).toMatch(/name="[^"]*valueset-short\.json">\n {6}<failure message="1 error, 0 warnings" type="invalid">error \/values\/0 value-set-length /);
    expect(xml).toMatch(/name="[^"]*no-such-file\.json">\n {6}<error /);
    // A valid file's warnings are listed, not failed.
    expect(xml).toMatch(/name="[^"]*extension-format\.json">\n {6}<system-out>model 2024\nwarning \/format\/1 unknown-format /);
  });

  it('crawl --junit, with probes and without (skipped checks)', async () => {
    const skipped: number[] = [];
    for (const extra of [[], ['--no-probes']]) {
      const file = join(dir, `crawl${extra.join('')}.xml`);
      const r = await runCli(['crawl', url, '--token', TOKEN, '--junit', file, ...extra]);
      expect(r.code).toBe(0);
      expectValid(file);
      const xml = readFileSync(file, 'utf8');
      skipped.push((xml.match(/<skipped /g) ?? []).length);
      expect(xml).toContain(`skipped="${skipped.at(-1)}"`);
    }
    expect(skipped[1]).toBeGreaterThan(skipped[0]!);
  });

  it('diff --format junit', () => {
    const file = join(dir, 'diff.xml');
    // One change that breaks Clients (a failure) and one that breaks no one (a passed case).
    const pair = [patched([]), patched([{ delete: '/components/schemas/UsageSegment/properties/cds_created' }, { set: '/components/schemas/KnownFormat/enum', value: ['kwh_fwd', 'kwh_rev', 'gap', 'kwh_net'] }])] as const;
    writeFileSync(file, renderReport(diffSpecs(pair[0], pair[1], { oldLabel: 'a <old>', newLabel: 'b & "new"' }), 'junit', 'any'));
    expectValid(file);
    expect(counts(readFileSync(file, 'utf8'))).toEqual(['testsuites 2 1 0', 'testsuite 2 1 0 0']);
  });
});
