/**
 * No regular expression that sees untrusted text can backtrack catastrophically:
 * every `pattern` of the spec, every regular expression literal and
 * `new RegExp` in src/, scripts/ and generated/2024/validators.cjs, and the
 * ajv-formats expressions the compiled validators call (date-time, uri) pass
 * the recheck ReDoS checker. The date-time parser of src/time.ts is shown to be
 * linear by counting its character reads.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { parseDateTime, validate } from '../../src/index.js';
import { ROOT, example, pathologicalDateTimes as pathological, valuesUnderKeys } from './helpers.js';

interface Found {
  where: string;
  source: string;
  flags: string;
}

function walkFiles(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walkFiles(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

/** `pattern` values anywhere in a JSON document. */
function specPatterns(doc: unknown, where: string): Found[] {
  return valuesUnderKeys(doc, ['pattern'])
    .filter((f) => typeof f.value === 'string')
    .map((f) => ({ where: `${where}#${f.path}`, source: f.value as string, flags: 'u' }));
}

/**
 * Regular expression literals and `new RegExp("…", "…")` calls in source text.
 * A literal is a `/…/flags` after a token that cannot end an expression
 * (`(`, `,`, `=`, `:`, `[`, `!`, `&`, `|`, `?`, `{`, `;`, `return`, line start).
 */
export function sourceRegexes(text: string, where: string): Found[] {
  const out: Found[] = [];
  const literal = /(^|[(,=:[!&|?{};]|\breturn)\s*\/((?![*/])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuyv]*)/gm;
  for (const line of text.split('\n')) {
    const code = line.trimStart();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) continue;
    for (const m of line.matchAll(literal)) out.push({ where, source: m[2]!, flags: m[3]! });
  }
  const ctor = /new RegExp\(\s*("(?:\\.|[^"\\])*")\s*(?:,\s*("(?:\\.|[^"\\])*")\s*)?\)/g;
  for (const m of text.matchAll(ctor)) out.push({ where: `${where} (new RegExp)`, source: JSON.parse(m[1]!), flags: m[2] ? JSON.parse(m[2]) : '' });
  return out;
}

/** The ajv-formats expressions behind the `date-time` and `uri` formats the generated validators use. */
function ajvFormatRegexes(): Found[] {
  const file = join(ROOT, 'node_modules/ajv-formats/dist/formats.js');
  const text = readFileSync(file, 'utf8');
  const out: Found[] = [];
  for (const name of ['DATE', 'TIME', 'DATE_TIME_SEPARATOR', 'NOT_URI_FRAGMENT', 'URI']) {
    const m = new RegExp(`^const ${name} = /(.+)/([a-z]*);$`, 'm').exec(text);
    expect(m, `ajv-formats defines ${name}`).not.toBeNull();
    out.push({ where: `ajv-formats ${name}`, source: m![1]!, flags: m![2]! });
  }
  return out;
}

