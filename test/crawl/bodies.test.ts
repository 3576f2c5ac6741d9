// A page body is read as `validate` reads a file: UTF-8 without a byte order
// mark, then JSON; the crawler's not-json finding carries validate's words.
// And links a Client cannot follow are link-format findings, never a throw.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawl } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { examplePage } from './stand-in.js';

const BASE = 'http://listing.test/api/usagesegments';
const page = Buffer.from(JSON.stringify({ ...examplePage('2024'), next: null, previous: null }));
const dir = mkdtempSync(join(tmpdir(), 'cds-crawl-bodies-'));

/** A fetch that answers `body` as a JSON page to every request. */
function serving(body: Uint8Array): typeof fetch {
  return (async () => new Response(body as unknown as BodyInit, { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
}

function withByte(at: number, byte: number): Buffer {
  const b = Buffer.from(page);
  b[at] = byte;
  return b;
}

describe('page bodies: UTF-8 JSON, as validate reads them', () => {
  it.each([
    { name: 'an invalid UTF-8 byte inside a string', bytes: withByte(page.indexOf('gap') + 1, 0xff) },
    { name: 'a byte order mark', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page]) },
    { name: 'cut off', bytes: page.subarray(0, 40) },
    { name: 'a NUL byte between tokens', bytes: withByte(page.indexOf(',') + 1, 0x00) },
  ])('$name: not-json with the message validate gives', async ({ bytes }) => {
    const r = await crawl({ url: BASE, token: 't0k3n-abcdef', probes: false, fetch: serving(bytes) });
    const file = join(dir, 'page.json');
    writeFileSync(file, bytes);
    const v = await runCli(['validate', file]);
    const reason = /page\.json: (.*)\n/.exec(v.stderr)?.[1];
    expect(reason).toBeDefined();
    expect(r.findings.map((f) => [f.code, f.level, f.message])).toEqual([['not-json', 'error', `page 1: ${reason!} (${bytes.length} bytes)`]]);
    expect(r.conformant).toBe(false);
  });
});

describe('links a Client cannot follow: link-format, never a throw', () => {
  it.each([
    { next: 'http://listing.test/api/usagesegments?page=%zz', why: 'has a malformed percent escape (a % not followed by two hex digits)' },
    { next: 'http://listing.test/api/usage segments', why: 'holds a space or a control character' },
    { next: 'http://listing.test/api/usagesegments?\u0000', why: 'holds a space or a control character' },
    { next: '//listing.test/api/usagesegments?page=2', why: 'is not an absolute URL' },
    { next: '/api/usagesegments?page=2', why: 'is not an absolute URL' },
    { next: 'javascript:void(0)', why: 'is not an http(s) URL' },
    { next: 'data:application/json,{}', why: 'is not an http(s) URL' },
  ])('$next', async ({ next, why }) => {
    const body = Buffer.from(JSON.stringify({ ...examplePage('2024'), next, previous: null }));
    const r = await crawl({ url: BASE, token: 't0k3n-abcdef', probes: false, fetch: serving(body) });
    const mine = r.findings.filter((f) => f.code === 'link-format');
    expect(mine.map((f) => f.message)).toEqual([`next ${why}: ${JSON.stringify(next)}`]);
  });
});
