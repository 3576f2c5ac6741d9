// Runs the pinned Redocly CLI with telemetry off and a quiet log: every line
// it prints passes through, except two boxed notices that say nothing about
// this repository's spec or build:
// - "Node.js 20 support is ending": about *future* Redocly releases; the
//   pinned @redocly/cli declares Node 20.19+ itself (CI also runs on Node 22
//   and 24, where Redocly prints no such notice);
// - "build-docs now renders docs with Redoc 3": a migration note for custom
//   Redoc 2 themes and templates; we have none and render with Redoc 3 on purpose.
// A box without one of these phrases is printed unchanged.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isMain, repoRoot } from './generated-files.mjs';

export const SILENCED_NOTICES = ['Node.js 20 support is ending', 'build-docs now renders docs with Redoc 3'];

/**
 * A line filter: `push(line)` returns the lines to print now. Blank lines are
 * held back until the next printed line, so a dropped box leaves no gap.
 */
export function noticeFilter() {
  let box = null;
  let blanks = [];
  const emit = (lines) => {
    const out = [...blanks, ...lines];
    blanks = [];
    return out;
  };
  return {
    push(line) {
      if (box === null && line.includes('╔')) box = [];
      if (box === null) {
        if (line.trim() === '') {
          blanks.push(line);
          return [];
        }
        return emit([line]);
      }
      box.push(line);
      if (!line.includes('╝')) return [];
      const text = box.join('\n');
      const lines = box;
      box = null;
      if (SILENCED_NOTICES.some((notice) => text.includes(notice))) {
        blanks = [];
        return [];
      }
      return emit(lines);
    },
    end() {
      return box === null ? [] : emit(box);
    },
  };
}

const BIN = join(repoRoot, 'node_modules/.bin/redocly');
const ENV = { ...process.env, REDOCLY_TELEMETRY: 'off' };

/** Runs `redocly …args` (in the repository root unless `cwd`), streaming its log; resolves with its exit status. */
export function redocly(args, { cwd = repoRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd, stdio: ['ignore', 'inherit', 'pipe'], env: ENV });
    const filter = noticeFilter();
    const write = (lines) => {
      for (const line of lines) process.stderr.write(`${line}\n`);
    };
    createInterface({ input: child.stderr }).on('line', (line) => write(filter.push(line)));
    child.on('error', reject);
    child.on('close', (status) => {
      write(filter.end());
      resolve(status ?? 1);
    });
  });
}

/** The same, synchronously: the log is printed when redocly has finished. Throws when it fails. */
export function redoclySync(args, { cwd = repoRoot } = {}) {
  const r = spawnSync(BIN, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const filter = noticeFilter();
  const lines = [...r.stderr.split('\n').flatMap((line) => filter.push(line)), ...filter.end()];
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  if (r.status !== 0) throw new Error(`redocly ${args[0]} exited with status ${r.status}`);
}

if (isMain(import.meta.url)) process.exitCode = await redocly(process.argv.slice(2));