function allRegexes(): Found[] {
  const found: Found[] = [];
  found.push(...specPatterns(JSON.parse(readFileSync(join(ROOT, 'generated/2024/openapi.json'), 'utf8')), 'generated/2024/openapi.json'));
  for (const f of [...walkFiles(join(ROOT, 'src'), ['.ts']), ...walkFiles(join(ROOT, 'scripts'), ['.mjs', '.js', '.ts']), join(ROOT, 'generated/2024/validators.cjs'), join(ROOT, 'generated/2024/quick.cjs')]) {
    found.push(...sourceRegexes(readFileSync(f, 'utf8'), relative(ROOT, f)));
  }
  found.push(...ajvFormatRegexes());
  const seen = new Set<string>();
  return found.filter((r) => {
    const k = `${r.flags}/${r.source}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Build-time expressions that only ever read this repository's own files (never
 * a user's input), accepted although recheck finds them super-linear. Keyed by
 * file and source, so any change to the expression is checked again.
 */
const BUILD_ONLY: Record<string, string> = {
  'scripts/lib/doc-blocks.mjs /<!-- (example|cli|outline|espi-mapping|espi|timeline): ([^>]*?) -->\\n[\\s\\S]*?<!-- \\/\\1 -->/g':
    'docs:guides splices generated blocks into docs/*.md written by us; polynomial (not exponential) and bounded by those files',
  'scripts/render-docs.mjs /!\\[([^\\]]*)\\]\\(pictures\\/([a-z0-9-]+\\.svg)\\)/g':
    'docs inlines the timeline pictures that docs/*.md (written by us) link to; polynomial (not exponential) and bounded by those files',
};

/**
 * Expressions that see user input of bounded length only, accepted when
 * recheck finds them polynomial (never when exponential): a polynomial in a
 * bounded length is a bounded cost. recheck's fuzzing is time-limited, so on a
 * loaded machine it may find the polynomial case, or time out (unknown), or
 * find nothing; each passes, an exponential finding does not.
 */
const BOUNDED_INPUT: Record<string, string> = {
  'ajv-formats URI': 'sees only `next`/`previous` links of at most LINK_MAX_LENGTH characters: src/schema.ts reports a longer link itself and hides it from the uri format',
};

describe('ReDoS', () => {
  it('the scanner finds literals and constructor calls, and skips comments and division', () => {
    const text = [
      "const a = s.replace(/~/g, '~0');",
      'if (/^(0|[1-9][0-9]*)$/.test(tok)) x = y / 2 / 3;',
      '// a comment with /not a regex/',
      'return /[/]x\\/y/u;',
      'const p = new RegExp("^\\\\d+$", "u");',
    ].join('\n');
    expect(sourceRegexes(text, 't').map((r) => [r.source, r.flags])).toEqual([
      ['~', 'g'],
      ['^(0|[1-9][0-9]*)$', ''],
      ['[/]x\\/y', 'u'],
      ['^\\d+$', 'u'],
    ]);
  });

  it('recheck recognises a vulnerable expression (the checker works offline)', async () => {
    const r = await check('^(a+)+$', '');
    expect(r.status).toBe('vulnerable');
  }, 60_000);

  it('every pattern of the spec and every regular expression in src/, scripts/ and the validators is safe', async () => {
    const regexes = allRegexes();
    // The spec's two patterns, src's pointer/schema/CLI expressions, the generated validator's, ajv-formats' five.
    expect(regexes.filter((r) => r.where.startsWith('generated/2024/openapi.json')).length).toBeGreaterThanOrEqual(2);
    expect(regexes.filter((r) => r.where.startsWith('src/')).length).toBeGreaterThanOrEqual(6);
    expect(regexes.length).toBeGreaterThanOrEqual(15);
    const unsafe: string[] = [];
    for (const r of regexes) {
      expect(() => new RegExp(r.source, r.flags), `${r.where}: /${r.source}/${r.flags} compiles`).not.toThrow();
      const res = await check(r.source, r.flags, { timeout: 10_000 });
      const id = `${r.where} /${r.source}/${r.flags}`;
      if (res.status !== 'safe' && BUILD_ONLY[id] !== undefined) {
        continue;
      }
      if (BOUNDED_INPUT[r.where] !== undefined && (res.status === 'unknown' || (res.status === 'vulnerable' && res.complexity.type === 'polynomial'))) {
        continue;
      }
      if (res.status !== 'safe') unsafe.push(`${r.where}: /${r.source.slice(0, 120)}/${r.flags} is ${res.status}${'complexity' in res && res.complexity ? ` (${res.complexity.summary})` : ''}`);
    }
    expect(unsafe).toEqual([]);
  }, 120_000);
});

describe('the date-time check is linear', () => {
  /** Character reads of parseDateTime (String.prototype.charCodeAt calls) for one input. */
  function reads(s: string): number {
    const orig = String.prototype.charCodeAt;
    let n = 0;
    String.prototype.charCodeAt = function (this: string, i: number) {
      n++;
      return orig.call(this, i);
    };
    try {
      parseDateTime(s);
    } finally {
      String.prototype.charCodeAt = orig;
    }
    return n;
  }

  // Since issue 20 a date-time of any length is read (a long fraction is legal; `date-time-length` is a
  // warning), so the bound is linear: each character read a constant number of times at most.
  it('parseDateTime reads each character a bounded number of times, whatever the length (linear)', () => {
    for (const n of [100_000, 1_000_000]) for (const s of pathological(n)) expect(reads(s)).toBeLessThanOrEqual(2 * s.length + 64);
    // At the length limit (64) the fraction loop runs over the whole string once.
    expect(reads('2024-01-15T00:00:00.' + '1'.repeat(43) + 'Z')).toBeLessThanOrEqual(2 * 64);
    expect(parseDateTime('2024-01-15T00:00:00.' + '1'.repeat(43) + 'Z')).toBe(Date.UTC(2024, 0, 15, 0, 0, 0, 111));
  });
});
