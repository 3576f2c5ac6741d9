// Benchmark: conformance checking next to JSON.parse, and against other JSON
// Schema validators on the same schemas. `npm run bench` compiles first, then
// runs this file with --expose-gc. Options: --quick (fewer repetitions, for a
// smoke run; results are then not written unless --write is also given);
// --worst-case (only the worst-case section, written nowhere); --small (only
// the small-segment section, written nowhere).
//
// Writes bench/results/latest.json and docs/benchmarks.md (both committed).
import { spawnSync } from 'node:child_process';
import { renderEspiSection, replaceEspiSection } from './espi-report.mjs';
import { renderReportSection, replaceReportSection } from './report-section.mjs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { payloadTexts, listingPage2026, MONTH_SETS, YEAR_SETS, PAGE_SEGMENTS, WORST_CASES, WORST_SETS, SMALL_CASES, SMALL_SETS } from './payloads.mjs';
import { median, roundRobin, formatMs, formatRatio } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = path.join(ROOT, 'dist/src/index.js');
const CLI = path.join(ROOT, 'dist/src/cli.js');
const SCHEMA_DIR = path.join(ROOT, 'generated/2024/schemas');

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const WORST_ONLY = args.has('--worst-case');
const SMALL_ONLY = args.has('--small');
const WRITE = (!QUICK || args.has('--write')) && !WORST_ONLY && !SMALL_ONLY;

if (!existsSync(DIST_INDEX) || !existsSync(CLI)) {
  console.error('bench: dist/ is missing; run `npm run compile` first (`npm run bench` does).');
  process.exit(2);
}

const { validate, validateUsageSegment, validateUsageSegmentList, model2026 } = await import(DIST_INDEX);
const { scanDuplicateKeys } = await import(path.join(ROOT, 'dist/src/duplicate-keys.js'));
const { createAjv } = await import('../scripts/lib/ajv.mjs');
const { Validator: CfValidator } = await import('@cfworker/json-schema');
const hyperjump = await import('@hyperjump/json-schema/draft-2020-12');
await import('@hyperjump/json-schema/formats-lite');

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const log = (s = '') => process.stdout.write(s + '\n');

// ---------------------------------------------------------------- schemas
const schemaFiles = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort();
const schemaTexts = schemaFiles.map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
const schemas = Object.fromEntries(schemaFiles.map((f, i) => [f.slice(0, -5), JSON.parse(schemaTexts[i])]));
const SEGMENT_ID = schemas.UsageSegment.$id;
const LIST_ID = schemas.UsageSegmentList.$id;

/** A fresh Ajv (the package's configuration) with every generated schema added, nothing compiled yet. */
function freshAjv() {
  const ajv = createAjv();
  for (const t of schemaTexts) ajv.addSchema(JSON.parse(t));
  return ajv;
}
const warmAjv = freshAjv();
const ajvSegment = warmAjv.getSchema(SEGMENT_ID);
const ajvList = warmAjv.getSchema(LIST_ID);

// @cfworker/json-schema: draft 2020-12, shortCircuit false (every error, like Ajv's allErrors).
const cfSegment = new CfValidator(schemas.UsageSegment, '2020-12', false);
const cfList = new CfValidator(schemas.UsageSegmentList, '2020-12', false);

// @hyperjump/json-schema: every schema registered, format validation on (formats-lite has date-time and uri), FLAG output.
for (const s of Object.values(schemas)) hyperjump.registerSchema(s);
hyperjump.setShouldValidateFormat(true);
const hjSegment = await hyperjump.validate(SEGMENT_ID);
const hjList = await hyperjump.validate(LIST_ID);

// ---------------------------------------------------------------- worst case
// Hostile pages (bench/payloads.mjs WORST_CASES) at two sizes: the check's time
// next to JSON.parse of the same text, and how it grows from 5,000 to 20,000
// segments (4× the input: a linear check grows about 4×, a quadratic one 16×).
// Then the duplicate-key scan of the CLI and validateText on page (a).
const WORST_SIZES = [5_000, 20_000];
const texts = payloadTexts();

/** Untimed runs of each alternative before sampling: the JIT and the heap settle first. */
const WARM_UPS = 2;

/**
 * Sample `alts` interleaved (one sample of each per round, a full gc before
 * each; a sample is the mean of `a.batch` runs, default 1) after `warmUps`
 * untimed runs of each; returns the samples per alternative, round by round.
 */
