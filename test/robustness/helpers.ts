/**
 * Shared helpers of the robustness tests (test/robustness/) and the stress run
 * (test/stress/). Everything here is iterative: inputs nest 100,000 deep.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MAX_PROBLEMS, getRule, resolvePointer, type ValidationResult } from '../../src/index.js';

export { ROOT } from '../helpers/paths.js';
export { EXAMPLES, example } from '../helpers/examples.js';
import type { CliRun } from '../helpers/cli.js';
export { CLI_BIN as CLI, spawnCli as runCli, type CliRun } from '../helpers/cli.js';

class KeyMark {
  constructor(readonly key: string) {}
}

/**
 * Canonical text of a JSON value, without recursion (JSON.stringify overflows
 * the stack on deep nesting). Own enumerable keys in insertion order, so an own
 * `__proto__` key counts; -0 is kept apart from 0.
 */
export function fingerprint(v: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [v];
  const CLOSE_A = { close: ']' };
  const CLOSE_O = { close: '}' };
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === CLOSE_A || x === CLOSE_O) {
      out.push((x as { close: string }).close);
    } else if (x instanceof KeyMark) {
      out.push(JSON.stringify(x.key) + ':');
      continue;
    } else if (Array.isArray(x)) {
      out.push('[');
      stack.push(CLOSE_A);
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    } else if (x !== null && typeof x === 'object') {
      out.push('{');
      stack.push(CLOSE_O);
      const keys = Object.keys(x);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push((x as Record<string, unknown>)[keys[i]!]);
        stack.push(new KeyMark(keys[i]!));
      }
      if (Object.getPrototypeOf(x) !== Object.prototype && Object.getPrototypeOf(x) !== null) out.push('<proto>');
    } else if (typeof x === 'number') {
      out.push(Object.is(x, -0) ? '-0' : String(x));
    } else {
      out.push(JSON.stringify(x) ?? String(x));
    }
    out.push(',');
  }
  return out.join('');
}

/** Freeze every object and array of `v`, without recursion. */
export function deepFreezeIter<T>(v: T): T {
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object' || Object.isFrozen(x)) continue;
    Object.freeze(x);
    if (Array.isArray(x)) for (const y of x) stack.push(y);
    else for (const k of Object.keys(x)) stack.push((x as Record<string, unknown>)[k]);
  }
  return v;
}

/**
 * The documented shape of a result, checked against the input: counts add up,
 * the cap holds, every code is registered at its level, every message is one
 * non-empty line, every path is a JSON Pointer to an existing location.
 */
