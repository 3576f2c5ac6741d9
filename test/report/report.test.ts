// validate --report / --summary and crawl --report / --summary, in-process:
// one self-contained HTML file (nothing it could load), findings grouped by
// rule with their source class and citations, each finding linked to its
// segment on the timeline and back, the crawl's token never in a file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/cli.js';
import { examplePage, honestAnswer, listen, send, type StandIn, TOKEN } from '../crawl/stand-in.js';
import { getRule } from '../../src/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'cds-report-'));
const ex = (f: string) => join(ROOT, f);

/** What would make a browser load anything: scripts, styles or images from elsewhere, frames, remote links. */
function requestsIn(html: string): string[] {
  const found: string[] = [];
  for (const re of [/<script\b/gi, /<link\b(?![^>]*href="data:)/gi, /<img\b/gi, /<iframe\b/gi, /\bsrc\s*=/gi, /@import/gi, /url\(/gi, /href="(?!#|data:)[^"]*"/gi]) found.push(...(html.match(re) ?? []));
  return found;
}

describe('validate --report, --summary', () => {
  const files = ['docs/examples/mistakes/gap-not-disclosed.json', 'docs/examples/valueset-short.json', 'spec/2024/examples/option1-validated.json'].map(ex);
  let html = '';
  let md = '';
  beforeAll(async () => {
    const r = await runCli(['validate', '--report', join(dir, 'v.html'), '--summary', join(dir, 'v.md'), ...files]);
    expect(r.code).toBe(1);
    html = readFileSync(join(dir, 'v.html'), 'utf8');
    md = readFileSync(join(dir, 'v.md'), 'utf8');
  });

  it('is one self-contained file: nothing it could load', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(requestsIn(html)).toEqual([]);
  });

  it('says the verdict and groups the findings by rule, with the source class, what it rests on and what it checks', () => {
    expect(html).toContain('<p class="verdict fail" id="verdict">invalid: 1 error</p>');
    const hole = /<section class="rule" id="rule-timeline-hole">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(hole).toContain('<span class="warning">warning</span>');
    expect(hole).toContain('Source class: <strong>decision</strong>');
    expect(hole).toContain('<code>min L126–201</code>');
    expect(hole).toContain(getRule('timeline-hole')!.summary.slice(0, 40).replace(/`/g, '`'));
    const short = /<section class="rule" id="rule-value-set-length">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(short).toContain('Source class: <strong>draft</strong>');
    expect(short).toContain('<code>2024-09 §11.1 L458</code>');
  });

  it('every finding about a segment links to it on the timeline, and the segment links back', () => {
    const links = [...html.matchAll(/<li id="(f-[ew]\d+)">.*?<a href="#(tl-[^"]+)">on the timeline<\/a><\/li>/g)];
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const [, finding, target] of links) {
      expect(html).toContain(`id="${target}"`);
      expect(html).toContain(`<a href="#${finding}">`);
    }
  });

  it('the timeline is labelled (title, description) and has its table', () => {
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="tl-title" aria-describedby="tl-desc">/);
    expect(html).toContain('<title id="tl-title">');
    expect(html).toContain('<table class="timeline-table" id="tl-table">');
  });

  it('the Markdown summary: verdict, counts, rules with their class', () => {
    expect(md).toContain('**❌ invalid: 1 error**');
    expect(md).toContain('| `value-set-length` | error | 1 | draft |');
    expect(md).toContain('| `timeline-hole` | warning | 1 | decision |');
  });
});

describe('crawl --report, --summary', () => {
  let server: StandIn;
  beforeAll(async () => {
    const page = examplePage('2024');
    server = await listen((req, res) => send(res, honestAnswer(page, req.url ?? '/', req.headers.authorization)));
  });
  afterAll(() => server.close());

  it('pages, checks and the timeline; the token is in no file', async () => {
    const url = `${server.origin}/api/usagesegments?access_token=${TOKEN}`;
    const r = await runCli(['crawl', url, '--token', TOKEN, '--report', join(dir, 'c.html'), '--summary', join(dir, 'c.md')]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'c.html'), 'utf8');
    const md = readFileSync(join(dir, 'c.md'), 'utf8');
    for (const text of [html, md]) expect(text).not.toContain(TOKEN);
    expect(html).toContain('[REDACTED]');
    expect(requestsIn(html)).toEqual([]);
    expect(html).toContain('<p class="verdict pass" id="verdict">conformant: no errors</p>');
    expect(html).toContain('<h2 id="pages">Pages</h2>');
    expect(html).toContain('<h2 id="checks">Checks and probes</h2>');
    expect(html).toMatch(/<td>1<\/td><td>http:\/\/127\.0\.0\.1:\d+\/api\/usagesegments\?access_token=\[REDACTED\]<\/td><td>3<\/td>/);
    expect(html).toContain('Timeline: 1 series, 3 segments (model 2024)');
    expect(md).toContain('**✅ conformant: no errors**');
  });
});

describe('crawl --report: what the Server echoes is redacted too', () => {
  let server: StandIn;
  beforeAll(async () => {
    // A Server that puts the token into a segment id and a meter id (plain and percent-encoded): the picture, its table and the findings print them.
    const page = examplePage('2024');
    page.usage_segments[0] = { ...page.usage_segments[0]!, cds_usagesegment_id: `id-${TOKEN}` };
    page.usage_segments[2] = { ...page.usage_segments[2]!, related_meterdevices: [`meter-${encodeURIComponent(TOKEN + '/x')}`] };
    server = await listen((req, res) => send(res, honestAnswer(page, req.url ?? '/', req.headers.authorization)));
  });
  afterAll(() => server.close());

  it('no file holds the token, in any spelling', async () => {
    const r = await runCli(['crawl', `${server.origin}/api/usagesegments`, '--token', TOKEN, '--no-probes', '--report', join(dir, 'echo.html'), '--summary', join(dir, 'echo.md')]);
    expect(r.code).toBe(0);
    for (const f of ['echo.html', 'echo.md']) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encodeURIComponent(TOKEN));
    }
    expect(readFileSync(join(dir, 'echo.html'), 'utf8')).toContain('id-[REDACTED]');
  });
});

describe('src/rule-citations.ts', () => {
  it('is the traceability table’s citations, freshly generated', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-rule-citations.mjs'), '--check'], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
