/**
 * Hostile corpus (tracker issue 6): every input gets a clear answer from the
 * library (never a throw) and from the CLI (exit 1 or 2, one line, no stack),
 * within a time bound proportional to its size. Inputs are generated here and
 * written to os.tmpdir(); the very large ones live in `npm run stress`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, checkRevision, readRows, validate } from '../../src/index.js';
import { bigPage, deepFreezeIter, deepText, example, expectCleanFailure, expectWellFormed, fingerprint, runCli, scratch } from './helpers.js';

let tmp: ReturnType<typeof scratch>;
beforeAll(() => {
  tmp = scratch('cds-hostile-');
});
afterAll(() => tmp.done());

/** Spawn timeout: a fixed allowance plus 2 s per MB (a hang or a quadratic walk fails, a slow machine does not). */
const budget = (bytes: number) => 20_000 + Math.ceil(bytes / 1e6) * 2_000;

function cli(name: string, content: string | Buffer, extra: string[] = []) {
  const f = tmp.file(name, content);
  return runCli(['validate', ...extra, f], { timeout: budget(Buffer.byteLength(content)) });
}

/** validate never throws, the result is well formed, and the input is unchanged. */
function checkLib(doc: unknown, opts: Parameters<typeof validate>[1] = {}) {
  const before = fingerprint(doc);
  const r = validate(doc, opts);
  expectWellFormed(doc, r);
  expect(fingerprint(doc)).toBe(before);
  return r;
}