export function expectWellFormed(doc: unknown, r: ValidationResult, docs?: readonly unknown[]): void {
  expect(Object.keys(r).sort()).toEqual(['errors', 'omittedErrors', 'omittedWarnings', 'truncated', 'valid', 'warnings']);
  expect(Array.isArray(r.errors) && Array.isArray(r.warnings)).toBe(true);
  expect(r.errors.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  expect(r.warnings.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  for (const n of [r.omittedErrors, r.omittedWarnings]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
  if (r.omittedErrors > 0) expect(r.errors.length).toBe(MAX_PROBLEMS);
  if (r.omittedWarnings > 0) expect(r.warnings.length).toBe(MAX_PROBLEMS);
  expect(r.truncated).toBe(r.omittedErrors + r.omittedWarnings > 0);
  expect(r.valid).toBe(r.errors.length === 0 && r.omittedErrors === 0);
  for (const [list, level] of [
    [r.errors, 'error'],
    [r.warnings, 'warning'],
  ] as const) {
    for (const p of list) {
      expect(getRule(p.code)?.level, `code ${p.code}`).toBe(level);
      expect(p.code).not.toBe('internal-error');
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message.length, 'messages stay short whatever the input').toBeLessThan(1000);
      expect(p.message).not.toMatch(/[\r\n]/);
      expect(typeof p.path).toBe('string');
      expect(p.path === '' || p.path.startsWith('/')).toBe(true);
      if (p.segmentId !== undefined) expect(typeof p.segmentId).toBe('string');
      const target = docs ? docs[p.doc ?? -1] : doc;
      expect(resolvePointer(target, p.path).found, `${p.code} at ${JSON.stringify(p.path).slice(0, 200)} must resolve`).toBe(true);
    }
  }
}

/** Nest `inner` `depth` levels deep in arrays or objects, as JSON text. */
export function deepText(depth: number, kind: 'array' | 'object', inner = '1'): string {
  return kind === 'array' ? '['.repeat(depth) + inner + ']'.repeat(depth) : '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
}

/**
 * The CLI's answer to a bad input: exit 1 (findings) or 2 (unusable input), a
 * summary or a one-line reason, never a stack trace or an internal error.
 */
export function expectCleanFailure(run: CliRun, expected: 1 | 2 | (1 | 2)[]): void {
  const codes = Array.isArray(expected) ? expected : [expected];
  expect(run.signal, `killed: ${run.stderr.slice(0, 300)}`).toBe(null);
  expect(codes, `exit ${run.code}; stderr ${run.stderr.slice(0, 300)}`).toContain(run.code);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toMatch(/\n\s+at /);
  expect(run.stderr + run.stdout).not.toMatch(/internal error|internal-error|RangeError|TypeError|Maximum call stack/);
  if (run.code === 2) {
    const lines = run.stderr.trim().split('\n');
    expect(lines.length, run.stderr.slice(0, 500)).toBeGreaterThanOrEqual(1);
    for (const l of lines) expect(l).toMatch(/^cds-usage-segments: .+/);
    expect(lines.every((l) => l.length < 500)).toBe(true);
  } else {
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/checked: .* — invalid$/);
  }
}

/** A scratch directory under os.tmpdir(), removed by `done()`. */
export function scratch(prefix: string): { dir: string; file: (name: string, content: string | Buffer) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A valid monthly→hourly kwh_fwd segment with `n` value sets (as JSON text, built without a giant object). */
export function bigSegmentText(n: number, value: (i: number) => string = (i) => `[{"v":${(i % 1000) / 10}}]`): string {
  const start = Date.UTC(2000, 0, 1);
  const parts: string[] = [];
  parts.push(
    `{"cds_usagesegment_id":"big","cds_created":"2025-01-01T00:00:00Z","cds_modified":"2025-01-01T00:00:00Z",` +
      `"related_aggregations":[],"related_accounts":["a"],"related_servicecontracts":[],"related_servicepoints":[],` +
      `"related_meterdevices":[],"related_billsections":[],"related_eacs":[],` +
      `"segment_start":"${new Date(start).toISOString()}","segment_end":"${new Date(start + n * 60_000).toISOString()}",` +
      `"interval":60,"format":["kwh_fwd"],"values":[`,
  );
  const chunk: string[] = [];
  for (let i = 0; i < n; i++) {
    chunk.push(value(i));
    if (chunk.length === 100_000) {
      parts.push(chunk.join(',') + (i === n - 1 ? '' : ','));
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) parts.push(chunk.join(','));
  parts.push(']}');
  return parts.join('');
}

/** A page of `n` contiguous hourly segments of one meter (one value set each). */
export function bigPage(n: number): { usage_segments: unknown[]; next: null; previous: null } {
  const t0 = Date.UTC(2024, 0, 1);
  const segs = [];
  for (let i = 0; i < n; i++) {
    segs.push({
      cds_usagesegment_id: `s-${i}`,
      cds_created: '2025-01-01T00:00:00Z',
      cds_modified: '2025-01-01T00:00:00Z',
      related_aggregations: [],
      related_accounts: ['acc'],
      related_servicecontracts: [],
      related_servicepoints: [],
      related_meterdevices: ['m'],
      related_billsections: [],
      related_eacs: [],
      segment_start: new Date(t0 + i * 3_600_000).toISOString(),
      segment_end: new Date(t0 + (i + 1) * 3_600_000).toISOString(),
      interval: 3600,
      format: ['kwh_fwd'],
      values: [[{ v: i % 7 }]],
    });
  }
  return { usage_segments: segs, next: null, previous: null };
}

/** Date-time look-alikes of about `n` characters that could make a careless parser or regex slow. */
export function pathologicalDateTimes(n: number): string[] {
  return [
    '2024-01-15T00:00:00.' + '1'.repeat(n),
    '2024-01-15T00:00:00.' + '1'.repeat(n) + 'Z',
    '2024-01-15T00:00:00' + '.1'.repeat(n / 2),
    '2024-01-15T00:00:00+' + '0'.repeat(n),
    '9'.repeat(n),
    't'.repeat(n),
  ];
}

/**
 * Every value stored under one of `keys` anywhere in a JSON document, with its
 * JSON Pointer; the walk does not descend into a value it returns.
 */
export function valuesUnderKeys(doc: unknown, keys: readonly string[], root = ''): { path: string; key: string; value: unknown }[] {
  const out: { path: string; key: string; value: unknown }[] = [];
  const stack: [unknown, string][] = [[doc, root]];
  while (stack.length > 0) {
    const [x, p] = stack.pop()!;
    if (Array.isArray(x)) x.forEach((y, i) => stack.push([y, `${p}/${i}`]));
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (keys.includes(k)) out.push({ path: `${p}/${k}`, key: k, value: v });
        else stack.push([v, `${p}/${k}`]);
      }
    }
  }
  return out;
}
