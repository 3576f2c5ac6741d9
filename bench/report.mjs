#!/usr/bin/env node
// What `--report FILE.html` costs: `crawl` of the reference Server's demo
// (about 158 pages) and `validate` of a 50 MB page, each run as its own
// process of the built CLI, with and without the report, alternating;
// medians and ratios. Target: the report costs at most 1.5× the run without.
// Writes bench/results/report-latest.json and its section of docs/benchmarks.md
// (not with --quick).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listingPage } from './payloads.mjs';
import { median } from './stats.mjs';
import { renderReportSection, replaceReportSection } from './report-section.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/src/cli.js');
const SERVER = path.join(ROOT, 'server/dist/src/cli.js');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 3;
const TARGET = 1.5;
const dir = mkdtempSync(path.join(tmpdir(), 'cds-report-bench-'));
const load = loadavg()[0];

/** Wall time of one CLI process, ms; it must exit with `status`. */
function timed(args, status) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== status) throw new Error(`${args.slice(0, 2).join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 300)} ${r.stdout.slice(-300)}`);
  return { ms, stdout: r.stdout };
}

/** Alternate the plain run and the run with a report, `ROUNDS` each; the report's size from the last. */
function compare(name, args, status) {
  const report = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
  const plain = [];
  const withReport = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Which goes first alternates, so drift in load hits both alike.
    const order = i % 2 === 0 ? ['plain', 'report'] : ['report', 'plain'];
    for (const which of order) {
      if (which === 'plain') plain.push(timed(args, status).ms);
      else withReport.push(timed([...args, '--report', report], status).ms);
    }
  }
  const plainMs = median(plain);
  const reportMs = median(withReport);
  console.log(`${name}: without ${(plainMs / 1000).toFixed(2)} s, with report ${(reportMs / 1000).toFixed(2)} s: ${(reportMs / plainMs).toFixed(2)}×`);
  return { name, rounds: ROUNDS, plainMs, reportMs, ratio: reportMs / plainMs, reportBytes: statSync(report).size };
}

/** The reference Server's demo, served from its own process; resolves with its URL, the token and a stop function. */
async function startDemo() {
  const db = path.join(dir, 'demo.db');
  const demo = spawnSync(process.execPath, [SERVER, 'demo', '--db', db, '--meters', '4', '--days', '3650'], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo: ${demo.stderr}`);
  const { accounts, segments } = JSON.parse(demo.stdout);
  const token = spawnSync(process.execPath, [SERVER, 'token', 'create', '--db', db, '--accounts', accounts.join(',')], { encoding: 'utf8' }).stdout.trim();
  const child = spawn(process.execPath, [SERVER, 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0].trim());
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, token, segments, stop: () => child.kill() };
}

/** A page of about 50 MB: five meters of the benchmark's 100-month page (valid, net metering on every value set). */
function bigPage() {
  const base = listingPage();
  const usage_segments = [];
  for (let m = 0; m < 5; m++) {
    for (const s of base.usage_segments) {
      usage_segments.push({ ...s, cds_usagesegment_id: `${s.cds_usagesegment_id}-m${m}`, related_accounts: [`acct-${m}`], related_servicecontracts: [`contract-${m}`], related_servicepoints: [`sp-${m}`], related_meterdevices: [`meter-${m}`] });
    }
  }
  return JSON.stringify({ usage_segments, next: null, previous: null });
}

const server = await startDemo();
let crawl;
try {
  crawl = compare('crawl of the demo', ['crawl', server.url, '--token', server.token, '--no-probes', '--quiet'], 0);
  const line = timed(['crawl', server.url, '--token', server.token, '--no-probes', '--quiet'], 0).stdout;
  const m = /^(\d+) pages?, (\d+) segments/m.exec(line);
  crawl = { ...crawl, pages: Number(m?.[1]), segments: Number(m?.[2]) };
} finally {
  server.stop();
}
const pageFile = path.join(dir, 'page-50mb.json');
writeFileSync(pageFile, bigPage());
const page = { ...compare('validate of a 50 MB page', ['validate', '--quiet', pageFile], 0), bytes: statSync(pageFile).size };

const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, load },
  crawl,
  page,
  targets: [
    { name: `crawl --report ≤ ${TARGET}× crawl`, measured: `${crawl.ratio.toFixed(2)}×`, pass: crawl.ratio <= TARGET },
    { name: `validate --report ≤ ${TARGET}× validate (50 MB page)`, measured: `${page.ratio.toFixed(2)}×`, pass: page.ratio <= TARGET },
  ],
};
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result.targets));
if (!quick) {
  writeFileSync(path.join(ROOT, 'bench/results/report-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const docs = path.join(ROOT, 'docs/benchmarks.md');
  writeFileSync(docs, replaceReportSection(readFileSync(docs, 'utf8'), renderReportSection(result)));
}
