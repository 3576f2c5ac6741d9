/**
 * Security of the published contract (generated/openapi.json): every operation
 * requires OAuth 2.0 with a defined scope and documents 401 and 403, and no
 * example carries anything that looks like a real token or secret.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, valuesUnderKeys } from './helpers.js';

const bundle = JSON.parse(readFileSync(join(ROOT, 'generated/2024/openapi.json'), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  where: string;
  op: Record<string, any>;
}

function operations(doc: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const m of METHODS) if (item[m]) out.push({ where: `${m.toUpperCase()} ${path}`, op: item[m] });
  }
  for (const [name, item] of Object.entries<any>(doc.webhooks ?? {})) {
    for (const m of METHODS) if (item[m]) out.push({ where: `webhook ${name} ${m}`, op: item[m] });
  }
  return out;
}

/** Problems with the security of every operation (empty when all is well). */
export function securityProblems(doc: any): string[] {
  const problems: string[] = [];
  const schemes: Record<string, any> = doc.components?.securitySchemes ?? {};
  const ops = operations(doc);
  if (ops.length === 0) problems.push('no operations');
  for (const { where, op } of ops) {
    const reqs = op.security ?? doc.security;
    if (!Array.isArray(reqs) || reqs.length === 0) {
      problems.push(`${where}: no security requirement (anonymous access)`);
      continue;
    }
    for (const req of reqs) {
      const names = Object.keys(req ?? {});
      if (names.length === 0) problems.push(`${where}: an empty requirement {} makes authentication optional`);
      for (const name of names) {
        const scheme = schemes[name];
        if (scheme === undefined) {
          problems.push(`${where}: security scheme ${name} is not defined`);
          continue;
        }
        if (scheme.type !== 'oauth2') problems.push(`${where}: ${name} is ${scheme.type}, not oauth2`);
        const scopes: unknown = req[name];
        if (!Array.isArray(scopes) || scopes.length === 0) problems.push(`${where}: ${name} requires no scope`);
        const defined = new Set(Object.values<any>(scheme.flows ?? {}).flatMap((f) => Object.keys(f?.scopes ?? {})));
        for (const s of Array.isArray(scopes) ? scopes : []) if (!defined.has(s)) problems.push(`${where}: scope ${s} is not listed in a flow of ${name}`);
      }
    }
    for (const status of ['401', '403']) if (!op.responses?.[status]) problems.push(`${where}: does not document ${status}`);
  }
  return problems;
}

const SECRET_PATTERNS: [string, RegExp][] = [
  ['a JWT', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/],
  ['a bearer token', /\bbearer\s+[A-Za-z0-9._~+/-]{16,}=*/i],
  ['a basic credential', /\bbasic\s+[A-Za-z0-9+/]{12,}={0,2}/i],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a long base64 blob', /[A-Za-z0-9+/_-]{40,}={0,2}/],
  ['a long hex string', /\b[0-9a-fA-F]{32,}\b/],
  ['a secret assignment', /(?:secret|password|passwd|pwd|token|api[_-]?key|client[_-]?secret|access[_-]?key|auth)\w*\s*[=:]\s*["']?[^\s"',&]+/i],
  ['a credential in a URL', /\/\/[^/\s:@]+:[^/\s@]+@/],
  ['a known token prefix', /\b(?:ghp_|gho_|github_pat_|xox[abp]-|sk_live_|AKIA)[A-Za-z0-9_]{8,}/],
];
const SECRET_KEYS = /^(?:.*[_-])?(?:secret|password|passwd|token|access_token|refresh_token|id_token|api_?key|client_secret|authorization|private_key)$/i;

/** Every string (and object key) of a value, with where it is. */
function strings(v: unknown, where: string): [string, string][] {
  const out: [string, string][] = [];
  const stack: [unknown, string][] = [[v, where]];
  while (stack.length > 0) {
    const [x, p] = stack.pop()!;
    if (typeof x === 'string') out.push([p, x]);
    else if (Array.isArray(x)) x.forEach((y, i) => stack.push([y, `${p}/${i}`]));
    else if (x !== null && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) {
        out.push([`${p} (key)`, k]);
        if (SECRET_KEYS.test(k) && typeof y === 'string' && y.length > 0) out.push([`${p}/${k}`, `${k}=${y}`]);
        stack.push([y, `${p}/${k}`]);
      }
    }
  }
  return out;
}

/** Secret-looking strings in a value. */
export function secretsIn(v: unknown, where: string): string[] {
  const found: string[] = [];
  for (const [p, s] of strings(v, where)) {
    for (const [what, re] of SECRET_PATTERNS) if (re.test(s)) found.push(`${p}: ${what} (${s.slice(0, 40)})`);
  }
  return found;
}

/** All `example` and `examples` values of the bundle. */
function bundleExamples(doc: unknown): [string, unknown][] {
  return valuesUnderKeys(doc, ['example', 'examples'], '#').map((f) => [f.path, f.value]);
}

describe('spec security', () => {
  it('every operation requires OAuth 2.0 with a defined scope and documents 401 and 403', () => {
    expect(operations(bundle).length).toBeGreaterThan(0);
    expect(securityProblems(bundle)).toEqual([]);
  });

  it('the check catches anonymous, optional, non-OAuth and unscoped operations', () => {
    const broken = structuredClone(bundle);
    const [first] = operations(broken);
    first!.op.security = [{}, { cds_oauth2: [] }, { cds_oauth2: ['cds_admin'] }, { api_key: [] }];
    delete first!.op.responses['403'];
    broken.components.securitySchemes.api_key = { type: 'apiKey', in: 'header', name: 'X-Key' };
    const problems = securityProblems(broken);
    for (const p of ['optional', 'requires no scope', 'scope cds_admin is not listed', 'api_key is apiKey, not oauth2', 'does not document 403']) {
      expect(problems.some((x) => x.includes(p)), p).toBe(true);
    }
    first!.op.security = [];
    expect(securityProblems(broken).some((x) => x.includes('anonymous'))).toBe(true);
  });

  it('no example in the bundle or in spec/2024/examples holds a token or secret', () => {
    const examples = bundleExamples(bundle);
    expect(examples.length).toBeGreaterThan(5);
    const found = examples.flatMap(([where, v]) => secretsIn(v, where));
    const dir = join(ROOT, 'spec/2024/examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) found.push(...secretsIn(JSON.parse(readFileSync(join(dir, f), 'utf8')), `spec/2024/examples/${f}`));
    expect(found).toEqual([]);
  });

  it('the secret detector flags planted secrets and passes the usual example values', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const planted = {
      a: jwt,
      b: 'Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA2YotnFZFEjr1zCsicMWpAA',
      c: '-----BEGIN RSA PRIVATE KEY-----',
      d: 'client_secret=s3cr3t-value',
      e: 'https://user:hunter2@cds.utility.test/',
      f: 'd41d8cd98f00b204e9800998ecf8427e0123abcd',
      access_token: 'abc',
      g: 'ghp_abcdefghijklmnopqrstuvwxyz012345',
    };
    const found = secretsIn(planted, 'planted');
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'access_token', 'g']) expect(found.some((x) => x.startsWith(`planted/${k}:`)), k).toBe(true);
    const harmless = { id: '99999999-ab', url: 'https://cds.utility.test/api/usagesegments?cursor=abc123', t: '2024-01-15T00:00:00Z', scope: 'cds_usage_basic', reason: 'outage' };
    expect(secretsIn(harmless, 'harmless')).toEqual([]);
  });
});