describe('unusable bytes: exit 2 with a one-line reason', () => {
  const cases: [string, Buffer | string, RegExp][] = [
    ['empty file', '', /invalid JSON/],
    ['only whitespace', ' \n\t ', /invalid JSON/],
    ['a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(example('option1-estimated.json')))]), /byte order mark/],
    ['a lone 0xff byte', Buffer.from([0x7b, 0xff, 0x7d]), /not valid UTF-8/],
    ['an overlong encoding of "/"', Buffer.from([0x22, 0xc0, 0xaf, 0x22]), /not valid UTF-8/],
    ['a UTF-8-encoded lone surrogate', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), /not valid UTF-8/],
    ['a truncated 4-byte sequence at the end', Buffer.from([0x22, 0x61, 0x22, 0xf0, 0x9f]), /not valid UTF-8/],
    ['UTF-16LE with its BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]), /not valid UTF-8/],
    ['truncated JSON', '{"cds_usagesegment_id": "x", "values": [[', /invalid JSON/],
    ['two documents', '{} {}', /invalid JSON/],
    ['NaN literal', '{"interval": NaN}', /invalid JSON/],
    ['a comment', '{"interval": 60 /* s */}', /invalid JSON/],
    ['a NUL byte', Buffer.from([0x7b, 0x00, 0x7d]), /invalid JSON/],
    ['an unclosed 100,000-deep array', '['.repeat(100_000), /invalid JSON/],
  ];
  for (const [name, content, reason] of cases) {
    it(name, () => {
      const r = cli(`bytes-${name.replace(/\W+/g, '-')}.json`, content);
      expectCleanFailure(r, 2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    });
  }

  it('a directory and a missing file, beside a good file: exit 2, one line each, the good file still checked', () => {
    const good = tmp.file('good.json', JSON.stringify(example('option1-estimated.json')));
    const r = runCli(['validate', tmp.dir, `${tmp.dir}/missing.json`, good]);
    expectCleanFailure(r, 2);
    expect(r.stderr.trim().split('\n')).toEqual([`cds-usage-segments: ${tmp.dir}: is a directory`, `cds-usage-segments: ${tmp.dir}/missing.json: no such file`]);
    expect(r.stdout).toMatch(/^3 files checked: 0 errors, 0 warnings, 2 not readable\n$/);
  });

  it('stdin with invalid UTF-8', () => {
    const r = runCli(['validate', '-'], { input: Buffer.from([0x7b, 0x22, 0xfe, 0x22, 0x7d]) });
    expectCleanFailure(r, 2);
    expect(r.stderr).toBe('cds-usage-segments: <stdin>: not valid UTF-8\n');
  });
});

describe('JSON that is not a usage segment: exit 1, validate reports a schema error', () => {
  for (const [name, text] of [
    ['null', 'null'],
    ['a number', '42'],
    ['a negative zero', '-0'],
    ['a string', '"usage_segments"'],
    ['true', 'true'],
    ['an empty array', '[]'],
    ['an array of the examples', `[${JSON.stringify(example('option1-estimated.json'))}]`],
    ['an empty object', '{}'],
  ] as const) {
    it(name, () => {
      const doc = JSON.parse(text);
      for (const kind of ['auto', 'segment', 'list'] as const) {
        const r = checkLib(doc, { kind, strict: true });
        expect(r.valid).toBe(false);
        expect(r.errors[0]!.code).toBe('schema');
      }
      const run = cli(`top-${name.replace(/\W+/g, '-')}.json`, text);
      expectCleanFailure(run, 1);
      expect(run.stdout).toMatch(/\(root\) schema /);
    });
  }
});

describe('100,000-deep nesting', () => {
  const N = 100_000;
  const places: [string, (inner: string) => string, boolean?][] = [
    ['the whole document (arrays)', (d) => d],
    ['a segment field', (d) => JSON.stringify({ ...example('option1-estimated.json'), related_accounts: '@' }).replace('"@"', d)],
    ['an unknown field (strict)', (d) => JSON.stringify({ ...example('option1-estimated.json'), x_extra: '@' }).replace('"@"', d), true],
    ['a value', (d) => JSON.stringify({ ...example('option1-estimated.json'), values: [['@']] }).replace('"@"', d)],
    ['a value set', (d) => JSON.stringify({ ...example('option1-estimated.json'), values: ['@'] }).replace('"@"', d)],
    ['a format entry', (d) => JSON.stringify({ ...example('option1-estimated.json'), format: ['@'] }).replace('"@"', d)],
    ['a segment of a page', (d) => JSON.stringify({ ...example('gap-disclosure-page.json'), usage_segments: ['@'] }).replace('"@"', d)],
    ['next of a page', (d) => JSON.stringify({ ...example('gap-disclosure-page.json'), next: '@' }).replace('"@"', d)],
  ];
  for (const [where, wrap, allowed] of places) {
    for (const kind of ['array', 'object'] as const) {
      it(`${kind}s in ${where}: validate ${allowed ? 'warns' : 'reports'}, the CLI exits ${allowed ? 0 : 1}`, () => {
        const text = wrap(deepText(N, kind));
        const doc = JSON.parse(text);
        const r = checkLib(doc, { strict: true });
        expect(r.valid).toBe(allowed === true);
        if (allowed) {
          expect(r.warnings.map((w) => w.code)).toEqual(['unknown-field']);
          expect(cli(`deep-${kind}-allowed.json`, text, ['--strict']).code).toBe(0);
          return;
        }
        expect(checkLib(doc, { kind: 'list' }).valid).toBe(false);
        expect(checkRevision(doc, doc).errors.map((p) => p.code)).not.toContain('internal-error');
        expect(() => readRows(doc)).not.toThrow();
        expectCleanFailure(cli(`deep-${kind}-${where.replace(/\W+/g, '-')}.json`, text, ['--strict']), 1);
      });
    }
  }

  it('a deep extension value is accepted (an extension value is any object) without a stack overflow', () => {
    const seg = example('option1-estimated.json');
    const text = JSON.stringify({ ...seg, format: ['x_ext'], values: [['@']] }).replace('"@"', deepText(N, 'object'));
    const r = checkLib(JSON.parse(text), { strict: true });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-format']);
  });
});

describe('__proto__, constructor and prototype keys', () => {
  const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON'];
  const poison = () => ({ polluted: 'yes', valid: true, cds_usagesegment_id: 'evil', toString: 1, valueOf: 1 });

  /** JSON text of `doc` with every hostile key added to every object (JSON.parse makes them own properties). */
  function withHostileKeys(doc: unknown): string {
    const stack: unknown[] = [doc];
    while (stack.length > 0) {
      const x = stack.pop();
      if (Array.isArray(x)) stack.push(...x);
      else if (x !== null && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        stack.push(...Object.values(o));
        for (const k of HOSTILE) if (k !== '__proto__') o[k] = poison();
        o.__hostile_proto__ = poison();
      }
    }
    return JSON.stringify(doc).replaceAll('"__hostile_proto__"', '"__proto__"');
  }

  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const arrayProtoBefore = Object.getOwnPropertyNames(Array.prototype).sort();

  for (const name of ['option2-both-columns.json', 'gap-disclosure-page.json', 'supply-mix-attribution.json']) {
    it(`at every level of ${name}: same verdict as without them, nothing polluted`, () => {
      const clean = example(name);
      const text = withHostileKeys(example(name));
      const doc = JSON.parse(text);
      expect(Object.prototype.hasOwnProperty.call(doc, '__proto__')).toBe(true);
      const plain = validate(clean);
      for (const strict of [false, true]) {
        const r = checkLib(doc, { strict });
        expect(r.errors).toEqual(plain.errors);
        if (strict) expect(r.warnings.every((w) => w.code === 'unknown-field' || w.code === 'net-balance')).toBe(true);
      }
      for (const seg of Array.isArray(doc.usage_segments) ? doc.usage_segments : [doc]) {
        expect(() => readRows(seg)).not.toThrow();
        expect(checkRevision(seg, seg).errors.map((p) => p.code)).not.toContain('internal-error');
      }
      const run = cli(`proto-${name}`, text, ['--strict', '--json']);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(out.valid).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoBefore);
    });
  }

  it('a segment whose fields exist only under __proto__ or constructor.prototype is rejected (exit 1)', () => {
    const seg = example('option1-estimated.json');
    for (const text of [`{"__proto__": ${JSON.stringify(seg)}}`, `{"constructor": {"prototype": ${JSON.stringify(seg)}}}`]) {
      const doc = JSON.parse(text);
      const r = checkLib(doc);
      expect(r.valid).toBe(false);
      expect(r.errors.map((p) => p.message)).toContain('missing required property "cds_usagesegment_id"');
      expectCleanFailure(cli('proto-only.json', text), 1);
    }
    expect(({} as Record<string, unknown>).cds_usagesegment_id).toBeUndefined();
  });

  it('format entries and values that are objects with toString/valueOf keys do not break messages or readRows', () => {
    const seg = example('option1-estimated.json');
    const evil = { toString: 1, valueOf: 1 };
    const doc = { ...seg, format: [evil], values: [[evil]], cds_modified: evil, interval: evil };
    const r = checkLib(doc, { strict: true });
    expect(r.valid).toBe(false);
    expect(readRows(doc as never)[0]!.cells[0]).toMatchObject({ kind: 'extension', format: '{"toString":1,"valueOf":1}' });
  });
});

describe('numbers', () => {
  const seg = () => example('option1-estimated.json');
  const long = '9'.repeat(400);
  const cases: [string, string, boolean][] = [
    // [description, JSON text of the segment, valid?]
    ['v = 1e309 (parses to Infinity)', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', '{"v": 1e309}'), false],
    ['v = -1e309', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', '{"v": -1e309}'), false],
    ['interval = 1e309', JSON.stringify(seg()).replace('"interval":2678400', '"interval":1e309'), false],
    // A decimal (the draft's type) that is not positive: our decision, a warning (interval-not-positive) since issue 20.
    ['interval = -0', JSON.stringify(seg()).replace('"interval":2678400', '"interval":-0'), true],
    ['interval = 5e-324', JSON.stringify(seg()).replace('"interval":2678400', '"interval":5e-324'), false],
    ['interval = a 400-digit integer', JSON.stringify(seg()).replace('"interval":2678400', `"interval":${long}`), false],
    ['interval = 2678400 written with 400 zero decimals', JSON.stringify(seg()).replace('"interval":2678400', `"interval":2678400.${'0'.repeat(400)}`), true],
    ['v = -0', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', '{"v": -0}'), true],
    ['v = a 300-digit number', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', `{"v": ${long.slice(100)}}`), true],
    ['v = a 400-digit number (parses to Infinity)', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', `{"v": ${long}}`), false],
    ['v = a 10,000-digit fraction', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', `{"v": 0.${'3'.repeat(10_000)}}`), true],
    ['v = 1e-400 (underflows to 0)', JSON.stringify({ ...seg(), values: [['@']] }).replace('"@"', '{"v": 1e-400}'), true],
    // supply_mix is a format of the draft's list, whose value shape no text defines: a wrong shape is a warning (value-shape).
    ['mix = 1e309 in supply_mix', JSON.stringify({ ...seg(), format: ['supply_mix'], values: [['@']] }).replace('"@"', '[{"type":"solar","mix":1e309}]'), true],
  ];
  for (const [name, text, valid] of cases) {
    it(`${name}: ${valid ? 'valid' : 'an error, exit 1'}`, () => {
      const doc = JSON.parse(text);
      const r = checkLib(doc, { strict: true });
      expect(r.valid, JSON.stringify(r.errors).slice(0, 300)).toBe(valid);
      // A number that parsed to ±Infinity is shown as such, not as JSON.stringify's null.
      if (/1e309|400-digit/.test(name)) for (const p of r.errors) expect(p.message).not.toMatch(/"v":null/);
      if (name.startsWith('v = 1e309')) expect(r.errors.map((p) => p.message).join()).toContain('{"v":Infinity}');
      const run = cli(`num-${name.replace(/\W+/g, '-')}.json`, text);
      if (valid) expect(run.code).toBe(0);
      else expectCleanFailure(run, 1);
    });
  }
});

it('readRows does not throw when interval × index leaves the range of dates (found by npm run fuzz)', () => {
  const seg = { ...example('option1-estimated.json'), interval: 1.6e69, values: [[null], [null]] };
  const rows = readRows(seg);
  expect(rows[1]!.start).toBe('');
  expect(checkLib(seg).valid).toBe(false);
});

describe('every field with the wrong type', () => {
  const WRONG: unknown[] = [null, true, 0, -1, 1.5, '', 'x', '2024-01-15T00:00:00', [], [null], [[]], {}, { v: 1 }, Number.MAX_VALUE];
  const SEGMENT_FIELDS = Object.keys(example('option1-estimated.json'));
  const PAGE_FIELDS = ['usage_segments', 'next', 'previous'];

  it('segment fields: validate reports an error on the field (or below it), never throws', () => {
    const files: string[] = [];
    for (const field of SEGMENT_FIELDS) {
      for (const w of WRONG) {
        const doc = deepFreezeIter({ ...example('option1-estimated.json'), [field]: w });
        const r = checkLib(doc, { strict: true });
        // Some replacements are legitimately valid (an empty related_* list, a format/values pair that still fits).
        if (r.valid) continue;
        // A type error is reported on the field; a well-typed wrong value may surface as a cross-field rule (interval → /values).
        if (r.errors.every((p) => p.code === 'schema')) {
          expect(r.errors.some((p) => p.path === `/${field}` || p.path.startsWith(`/${field}/`) || p.path === '')).toBe(true);
        }
        if (files.length < 60) files.push(tmp.file(`wrong-${field}-${files.length}.json`, JSON.stringify(doc)));
      }
      const dropped: Record<string, unknown> = example('option1-estimated.json');
      delete dropped[field];
      checkLib(dropped);
    }
    const run = runCli(['validate', ...files]);
    expectCleanFailure(run, 1);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^${files.length} files checked: `));
  });

  it('page fields and every segment of a page: validate reports, the CLI exits 1', () => {
    const files: string[] = [];
    for (const field of PAGE_FIELDS) {
      for (const w of WRONG) {
        if (w === null && field !== 'usage_segments') continue; // next/previous may be null
        const doc = { ...example('gap-disclosure-page.json'), [field]: w };
        const r = checkLib(doc, { strict: true });
        if (field === 'usage_segments' && Array.isArray(w) && w.length === 0) continue; // an empty page is valid
        expect(r.valid, `${field} = ${JSON.stringify(w)}`).toBe(false);
        files.push(tmp.file(`wrong-page-${field}-${files.length}.json`, JSON.stringify(doc)));
      }
    }
    for (const w of WRONG) {
      const page = example('gap-disclosure-page.json');
      page.usage_segments[1] = w;
      expect(checkLib(page, { strict: true }).valid).toBe(false);
    }
    expectCleanFailure(runCli(['validate', ...files]), 1);
  });
});

describe('size and counts (small enough for npm test; the big ones are in npm run stress)', () => {
  it('10,000 bad values: 100 errors kept, the rest counted, CLI summary says how many are not listed', () => {
    const seg = example('option1-estimated.json');
    const n = 10_000;
    const start = Date.parse(seg.segment_start);
    const doc = {
      ...seg,
      interval: 60,
      segment_end: new Date(start + n * 60_000).toISOString(),
      values: Array.from({ length: n }, (_, i) => [{ v: `bad-${i}` }]),
    };
    const r = checkLib(doc);
    expect(r.errors).toHaveLength(MAX_PROBLEMS);
    expect(r.errors.length + r.omittedErrors).toBe(n);
    expect(r.truncated).toBe(true);
    const run = cli('10k-bad.json', JSON.stringify(doc));
    expectCleanFailure(run, 1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines.at(-1)).toBe(`1 file checked: ${n} errors, 0 warnings (${n - MAX_PROBLEMS} not listed) — invalid`);
    const json = JSON.parse(cli('10k-bad.json', JSON.stringify(doc), ['--json']).stdout);
    expect(json.errors).toHaveLength(MAX_PROBLEMS);
    expect(json.files[0]).toMatchObject({ errors: n, omittedErrors: n - MAX_PROBLEMS });
  });

  it('a page with 10,000 segments: valid; with one id repeated 10,000 times: errors capped', () => {
    const page = bigPage(10_000);
    const r = checkLib(page, { strict: true });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(cli('10k-segments.json', JSON.stringify(page)).code).toBe(0);
    for (const s of page.usage_segments as { cds_usagesegment_id: string }[]) s.cds_usagesegment_id = 'same';
    const dup = checkLib(page);
    expect(dup.valid).toBe(false);
    expect(dup.errors.length + dup.omittedErrors).toBeGreaterThanOrEqual(9_999);
    expectCleanFailure(cli('10k-dup.json', JSON.stringify(page)), 1);
  });

  it('a 5 MB string in each string field: a bounded answer with a short message', () => {
    const big = 'a'.repeat(5 * 1024 * 1024);
    const seg = example('option1-estimated.json');
    for (const [field, value, valid] of [
      ['cds_usagesegment_id', big, true],
      ['cds_created', big, false],
      ['segment_start', `2024-01-15T00:00:00.${'1'.repeat(big.length)}Z`, false],
      ['format', [big], true], // a lowercase identifier: an extension format
      ['format', ['X' + big], true], // not a lowercase identifier: format-spelling, a warning since issue 20 (2024-09 L487 sets no spelling)
      ['related_accounts', [big], true],
      ['values', [[{ v: big }]], false],
    ] as const) {
      const doc = { ...seg, [field]: value };
      const r = checkLib(doc, { strict: true });
      expect(r.valid, field).toBe(valid);
    }
    const page = example('gap-disclosure-page.json');
    // A 5 MB link: legal when it is a URI (link-length, a warning since issue 20), an error when it is not.
    for (const [link, want] of [
      [`https://example.com/${big}`, { errors: [], warnings: ['link-length /next'] }],
      // Not a URI: the error alone (a decided warning is not added at a path that has an error).
      [big, { errors: ['schema /next'], warnings: [] }],
      [`https://example.com/ ${big}`, { errors: ['schema /next'], warnings: [] }],
    ] as const) {
      const r = checkLib({ ...page, next: link });
      expect({ errors: r.errors.map((p) => `${p.code} ${p.path}`), warnings: r.warnings.map((p) => `${p.code} ${p.path}`) }).toEqual(want);
    }
    const key = checkLib({ ...seg, [big]: 1 }, { strict: true });
    expect(key.warnings.map((w) => w.code)).toEqual(['unknown-field']);
    expectCleanFailure(cli('5mb-created.json', JSON.stringify({ ...seg, cds_created: big })), 1);
  });
});