function sampleInterleaved(alts, warmUps = WARM_UPS) {
  for (const a of alts) for (let w = 0; w < warmUps; w++) a.run();
  return roundRobin(alts, (a) => {
    const batch = a.batch ?? 1;
    gc();
    const t = performance.now();
    for (let i = 0; i < batch; i++) a.run();
    return (performance.now() - t) / batch;
  });
}

function timeAgainstParse(text, run, reps) {
  const samples = sampleInterleaved([
    { name: 'JSON.parse', reps, run: () => JSON.parse(text) },
    { name: 'check', reps, run },
  ]);
  return { parseMs: median(samples[0]), checkMs: median(samples[1]) };
}

/**
 * One hostile page at both sizes, each size measured in a process of its own
 * (bench/worst-size.mjs: parse and check, `runs` times after two warm-ups),
 * the two sizes alternating over `rounds` rounds so that a change of machine
 * load hits both alike. The table gives medians over every run; the growth is
 * the median of the rounds' ratios (median check at the large size / median
 * check at the small size, in the same round).
 */
function worstPageTimes(name, rounds, runs) {
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    perRound.push(
      WORST_SIZES.map((n) => {
        const child = spawnSync(process.execPath, ['--expose-gc', 'bench/worst-size.mjs', name, String(n), String(runs)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
        if (child.status !== 0) throw new Error(`bench: worst-size ${name} ${n} exited ${child.status}: ${child.stderr}`);
        return JSON.parse(child.stdout);
      }),
    );
  }
  const sizes = WORST_SIZES.map((n, i) => {
    const parseMs = median(perRound.flatMap((r) => r[i].parseMs));
    const validateMs = median(perRound.flatMap((r) => r[i].validateMs));
    return { segments: n, bytes: perRound[0][i].bytes, parseMs, validateMs, toParse: validateMs / parseMs };
  });
  const growth = median(perRound.map((r) => median(r[1].validateMs) / median(r[0].validateMs)));
  return { sizes, growth };
}

function worstCase() {
  const reps = QUICK ? 3 : 11;
  const [rounds, runs] = QUICK ? [1, 3] : [3, 5];
  const pages = [];
  for (const name of Object.keys(WORST_CASES)) pages.push({ name, ...worstPageTimes(name, rounds, runs) });
  const scan = timeAgainstParse(texts.page, () => scanDuplicateKeys(texts.page, () => {}), reps);
  return { rounds, runs, pages, duplicateKeyScan: { bytes: Buffer.byteLength(texts.page), parseMs: scan.parseMs, scanMs: scan.checkMs, toParse: scan.checkMs / scan.parseMs } };
}

function worstRows(w) {
  return w.pages.flatMap((p) => p.sizes.map((s) => [`${p.name}, ${s.segments.toLocaleString('en')} segments (${(s.bytes / 1e6).toFixed(1)} MB)`, formatMs(s.parseMs), formatMs(s.validateMs), formatRatio(s.toParse)]));
}
const WORST_HEAD = ['page', 'JSON.parse ms', 'validate ms', '× JSON.parse'];

function worstTargets(w) {
  const [small, large] = WORST_SIZES.map((n) => n.toLocaleString('en'));
  return [
    ...w.pages.map((p) => ({
      target: `Worst case, ${p.name}: validate ≤ 0.5 × JSON.parse at ${large} segments`,
      measured: `${formatMs(p.sizes[1].validateMs)} ms / ${formatMs(p.sizes[1].parseMs)} ms = ${formatRatio(p.sizes[1].toParse)}`,
      pass: p.sizes[1].toParse <= 0.5,
    })),
    ...w.pages.map((p) => ({
      target: `Worst case, ${p.name}: time at ${large} / time at ${small} segments ≤ 5`,
      measured: `median of per-round ratios ${formatRatio(p.growth)} (medians ${formatMs(p.sizes[1].validateMs)} ms / ${formatMs(p.sizes[0].validateMs)} ms)`,
      pass: p.growth <= 5,
    })),
    {
      target: 'duplicate-key scan of (a) ≤ 0.5 × JSON.parse of (a)',
      measured: `${formatMs(w.duplicateKeyScan.scanMs)} ms / ${formatMs(w.duplicateKeyScan.parseMs)} ms = ${formatRatio(w.duplicateKeyScan.toParse)}`,
      pass: w.duplicateKeyScan.toParse <= 0.5,
    },
  ];
}

// ---------------------------------------------------------------- small segments
// Pages of 20,000 segments of four hourly values: the full check against a
// schema-only pass of Ajv compiled from the published schemas, side by side
// in one process per page shape (bench/small-size.mjs).
const SMALL_SEGMENTS = 20_000;

function smallSegments() {
  const [rounds, runs] = QUICK || SMALL_ONLY ? [1, 5] : [3, 5];
  const pages = Object.keys(SMALL_CASES).map((name) => {
    const perRound = [];
    for (let r = 0; r < rounds; r++) {
      const p = spawnSync(process.execPath, ['--expose-gc', 'bench/small-size.mjs', name, String(SMALL_SEGMENTS), String(runs)], { cwd: ROOT, encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`bench: small-size ${name} exited ${p.status}: ${p.stderr}`);
      perRound.push(JSON.parse(p.stdout));
    }
    const validateMs = median(perRound.flatMap((x) => x.validateMs));
    const ajvMs = median(perRound.flatMap((x) => x.ajvMs));
    return { name, bytes: perRound[0].bytes, validateMs, ajvMs, toAjv: validateMs / ajvMs };
  });
  return { segments: SMALL_SEGMENTS, sets: SMALL_SETS, rounds, runs, pages };
}

function smallRows(s) {
  return s.pages.map((p) => [`${p.name} (${(p.bytes / 1e6).toFixed(1)} MB)`, formatMs(p.ajvMs), formatMs(p.validateMs), formatRatio(p.toAjv)]);
}
const SMALL_HEAD = ['page', 'schema-only Ajv ms', 'validate ms', '× schema-only Ajv'];

function smallTargets(s) {
  return s.pages.map((p) => ({
    target: `Small segments, ${p.name}: validate ≤ 1.0 × schema-only Ajv at ${s.segments.toLocaleString('en')} segments of ${s.sets} hourly values`,
    measured: `${formatMs(p.validateMs)} ms / ${formatMs(p.ajvMs)} ms = ${formatRatio(p.toAjv)}`,
    pass: p.toAjv <= 1.0,
  }));
}

const small = smallSegments();
log(`\nSmall segments: pages of ${SMALL_SEGMENTS.toLocaleString('en')} segments of ${SMALL_SETS} hourly values, each shape in a process of its own`);
log(mdTable(SMALL_HEAD, smallRows(small)));
if (SMALL_ONLY) {
  const t = smallTargets(small);
  for (const x of t) log(`${x.pass ? 'PASS' : 'FAIL'}  ${x.target}: ${x.measured}`);
  process.exit(t.every((x) => x.pass) ? 0 : 1);
}

const worst = worstCase();
log(`\nWorst case: hostile pages of one meter, each segment a day of quarter-hours (${WORST_SETS} value sets); each size in a process of its own, the sizes alternating over rounds`);
log(mdTable(WORST_HEAD, worstRows(worst)));
log(`duplicate-key scan of (a): ${formatMs(worst.duplicateKeyScan.scanMs)} ms, JSON.parse ${formatMs(worst.duplicateKeyScan.parseMs)} ms = ${formatRatio(worst.duplicateKeyScan.toParse)}`);
if (WORST_ONLY) {
  const t = worstTargets(worst);
  for (const x of t) log(`${x.pass ? 'PASS' : 'FAIL'}  ${x.target}: ${x.measured}`);
  process.exit(t.every((x) => x.pass) ? 0 : 1);
}

// ---------------------------------------------------------------- payloads
const PAYLOADS = [
  { key: 'page', label: `(a) listing page: ${PAGE_SEGMENTS} segments × ${MONTH_SETS.toLocaleString('en')} value sets × 3 columns`, list: true },
  { key: 'year', label: `(b) one segment, a year of 15-minute data (${YEAR_SETS.toLocaleString('en')} value sets × 3 columns)`, list: false },
  { key: 'monthly', label: '(c) one segment, one monthly value set', list: false },
];
for (const p of PAYLOADS) {
  p.text = texts[p.key];
  p.bytes = Buffer.byteLength(p.text);
  p.doc = JSON.parse(p.text);
}

// Every alternative must accept every payload before anything is timed.
for (const p of PAYLOADS) {
  const r = validate(p.doc);
  const checks = {
    validate: r.valid && r.errors.length === 0 && r.warnings.length === 0,
    schemaOnly: (p.list ? validateUsageSegmentList : validateUsageSegment)(p.doc),
    ajv: (p.list ? ajvList : ajvSegment)(p.doc),
    cfworker: (p.list ? cfList : cfSegment).validate(p.doc).valid,
    hyperjump: (p.list ? hjList : hjSegment)(p.doc).valid,
  };
  for (const [k, ok] of Object.entries(checks)) if (!ok) throw new Error(`bench: ${k} rejects payload ${p.key}`);
}

// ---------------------------------------------------------------- in-process timings
const REPS = QUICK ? { fast: 5, slow: 1 } : { fast: 21, slow: 3 };
/** Small documents are timed in batches so one sample is well above timer resolution. */
const BATCH = { page: 1, year: 1, monthly: QUICK ? 200 : 2000 };
const BATCH_COLD = { page: 1, year: 1, monthly: 1 };

function alternatives(p) {
  const schemaOnly = p.list ? validateUsageSegmentList : validateUsageSegment;
  const ajvFn = p.list ? ajvList : ajvSegment;
  const cf = p.list ? cfList : cfSegment;
  const hj = p.list ? hjList : hjSegment;
  const id = p.list ? LIST_ID : SEGMENT_ID;
  const slow = p.key !== 'monthly'; // cfworker and hyperjump take seconds on (a)
  const fast = REPS.fast;
  return [
    { name: 'JSON.parse', reps: fast, batch: BATCH[p.key], run: () => JSON.parse(p.text) },
    { name: 'validate (schema + semantic)', reps: fast, batch: BATCH[p.key], run: () => validate(p.doc) },
    { name: `schema only: ${p.list ? 'validateUsageSegmentList' : 'validateUsageSegment'} (build-time Ajv)`, reps: fast, batch: BATCH[p.key], run: () => schemaOnly(p.doc) },
    { name: 'Ajv compiled at run time (warm)', reps: fast, batch: BATCH[p.key], run: () => ajvFn(p.doc) },
    {
      name: 'Ajv compiled at run time (cold: new Ajv + compile + validate)',
      reps: QUICK ? 2 : 7,
      batch: BATCH_COLD[p.key],
      run: () => freshAjv().getSchema(id)(p.doc),
    },
    { name: '@cfworker/json-schema (shortCircuit false)', reps: slow ? REPS.slow : fast, batch: slow ? 1 : BATCH.monthly, run: () => cf.validate(p.doc) },
    { name: '@hyperjump/json-schema (FLAG)', reps: slow ? REPS.slow : fast, batch: slow ? 1 : BATCH.monthly, run: () => hj(p.doc) },
  ];
}

const inProcess = {};
for (const p of PAYLOADS) {
  const alts = alternatives(p);
  const samples = sampleInterleaved(alts, 1); // one warm-up: the slow validators take seconds a run
  const parseMs = median(samples[0]);
  const validateMs = median(samples[1]);
  inProcess[p.key] = {
    label: p.label,
    bytes: p.bytes,
    rows: alts.map((a, i) => ({
      name: a.name,
      reps: samples[i].length,
      batch: a.batch,
      medianMs: median(samples[i]),
      toParse: median(samples[i]) / parseMs,
      toValidate: median(samples[i]) / validateMs,
    })),
  };
  printTable(`${p.label} — ${(p.bytes / 1e6).toFixed(2)} MB`, inProcess[p.key].rows);
}

// ---------------------------------------------------------------- the 2026 model
// The same checker on the 2026 draft's page (a′): JSON.parse, validate, and
// the 2026 model's build-time schema validator alone, round-robin as above.
{
  const text = JSON.stringify(listingPage2026());
  const doc = JSON.parse(text);
  const r = validate(doc);
  if (!r.valid || r.errors.length + r.warnings.length > 0) throw new Error(`bench: validate reports problems on the 2026 page: ${JSON.stringify([...r.errors, ...r.warnings].slice(0, 3))}`);
  if (!model2026.validateUsageSegmentList(doc)) throw new Error('bench: the 2026 schema rejects the 2026 page');
  const alts = [
    { name: 'JSON.parse', reps: REPS.fast, batch: 1, run: () => JSON.parse(text) },
    { name: 'validate (schema + semantic; model detected: 2026)', reps: REPS.fast, batch: 1, run: () => validate(doc) },
    { name: 'schema only: model2026.validateUsageSegmentList (build-time Ajv)', reps: REPS.fast, batch: 1, run: () => model2026.validateUsageSegmentList(doc) },
  ];
  const samples = sampleInterleaved(alts);
  const parseMs = median(samples[0]);
  const validateMs = median(samples[1]);
  inProcess.page2026 = {
    label: `(a′) 2026 listing page: ${PAGE_SEGMENTS} segments × ${MONTH_SETS.toLocaleString('en')} value sets × 3 electric_usage columns`,
    bytes: Buffer.byteLength(text),
    rows: alts.map((a, i) => ({ name: a.name, reps: samples[i].length, batch: 1, medianMs: median(samples[i]), toParse: median(samples[i]) / parseMs, toValidate: median(samples[i]) / validateMs })),
  };
  printTable(`${inProcess.page2026.label} — ${(inProcess.page2026.bytes / 1e6).toFixed(2)} MB`, inProcess.page2026.rows);
}

// ---------------------------------------------------------------- separate processes
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cds-bench-'));
const yearFile = path.join(tmp, 'year.json');
const monthlyFile = path.join(tmp, 'monthly.json');
writeFileSync(yearFile, texts.year);
writeFileSync(monthlyFile, texts.monthly);

function spawnTimed(argv) {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`bench: ${argv.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return { wall, stdout: r.stdout };
}

const PROC_REPS = QUICK ? 3 : 11;

// Cold start: import and validate (c), each run a new process.
const coldAlts = [
  { name: 'package: import cds-usage-segments + validate (c)', argv: ['bench/cold/package.mjs', monthlyFile], reps: PROC_REPS },
  { name: 'Ajv at run time: import + load generated/schemas + compile + validate (c)', argv: ['bench/cold/ajv.mjs', monthlyFile], reps: PROC_REPS },
];
const coldInner = coldAlts.map(() => []);
const coldWall = roundRobin(coldAlts, (a) => {
  const r = spawnTimed(a.argv);
  coldInner[coldAlts.indexOf(a)].push(JSON.parse(r.stdout).ms);
  return r.wall;
});
const cold = coldAlts.map((a, i) => ({
  name: a.name,
  reps: coldWall[i].length,
  medianMs: median(coldInner[i]),
  medianWallMs: median(coldWall[i]),
}));
for (const r of cold) {
  r.toAjv = r.medianMs / cold[1].medianMs;
  r.wallToAjv = r.medianWallMs / cold[1].medianWallMs;
}
log(`\nCold start, separate processes (${PROC_REPS} each, interleaved): in-process ms from module start to result; wall = whole process`);
log(
  mdTable(
    ['path', 'median ms', '× Ajv path', 'median wall ms', 'wall × Ajv path'],
    cold.map((r) => [r.name, formatMs(r.medianMs), formatRatio(r.toAjv), formatMs(r.medianWallMs), formatRatio(r.wallToAjv)]),
  ),
);

// Cold start per model: import cost, then the first document of one model
// (which loads that model's compiled validators), each run a new process.
const MODEL_DOCS = [
  { model: '2024', file: path.join(ROOT, 'spec/2024/examples/option1-estimated.json') },
  { model: '2026', file: path.join(ROOT, 'spec/2026/examples/option1-estimated.json') },
];
const modelSamples = roundRobin(
  MODEL_DOCS.map((m) => ({ ...m, reps: PROC_REPS })),
  (m) => {
    const r = JSON.parse(spawnTimed(['bench/cold/model.mjs', m.file]).stdout);
    if (r.model !== m.model) throw new Error(`bench: ${m.file} read as model ${r.model}`);
    return r;
  },
);
const coldModels = MODEL_DOCS.map((m, i) => ({ model: m.model, reps: modelSamples[i].length, importMs: median(modelSamples[i].map((x) => x.importMs)), firstMs: median(modelSamples[i].map((x) => x.firstMs)) }));
log(`\nCold start per model (${PROC_REPS} processes each, interleaved)`);
log(mdTable(['model', 'import ms', 'first document ms'], coldModels.map((c) => [c.model, formatMs(c.importMs), formatMs(c.firstMs)])));

// CLI on (b) vs a one-liner that only reads and parses the file.
const cliAlts = [
  { name: 'node -e: read + JSON.parse (b)', argv: ['-e', "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))", yearFile], reps: PROC_REPS },
  { name: 'CLI: node dist/src/cli.js validate (b)', argv: [CLI, 'validate', yearFile], reps: PROC_REPS, expect: /valid$/m },
];
const cliSamples = roundRobin(cliAlts, (a) => {
  const r = spawnTimed(a.argv);
  if (a.expect && !a.expect.test(r.stdout)) throw new Error(`bench: unexpected CLI output ${r.stdout}`);
  return r.wall;
});
const cli = cliAlts.map((a, i) => ({ name: a.name, reps: cliSamples[i].length, medianWallMs: median(cliSamples[i]) }));
for (const r of cli) r.toReadParse = r.medianWallMs / cli[0].medianWallMs;
log(`\nCLI on (b), separate processes (${PROC_REPS} each, interleaved), wall time`);
log(mdTable(['command', 'median wall ms', '× read + parse'], cli.map((r) => [r.name, formatMs(r.medianWallMs), formatRatio(r.toReadParse)])));
rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------- targets
const page = inProcess.page.rows;
const pageParse = page[0].medianMs;
const pageValidate = page[1].medianMs;
const pageCf = page.find((r) => r.name.startsWith('@cfworker')).medianMs;
const targets = [
  {
    target: 'Full check of (a) ≤ 0.15 × JSON.parse of (a)',
    measured: `${formatMs(pageValidate)} ms / ${formatMs(pageParse)} ms = ${formatRatio(pageValidate / pageParse)}`,
    pass: pageValidate <= 0.15 * pageParse,
  },
  {
    target: 'Full check of (a′), the 2026 page, ≤ 0.15 × JSON.parse of (a′)',
    measured: `${formatMs(inProcess.page2026.rows[1].medianMs)} ms / ${formatMs(inProcess.page2026.rows[0].medianMs)} ms = ${formatRatio(inProcess.page2026.rows[1].toParse)}`,
    pass: inProcess.page2026.rows[1].medianMs <= 0.15 * inProcess.page2026.rows[0].medianMs,
  },
  {
    target: '≥ 100× faster than @cfworker/json-schema on (a)',
    measured: `${formatMs(pageCf)} ms / ${formatMs(pageValidate)} ms = ${formatRatio(pageCf / pageValidate)} faster`,
    pass: pageCf >= 100 * pageValidate,
  },
  {
    target: 'Cold start of the package ≤ 0.5 × the cold Ajv-compile path',
    measured: `${formatMs(cold[0].medianMs)} ms / ${formatMs(cold[1].medianMs)} ms = ${formatRatio(cold[0].toAjv)} (whole process: ${formatRatio(cold[0].wallToAjv)})`,
    pass: cold[0].medianMs <= 0.5 * cold[1].medianMs,
  },
  {
    target: 'CLI on (b) ≤ 2 × read-and-parse',
    measured: `${formatMs(cli[1].medianWallMs)} ms / ${formatMs(cli[0].medianWallMs)} ms = ${formatRatio(cli[1].toReadParse)}`,
    pass: cli[1].medianWallMs <= 2 * cli[0].medianWallMs,
  },
  ...worstTargets(worst),
  ...smallTargets(small),
];
log('\nTargets');
for (const t of targets) log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.measured}`);

// ---------------------------------------------------------------- results
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model?.trim() ?? 'unknown',
  cores: cpus.length,
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
};
const results = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine,
  versions: versions(),
  gcBetweenSamples: typeof globalThis.gc === 'function',
  inProcess: Object.fromEntries(Object.entries(inProcess).map(([k, v]) => [k, { label: v.label, bytes: v.bytes, rows: v.rows }])),
  coldStart: cold,
  coldStartByModel: coldModels,
  cli,
  worstCase: worst,
  smallSegments: small,
  targets,
};
if (WRITE) {
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
  // The Green Button section comes from bench/espi.mjs's own run (bench/results/espi-latest.json); keep it.
  const espiResults = path.join(ROOT, 'bench/results/espi-latest.json');
  const page = renderMarkdown(results);
  const withEspi = existsSync(espiResults) ? replaceEspiSection(page, renderEspiSection(JSON.parse(readFileSync(espiResults, 'utf8')))) : page;
  // The conformance-report section comes from bench/report.mjs's own run (bench/results/report-latest.json); keep it.
  const reportResults = path.join(ROOT, 'bench/results/report-latest.json');
  writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), existsSync(reportResults) ? replaceReportSection(withEspi, renderReportSection(JSON.parse(readFileSync(reportResults, 'utf8')))) : withEspi);
  log('\nwrote bench/results/latest.json and docs/benchmarks.md');
}
process.exitCode = targets.every((t) => t.pass) ? 0 : 1;

