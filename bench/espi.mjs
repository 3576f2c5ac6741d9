// Green Button (ESPI) import benchmark: import throughput as a ratio to a
// bare saxes pass over the same file, and peak memory (maxRSS) at 10 and
// 100 MB of feed (the import reads the feed, builds the page and writes it
// out as JSON to a counting sink). Each measurement runs in its own process, so one size's
// heap never inflates another's peak.
//
//   npm run compile && node bench/espi.mjs            # 10 and 100 MB × 3 rounds each; writes
//                                                     # bench/results/espi-latest.json and the ESPI
//                                                     # section of docs/benchmarks.md
//   node bench/espi.mjs --quick                       # 1 MB and 10 MB, once; writes nothing
//
// Targets: import ≤ 2 × the bare SAX pass; peak RSS at 100 MB < 150 MB.
// Feeds are synthesized (bench/espi-feed.mjs): one UsagePoint, MeterReading
// and ReadingType (Wh, USD), then daily IntervalBlocks of 96 quarter-hour
// readings with cost and a ReadingQuality on each (as PG&E's feed).
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFeed } from './espi-feed.mjs';
import { renderEspiSection, replaceEspiSection } from './espi-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** Child mode: `--child sax|import FILE` runs one pass and prints {ms, maxRssMB, readings}. */
if (args[0] === '--child') {
  const [, mode, file] = args;
  // Modules load before the clock starts: the pass is what is timed.
  const { SaxesParser } = await import('saxes');
  const { importEspiStream } = await import(path.join(ROOT, 'dist/src/espi/index.js'));
  let readings = 0;
  let written = 0;
  const t0 = performance.now();
  if (mode === 'sax') {
    // The bare pass: the same parser with the same options, every event the importer listens to, doing nothing.
    const p = new SaxesParser({ xmlns: true });
    const none = () => {};
    p.on('opentag', none);
    p.on('closetag', none);
    p.on('text', none);
    p.on('cdata', none);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of createReadStream(file)) p.write(decoder.decode(chunk, { stream: true }));
    p.close();
  } else {
    // The import as a Server or the CLI does it: read, build, and write the page out (to a counting sink).
    const r = await importEspiStream(createReadStream(file), { now: '2026-01-01T00:00:00Z' });
    r.writePage((t) => void (written += t.length));
    readings = r.readings.out;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, readings, written }) + '\n');
  process.exit(0);
}

const QUICK = args.includes('--quick');
const SIZES = QUICK ? [{ mb: 1, rounds: 1 }, { mb: 10, rounds: 1 }] : [{ mb: 10, rounds: 3 }, { mb: 100, rounds: 3 }];

function child(mode, file) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(path.join(os.tmpdir(), 'cds-espi-bench-'));
const sizes = [];
try {
  for (const { mb, rounds } of SIZES) {
    const file = path.join(dir, `feed-${mb}mb.xml`);
    const { readings } = writeFeed(file, mb * 1e6);
    const bytes = statSync(file).size;
    const sax = [];
    const imp = [];
    // Alternate the two so a busy neighbour on the shared machine weighs on both.
    for (let i = 0; i < rounds; i++) {
      sax.push(child('sax', file));
      imp.push(child('import', file));
    }
    if (imp.some((r) => r.readings !== readings)) throw new Error(`import carried ${imp[0].readings} of ${readings} readings`);
    const row = {
      mb,
      bytes,
      readings,
      rounds,
      saxMs: median(sax.map((r) => r.ms)),
      importMs: median(imp.map((r) => r.ms)),
      saxPeakMB: Math.max(...sax.map((r) => r.maxRssMB)),
      importPeakMB: Math.max(...imp.map((r) => r.maxRssMB)),
    };
    row.ratio = row.importMs / row.saxMs;
    sizes.push(row);
    console.log(`${mb} MB (${readings} readings, ${rounds} round${rounds === 1 ? '' : 's'}): sax ${row.saxMs.toFixed(0)} ms, import ${row.importMs.toFixed(0)} ms = ${row.ratio.toFixed(2)}×; peak RSS sax ${row.saxPeakMB.toFixed(0)} MB, import ${row.importPeakMB.toFixed(0)} MB`);
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const largest = sizes.at(-1);
const targets = [
  ...sizes.map((s) => ({ name: `Import of ${s.mb} MB ≤ 2 × a bare saxes pass`, measured: `${s.importMs.toFixed(0)} ms / ${s.saxMs.toFixed(0)} ms = ${s.ratio.toFixed(2)}×`, pass: s.ratio <= 2 })),
  { name: `Peak RSS importing ${largest.mb} MB < 150 MB`, measured: `${largest.importPeakMB.toFixed(0)} MB`, pass: largest.importPeakMB < 150 },
];
for (const t of targets) console.log(`${t.pass ? 'PASS' : 'FAIL'} ${t.name}: ${t.measured}`);

if (!QUICK) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const results = { date: new Date().toISOString(), machine: { cpu, cores: os.cpus().length, node: process.version, load: os.loadavg()[0] }, sizes, targets };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/espi-latest.json'), JSON.stringify(results, null, 2) + '\n');
  const md = path.join(ROOT, 'docs/benchmarks.md');
  writeFileSync(md, replaceEspiSection(readFileSync(md, 'utf8'), renderEspiSection(results)));
  console.log('wrote bench/results/espi-latest.json and the ESPI section of docs/benchmarks.md');
}
process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
