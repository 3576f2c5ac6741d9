// Keeps the code blocks of the hand-written guides in docs/ equal to their
// sources. A guide marks a generated region with an opening comment naming
// what it shows and a closing comment; everything between them is rewritten:
//
//   <!-- example: docs/examples/timing-quarter-hours.json -->  a JSON file; for a
//        guide example (a plain document with its expectation beside it in
//        docs/examples/expected/) the document and the expected checker result
//   <!-- cli: validate --json spec/2024/examples/x.json -->          the CLI's real
//        output (run from the repository root) and its exit status; JSON on
//        standard output is laid out for reading, and standard error (the
//        loss report of `convert`) follows it
//   <!-- outline: spec/2024/examples/gap-disclosure-page.json -->    a table of the
//        segments of a listing page (for pages too long to print), of either
//        model (2026: each Value Format as its type and designations)
//   <!-- espi-mapping: src/espi/mapping.ts -->   the Green Button mapping table,
//        rendered by the built dist/src/espi/mapping-doc.js from the rows the
//        importer runs on
//   <!-- espi: test/fixtures/espi/x.xml -->   `import-espi` of a Green Button
//        file by the built CLI: the import report and the checker's findings
//        (standard error), and an outline of the page
//   <!-- timeline: NAME FILE... -->   the timeline picture of the files (in
//        revision order; a Green Button `.xml` file as `import-espi` imports
//        it) as an image link to docs/pictures/NAME.svg; the SVG
//        itself comes from the built dist/src/timeline/ (timelinePictures;
//        sync-docs writes it, render-docs inlines it as a data URI)
//   ...
//   <!-- /example -->  (or /cli, /outline, /espi-mapping, /espi, /timeline)
//
// `npm run docs:guides` rewrites the guides; test/docs-content checks that
// they are up to date.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const GUIDES = ['docs/guide-reading-a-segment.md', 'docs/proposals.md', 'docs/migrating-2024-to-2026.md', 'docs/guide-green-button.md'];

const REGION = /<!-- (example|cli|outline|espi-mapping|espi|timeline): ([^>]*?) -->\n[\s\S]*?<!-- \/\1 -->/g;

const fence = (lang, body) => '```' + lang + '\n' + body + '\n```';
const codes = (list) => list.map((p) => `\`${p.code}\` at \`${p.path === '' ? '(root)' : p.path}\``).join(', ');

/** The sentence under a guide example that states what the checker reports. */
export function describeExpectation(expect, options = {}) {
  const call = options.strict ? '`validate(doc, { strict: true })`' : '`validate(doc)`';
  const parts = [];
  if (expect.errors.length > 0) parts.push(`error${expect.errors.length > 1 ? 's' : ''} ${codes(expect.errors)}`);
  if (expect.warnings.length > 0) parts.push(`warning${expect.warnings.length > 1 ? 's' : ''} ${codes(expect.warnings)}`);
  const verdict = expect.valid ? '**valid**' : '**invalid**';
  return `${call} → ${verdict}${parts.length > 0 ? ': ' + parts.join('; ') : ', no findings'}.`;
}

const WIDTH = 72;

/**
 * JSON laid out for reading: a value that fits on the rest of its line is
 * written on one line (`{"v": 0.31}`, `["kwh_fwd"]`), anything longer is
 * broken into one member per line. JSON.parse of the result equals the input.
 */
export function formatJson(value, indent = '', used = 0) {
  const inline = JSON.stringify(value, null, 1)?.replace(/\n\s*/g, ' ').replace(/([[{]) /g, '$1').replace(/ ([\]}])/g, '$1');
  if (inline === undefined) throw new TypeError('not JSON');
  if (value === null || typeof value !== 'object' || indent.length + used + inline.length <= WIDTH) return inline;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + formatJson(item, inner, 1)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([key, item]) => {
      const label = `${JSON.stringify(key)}: `;
      return inner + label + formatJson(item, inner, label.length + 1);
    })
    .join(',\n')}\n${indent}}`;
}

/**
 * Where the expectation of a guide example lives: the example file itself is
 * a plain document (so `cds-usage-segments validate <file>` takes it as it
 * is); `expected/<same name>` beside it holds `{title, options?, expect}`.
 */
export function expectationFile(file) {
  return join(dirname(file), 'expected', basename(file));
}

/** A guide example: its document and, when it has one, its expectation (else null). */
export function loadExample(root, file) {
  const document = JSON.parse(readFileSync(join(root, file), 'utf8'));
  const expected = join(root, expectationFile(file));
  return { document, expectation: existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')) : null };
}

function renderExample(root, file) {
  const { document, expectation } = loadExample(root, file);
  if (expectation === null) return fence('json', formatJson(document));
  return `${fence('json', formatJson(document))}\n\n${describeExpectation(expectation.expect, expectation.options)}`;
}

/** Runs the built CLI from the repository root; returns its stdout, stderr and exit status. */
export function runCli(root, args) {
  const r = spawnSync(process.execPath, [join(root, 'dist/src/cli.js'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  if (typeof r.status !== 'number') throw new Error(`cds-usage-segments ${args.join(' ')} ended by signal ${r.signal}`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Standard output laid out for reading: JSON (a --json report, a converted document) by formatJson, text as printed. */
function readable(stdout) {
  try {
    return formatJson(JSON.parse(stdout));
  } catch {
    return stdout.trimEnd();
  }
}

function renderCli(root, argString) {
  const args = argString.trim().split(/\s+/);
  const { stdout, stderr, status } = runCli(root, args);
  const output = [readable(stdout), stderr.trimEnd()].filter((part) => part !== '').join('\n');
  // validate and revision: the exit status is the verdict; other commands' statuses are shown bare.
  const verdict = args[0] === 'validate' || args[0] === 'revision' ? (status === 0 ? ' (valid)' : ' (errors found)') : '';
  return `${fence('console', `$ cds-usage-segments ${args.join(' ')}\n${output}`)}\n\nExit status ${status}${verdict}.`;
}

/** A 2026 Value Format in a table cell: its type, then its designations (units, direction, quality, …). */
function formatCell(f) {
  const { id: _id, type, indexes: _indexes, ...rest } = f;
  return [type, ...Object.values(rest).filter((v) => typeof v === 'string')].join(' ');
}

function renderOutline(root, file) {
  return outlineOf(JSON.parse(readFileSync(join(root, file), 'utf8')));
}

/** The outline table of a listing page. */
function outlineOf(page) {
  const is2026 = page.usage_segments.some((s) => Array.isArray(s.formats));
  const rows = page.usage_segments.map((s, i) => {
    const first = JSON.stringify(s.values[0]);
    const columns = is2026 ? s.formats.map((f) => `\`${formatCell(f)}\``).join(', ') : `\`${JSON.stringify(s.format)}\``;
    return `| ${i} | \`${s.cds_usagesegment_id}\` | ${s.segment_start} | ${s.segment_end} | ${s.interval} | ${columns} | ${s.values.length} | \`${first}\` |`;
  });
  return [
    `| # | \`cds_usagesegment_id\` | \`segment_start\` | \`segment_end\` | \`interval\` | ${is2026 ? '`formats` (type and fields)' : '`format`'} | value sets | first value set |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The Green Button mapping table, from the built mapping module (one source for code and guide). */
function renderEspiMapping(root) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', "process.stdout.write((await import(process.argv[1])).renderMappingMarkdown())", join(root, 'dist/src/espi/mapping-doc.js')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mapping-doc: ${r.stderr}`);
  return r.stdout;
}