// ---------------------------------------------------------------- helpers
function versions() {
  const v = (name) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { ajv: v('ajv'), 'ajv-formats': v('ajv-formats'), '@cfworker/json-schema': v('@cfworker/json-schema'), '@hyperjump/json-schema': v('@hyperjump/json-schema') };
}

function mdTable(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function inProcessRows(rows) {
  return rows.map((r) => [r.name, formatMs(r.medianMs), r.batch > 1 ? `${r.reps} × ${r.batch}` : String(r.reps), formatRatio(r.toParse), formatRatio(r.toValidate)]);
}

function printTable(title, rows) {
  log(`\n${title}`);
  log(mdTable(['alternative', 'median ms', 'samples', '× JSON.parse', '× validate'], inProcessRows(rows)));
}

function renderMarkdown(r) {
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push('<!-- Generated by `npm run bench` (bench/run.mjs); do not edit. Raw numbers: bench/results/latest.json. -->');
  out.push('');
  out.push(
    'Servers validate responses before sending them and clients validate every page they receive, so a conformance check must cost little next to `JSON.parse`. ' +
      'These numbers come from `npm run bench`; performance is measured here, never in a timed test.',
  );
  out.push('');
  out.push(`Run of ${r.date.slice(0, 10)} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node} (${r.machine.platform}).`);
  out.push(`Compared: ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(mdTable(['target', 'measured', 'result'], r.targets.map((t) => [t.target, t.measured, t.pass ? 'PASS' : 'FAIL'])));
  out.push('');
  out.push('## In one process');
  out.push('');
  out.push(
    'Payloads are generated deterministically at run time (`bench/payloads.mjs`): 15-minute net-metering data with columns `kwh_fwd`, `kwh_rev` (negative) and `kwh_net` = fwd + rev; (a′) is (a) in the 2026 draft\'s terms (three `electric_usage` Value Formats, forward, reverse and net, values `{"eu": n}`), checked by the same `validate`. ' +
      'The alternatives run round-robin within each repetition (one sample of each in turn), with a garbage collection before every sample; each cell is the median. ' +
      'Times for (c) are per call, from batches of calls. Ratios are to `JSON.parse` of the same text and to our `validate` of the same document.',
  );
  out.push('');
  for (const p of Object.values(r.inProcess)) {
    out.push(`### ${p.label} — ${(p.bytes / 1e6).toFixed(2)} MB`);
    out.push('');
    out.push(mdTable(['alternative', 'median ms', 'samples', '× JSON.parse', '× validate'], inProcessRows(p.rows)));
    out.push('');
  }
  out.push('What the alternatives are:');
  out.push('');
  out.push('- **validate**: `validate(doc)` from the package: the JSON Schema (build-time Ajv validators, `values` checked by a single structural pass) and every semantic check (dates, interval arithmetic, value-set arity, value types by format, net balance, supply-mix sums, duplicate ids, timeline).');
  out.push('- **schema only**: the package\'s exported `validateUsageSegment` / `validateUsageSegmentList`, the standalone validators Ajv generated at build time (`generated/validators.ts`), called directly on the whole document including `values`. The library has no other schema-only entry.');
  out.push('- **Ajv compiled at run time**: `createAjv()` from `scripts/lib/ajv.mjs` (Ajv 2020, strict, allErrors, ajv-formats) with every `generated/schemas/*.json` added. *Warm* reuses the compiled function; *cold* builds a new Ajv, adds the schemas, compiles and validates in every sample (fewer samples).');
  out.push('- **@cfworker/json-schema**: `new Validator(schema, \'2020-12\', false)` — shortCircuit **false**, so it collects every error like Ajv\'s allErrors. On (a) and (b) it takes seconds, so it has fewer samples (see the samples column).');
  out.push('- **@hyperjump/json-schema**: every schema registered, `@hyperjump/json-schema/formats-lite` loaded and `setShouldValidateFormat(true)` (so `date-time` and `uri` are checked as Ajv does), the compiled validator from `validate(uri)`, FLAG output. Fewer samples on (a) and (b), like cfworker.');
  out.push('');
  out.push('## Cold start (separate processes)');
  out.push('');
  out.push(
    'Each sample is a new `node` process validating (c); the two paths alternate. *ms* is measured inside the process from the start of the script to the result (Node\'s own start-up excluded); *wall* is the whole process as seen by the parent. ' +
      'The target compares the in-process times.',
  );
  out.push('');
  out.push(mdTable(['path', 'median ms', '× Ajv path', 'median wall ms', 'wall × Ajv path'], r.coldStart.map((c) => [c.name, formatMs(c.medianMs), formatRatio(c.toAjv), formatMs(c.medianWallMs), formatRatio(c.wallToAjv)])));
  out.push('');
  out.push(`Scripts: \`bench/cold/package.mjs\`, \`bench/cold/ajv.mjs\`; ${r.coldStart[0].reps} processes each.`);
  out.push('');
  out.push('Per model (`bench/cold/model.mjs`): the import of the package, then the first check of a document of one model (the meeting\'s Option 1 example in that model), which loads that model\'s compiled validators and nothing of the other model\'s.');
  out.push('');
  out.push(mdTable(['model', 'import ms', 'first document ms'], r.coldStartByModel.map((c) => [c.model, formatMs(c.importMs), formatMs(c.firstMs)])));
  out.push('');
  out.push('## CLI');
  out.push('');
  out.push('Wall time of whole processes on (b) written to a temporary file, alternating, median; the baseline is a Node one-liner that only reads and parses the file.');
  out.push('');
  out.push(mdTable(['command', 'median wall ms', '× read + parse'], r.cli.map((c) => [c.name, formatMs(c.medianWallMs), formatRatio(c.toReadParse)])));
  out.push('');
  out.push('## Worst case');
  out.push('');
  out.push(
    `Hostile listing pages of one meter (the same related ids), each segment a day of quarter-hours (${WORST_SETS} value sets of \`kwh_fwd\`), at ${WORST_SIZES.map((n) => n.toLocaleString('en')).join(' and ')} segments (\`WORST_CASES\` in bench/payloads.mjs): ` +
      '*overlapping* puts every segment on the same day (each overlaps all others), *duplicate ids* gives every segment the same id, *holes* leaves a day out between any two. ' +
      'A check that compares every pair grows 16× from the small page to the large one; a linear one about 4×.',
  );
  out.push('');
  out.push(mdTable(WORST_HEAD, worstRows(r.worstCase)));
  out.push('');
  out.push(
    `Each size runs in a node process of its own (\`bench/worst-size.mjs\`): two untimed runs, then ${r.worstCase.runs} runs that each parse the text and check the document, a full gc before each timed step; the sizes alternate over ${r.worstCase.rounds} rounds. ` +
      '(Measured in one process, the 5,000-segment check ran slower after or beside the 20,000-segment page, which understated the growth.) The table gives medians over all runs. Growth: the median, over the rounds, of the ratio of the two sizes\' median check times in that round.',
  );
  out.push('');
  out.push(mdTable(['page', 'validate at 20,000 / at 5,000'], r.worstCase.pages.map((p) => [p.name, formatRatio(p.growth)])));
  out.push('');
  out.push(
    `The duplicate-key scan (the CLI and \`validateText\` read the text once more for repeated member names) on (a): ${formatMs(r.worstCase.duplicateKeyScan.scanMs)} ms against JSON.parse ${formatMs(r.worstCase.duplicateKeyScan.parseMs)} ms, ${formatRatio(r.worstCase.duplicateKeyScan.toParse)}.`,
  );
  out.push('');
  out.push('## Small segments');
  out.push('');
  out.push(
    `Listing pages of ${r.smallSegments.segments.toLocaleString('en')} segments of ${r.smallSegments.sets} hourly values of \`kwh_fwd\` (\`SMALL_CASES\` in bench/payloads.mjs; the shape of daily or billing-period listings): one after the other, and the three hostile placements of the worst case. ` +
      'The full check against a schema-only pass of Ajv compiled from the published schemas (`generated/2024/schemas`, the package\'s Ajv configuration; compiled before timing), side by side in one process per page (`bench/small-size.mjs`), ' +
      `${r.smallSegments.runs} runs each after two untimed ones, over ${r.smallSegments.rounds} rounds; medians.`,
  );
  out.push('');
  out.push(mdTable(SMALL_HEAD, smallRows(r.smallSegments)));
  out.push('');
  out.push('## Running it');
  out.push('');
  out.push('```sh');
  out.push('npm run bench            # compile, run every measurement (a few minutes), rewrite this file and bench/results/latest.json');
  out.push('node --expose-gc bench/run.mjs --quick   # smoke run with few samples; writes nothing');
  out.push('node --expose-gc bench/run.mjs --worst-case   # only the worst-case section; writes nothing');
  out.push('node --expose-gc bench/run.mjs --small   # only the small-segment section; writes nothing');
  out.push('```');
  out.push('');
  out.push('The script prints PASS or FAIL for each target and exits 1 if any fails. Numbers vary between machines; the ratios are what the targets constrain.');
  out.push('');
  return out.join('\n');
}
