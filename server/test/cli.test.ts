// The bin as scripts use it: demo, token create, import (one transaction,
// problems with file and path), serve (URL alone on the first stdout line).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db.js';
import { runNode, type RunResult } from './helpers.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '../dist/src/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cds-server-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], env: NodeJS.ProcessEnv = {}): RunResult => runNode(BIN, args, env);

function dump(file: string): string {
  const db = openDb(file, { readonly: true });
  const rows = db.prepare('SELECT id, agg_num, acct_num, contract_num, start_key, end_key, modified_desc, body FROM segments ORDER BY id').all();
  const dirRows = db.prepare('SELECT * FROM directory ORDER BY kind, id').all();
  db.close();
  return createHash('sha256').update(JSON.stringify([rows, dirRows])).digest('hex');
}

describe('demo', () => {
  it('prints one JSON line and is deterministic for a seed', () => {
    const a = run(['demo', '--db', join(dir, 'a.db'), '--meters', '3', '--days', '12', '--seed', '7']);
    const b = run(['demo', '--db', join(dir, 'b.db'), '--meters', '3', '--days', '12', '--seed', '7']);
    const c = run(['demo', '--db', join(dir, 'c.db'), '--meters', '3', '--days', '12', '--seed', '8']);
    expect(a.status).toBe(0);
    const out = JSON.parse(a.stdout) as { accounts: string[]; segments: number };
    expect(a.stdout.trim().split('\n')).toHaveLength(1);
    expect(out.accounts).toEqual(['acc-0001', 'acc-0002']);
    expect(out.segments).toBeGreaterThanOrEqual(36);
    expect(dump(join(dir, 'a.db'))).toBe(dump(join(dir, 'b.db')));
    expect(dump(join(dir, 'a.db'))).not.toBe(dump(join(dir, 'c.db')));
  });

  it('covers the DST days with 23- and 25-hour segments, net metering, gaps, nulls and revised estimates', () => {
    const file = join(dir, 'rich.db');
    expect(run(['demo', '--db', file, '--meters', '6', '--days', '280', '--start', '2024-02-01']).status).toBe(0);
    const db = openDb(file, { readonly: true });
    const bodies = (db.prepare('SELECT body FROM segments').pluck().all() as Buffer[]).map((b) => JSON.parse(b.toString('utf8')) as Record<string, unknown>);
    db.close();
    const lengths = new Set(bodies.filter((s) => (s.format as string[])[0] !== 'gap').map((s) => (Date.parse(s.segment_end as string) - Date.parse(s.segment_start as string)) / 3_600_000));
    expect(lengths).toContain(23);
    expect(lengths).toContain(25);
    expect(bodies.some((s) => (s.format as string[]).includes('kwh_rev'))).toBe(true);
    expect(bodies.some((s) => (s.format as string[])[0] === 'gap')).toBe(true);
    expect(bodies.some((s) => (s.values as unknown[][]).some((v) => v[0] === null))).toBe(true);
    expect(bodies.some((s) => s.cds_modified !== s.cds_created && !(s.format as string[])[0]!.endsWith('_estimate'))).toBe(true);
    expect(bodies.some((s) => (s.format as string[])[0] === 'kwh_fwd_estimate')).toBe(true);
  });

  it('rejects an interval that does not divide an hour (exit 2)', () => {
    const r = run(['demo', '--db', join(dir, 'x.db'), '--interval', '7']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--interval');
  });
});

describe('token create', () => {
  it('prints the token alone on one line and stores only its hash', () => {
    const file = join(dir, 'a.db');
    const r = run(['token', 'create', '--db', file, '--accounts', 'acc-0001', '--scopes', 'cds_usage_basic']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sbx\.[A-Za-z0-9_-]{32}\n$/);
    const token = r.stdout.trim();
    expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
    const db = openDb(file, { readonly: true });
    expect(db.prepare('SELECT hash FROM tokens').pluck().all()).toContain(createHash('sha256').update(token).digest('hex'));
    db.close();
  });
});

describe('import', () => {
  const example = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../spec/2024/examples/gap-disclosure-page.json'), 'utf8')) as { usage_segments: Record<string, unknown>[] };

  it('imports valid documents and prints the counts', () => {
    const file = join(dir, 'imp.db');
    writeFileSync(join(dir, 'page.json'), JSON.stringify(example));
    const r = run(['import', '--db', file, join(dir, 'page.json')]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ inserted: 3, replaced: 0, model: '2024' });
  });

  it('writes nothing when one document is invalid, and names file and path of each problem', () => {
    const file = join(dir, 'imp.db');
    const before = dump(file);
    const good = { ...example.usage_segments[0], cds_usagesegment_id: 'new-one' };
    const broken = { ...example.usage_segments[0], cds_usagesegment_id: 'broken', interval: 600 };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ usage_segments: [broken], next: null, previous: null }));
    const r = run(['import', '--db', file, join(dir, 'good.json'), join(dir, 'broken.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'broken.json')} /usage_segments/0/values interval-arithmetic`);
    expect(r.stderr).toContain('nothing imported');
    expect(dump(file)).toBe(before);
  });

  it('replaces a segment only with a later cds_modified (Option 1 revision)', () => {
    const file = join(dir, 'imp.db');
    const seg = example.usage_segments[0]!;
    writeFileSync(join(dir, 'same.json'), JSON.stringify(seg));
    const same = run(['import', '--db', file, join(dir, 'same.json')]);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('/cds_modified revision-modified');
    writeFileSync(join(dir, 'later.json'), JSON.stringify({ ...seg, cds_modified: '2025-02-01T00:00:00Z' }));
    expect(JSON.parse(run(['import', '--db', file, join(dir, 'later.json')]).stdout)).toEqual({ inserted: 0, replaced: 1, model: '2024' });
  });

  it('an import killed inside its transaction leaves the database as it was', async () => {
    const file = join(dir, 'imp.db');
    const before = dump(file);
    const many = { usage_segments: Array.from({ length: 50 }, (_, i) => ({ ...example.usage_segments[0], cds_usagesegment_id: `kill-${i}`, related_accounts: [`kill-acc-${i}`] })), next: null, previous: null };
    writeFileSync(join(dir, 'many.json'), JSON.stringify(many));
    const child = spawn(process.execPath, [BIN, 'import', '--db', file, join(dir, 'many.json')], { env: { ...process.env, CDS_SERVER_TEST_STALL_AFTER: '25' } });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('stalled')) resolve();
      });
      child.once('exit', () => reject(new Error(`import exited before stalling: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(dump(file)).toBe(before);
  });

  it('unreadable JSON exits 1 naming the file', () => {
    writeFileSync(join(dir, 'bad.json'), '{"usage_segments": [');
    const r = run(['import', '--db', join(dir, 'imp.db'), join(dir, 'bad.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.json: cannot read JSON');
  });
});

describe('serve', () => {
  it('prints the listing URL alone on the first stdout line once it accepts connections (--port 0)', async () => {
    const file = join(dir, 'a.db');
    const token = run(['token', 'create', '--db', file, '--accounts', 'acc-0001,acc-0002']).stdout.trim();
    const child = spawn(process.execPath, [BIN, 'serve', '--db', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/usagesegments$/);
    const r = await fetch(line, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { usage_segments: unknown[] }).usage_segments.length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
  });

  it('rejects an unknown fault with exit 2', () => {
    const r = run(['serve', '--db', join(dir, 'a.db'), '--fault', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown fault');
  });

  it('refuses a 2026-only fault on a 2024 Server with exit 2', () => {
    const r = run(['serve', '--db', join(dir, 'a.db'), '--model', '2024', '--fault', 'undeclared-type']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('fault undeclared-type needs a 2026 Server');
  });

  it('--help lists every fault', () => {
    const out = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(out).toContain('duplicate-across-pages');
    expect(out).toContain('overlap-across-pages');
  });
});