/** `import-espi FILE` by the built CLI: its report and findings, then an outline of the page. */
function renderEspi(root, file) {
  const { stdout, stderr, status } = runCli(root, ['import-espi', file]);
  return `${fence('console', `$ cds-usage-segments import-espi ${file} > page.json\n${stderr.trimEnd()}`)}\n\nExit status ${status}. The page (\`page.json\`), one row per segment:\n\n${outlineOf(JSON.parse(stdout))}`;
}

/** A timeline region's argument: the picture's name, then its input files. */
function timelineArg(arg) {
  const [name, ...files] = arg.trim().split(/\s+/);
  return { name, files };
}

/** The image link a timeline region holds (the picture is a file beside the guides, docs/pictures/). */
function renderTimeline(arg) {
  const { name, files } = timelineArg(arg);
  return `![Timeline of ${files.map((f) => basename(f)).join(' then ')}: one row per series, time across](pictures/${name}.svg)`;
}

/**
 * The SVG of one picture, from the built timeline module (one source for the
 * checker, the report and the docs). A Green Button file (`.xml`) is first
 * imported by the built importer (dist/src/espi/, its default 2026 page), so a
 * real file's picture is what `import-espi` gives, drawn the same way.
 */
export function timelineSvgOf(root, name, files) {
  const script =
    "const [data, svg, espi, root, name, ...files] = process.argv.slice(1); const { readFileSync } = await import('node:fs'); const { timelineData } = await import(data); const { timelineSvg } = await import(svg); const { importEspi } = await import(espi); " +
    "const load = (f) => { const text = readFileSync(root + '/' + f, 'utf8'); return f.endsWith('.xml') ? importEspi(text).document : JSON.parse(text); }; " +
    "process.stdout.write(timelineSvg(timelineData(files.map((f) => ({ label: f.split('/').at(-1), doc: load(f) }))), { idPrefix: name }));";
  const args = [join(root, 'dist/src/timeline/data.js'), join(root, 'dist/src/timeline/svg.js'), join(root, 'dist/src/espi/import.js'), root, name, ...files];
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`timeline ${name}: ${r.stderr}`);
  return r.stdout;
}

/** The pictures a guide's timeline regions show: where each goes (relative to the root) and its SVG. */
export function timelinePictures(root, text) {
  return regionsOf(text)
    .filter((r) => r.kind === 'timeline')
    .map((r) => {
      const { name, files } = timelineArg(r.arg);
      return { file: `docs/pictures/${name}.svg`, svg: timelineSvgOf(root, name, files) };
    });
}

/** The guide text with every generated region rewritten from its source. */
export function renderGuide(root, text) {
  return text.replace(REGION, (_whole, kind, arg) => {
    const body =
      kind === 'timeline'
        ? renderTimeline(arg)
        : kind === 'example' ? renderExample(root, arg.trim()) : kind === 'cli' ? renderCli(root, arg) : kind === 'espi-mapping' ? renderEspiMapping(root) : kind === 'espi' ? renderEspi(root, arg.trim()) : renderOutline(root, arg.trim());
    return `<!-- ${kind}: ${arg} -->\n${body}\n<!-- /${kind} -->`;
  });
}

/** Every region of a guide: its kind and argument. */
export function regionsOf(text) {
  return [...text.matchAll(REGION)].map((m) => ({ kind: m[1], arg: m[2].trim() }));
}
