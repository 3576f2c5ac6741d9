#!/usr/bin/env node
// CI step: `diff` of each model's spec against the last release, printed for
// the log. Informative only (exit 0 whatever changed): while the group's
// drafts move, breaking changes between our releases are expected, and the
// report is what a reviewer reads. It exits 1 only if the differ itself fails.
//
// The last release is the newest git tag `v*` reachable from HEAD. The
// package has no release tag yet; until it has, the step compares with the
// spec as it was before the latest commit that changed spec/ (what the last
// merge did to the spec). A checkout without that history (a shallow clone)
// is said so, and the step is skipped.
// Run `npm run compile` first (the CLI in dist/ does the diff).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot as root } from './lib/generated-files.mjs';

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

function baseRef() {
  try {
    const tag = git('describe', '--tags', '--abbrev=0', '--match', 'v*');
    return { ref: tag, why: `last release tag ${tag}` };
  } catch {
    // no tag: fall back to the commit that introduced the current version
  }
  try {
    const last = git('log', '-n', '1', '--format=%H', '--', 'spec');
    if (last) {
      git('rev-parse', '--verify', '--quiet', `${last}^`);
      return { ref: `${last}^`, why: `no release tag yet; the spec before its latest change (${last.slice(0, 10)}^)` };
    }
  } catch {
    // not a git checkout, or the history is cut (a shallow clone)
  }
  return undefined;
}

/** The models' root files now, and where each was at the base (before spec/2024/ existed, the 2024 model was spec/). */
const MODELS = [
  { name: '2024', now: 'spec/2024/openapi.yaml', before: ['spec/2024/openapi.yaml', 'spec/openapi.yaml'] },
  { name: '2026', now: 'spec/2026/openapi.yaml', before: ['spec/2026/openapi.yaml'] },
  { name: '2024 (pre-move layout)', now: 'spec/openapi.yaml', before: ['spec/openapi.yaml'] },
];

const base = baseRef();
if (!base) {
  console.log('spec diff against the last release: SKIPPED (no release tag and no git history of spec/ here, e.g. a shallow clone)');
  process.exit(0);
}
const scratch = mkdtempSync(join(tmpdir(), 'cds-diff-release-'));
let failed = false;
try {
  execFileSync('sh', ['-c', `git archive "${base.ref}" spec | tar -x -C "${scratch}"`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const m of MODELS) {
    if (!existsSync(join(root, m.now))) continue;
    const old = m.before.map((p) => join(scratch, p)).find((p) => existsSync(p));
    console.log(`== spec diff, model ${m.name}: ${base.why} → working tree`);
    if (!old) {
      console.log(`   (the model did not exist at ${base.ref.slice(0, 10)}: nothing to compare)`);
      continue;
    }
    const r = spawnSync(process.execPath, [join(root, 'dist/src/cli.js'), 'diff', '--fail-on', 'none', old, join(root, m.now)], { encoding: 'utf8' });
    process.stdout.write(r.stdout.replaceAll(scratch + '/', `${base.ref.slice(0, 10)}:`).replaceAll(`${root}/`, ''));
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      failed = true;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
