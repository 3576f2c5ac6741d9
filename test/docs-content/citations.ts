// Citations of the working group's texts, as written in docs/traceability.md
// and docs/errata.md: `key §section Lline` or `key §section Lfrom–to`, with
// the line numbers of the file at the pinned commit. When the project's
// extracts of those texts are at hand (../shared/drafts and ../shared/seed
// next to the repository, or CDS_SHARED_DIR), a citation can be checked
// against them: every cited line lies inside an extract, not all of them are
// blank, and the nearest numbered heading above the first line carries the
// cited section number.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

export const SOURCE_KEYS = ['2024-09', '2024-08', 'ov-08', 'ov-09', 'min', 'min-0815', '2026'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

export interface Citation {
  key: SourceKey;
  section: string | null;
  from: number;
  to: number;
  text: string;
}

const CITATION = /^(2024-09|2024-08|ov-08|ov-09|min-0815|min|2026)(?: §(\d+(?:\.\d+)*))? L(\d+)(?:–(\d+))?$/;

/** Parse one citation; null when it is not in the documented shape. */
export function parseCitation(text: string): Citation | null {
  const m = CITATION.exec(text);
  if (!m) return null;
  const from = Number(m[3]);
  const to = m[4] === undefined ? from : Number(m[4]);
  if (to < from) return null;
  return { key: m[1] as SourceKey, section: m[2] ?? null, from, to, text };
}

/**
 * Where the project's extract of each source holds which lines of the
 * original: [first original line, last original line, line of the extract
 * holding the first one]. The ranges are those stated in each extract's
 * header (../shared/drafts/README.md names the files).
 */
const EXTRACTS: Record<Exclude<SourceKey, 'min-0815'>, { file: string; ranges: [number, number, number][] }> = {
  '2024-09': { file: 'drafts/2024-09-usage-segments.md', ranges: [[438, 521, 14], [86, 129, 101]] },
  '2024-08': { file: 'drafts/2024-09-usage-segments.md', ranges: [[429, 477, 150]] },
  'ov-08': { file: 'drafts/2024-08-overview-examples.md', ranges: [[1, 917, 1]] },
  'ov-09': { file: 'drafts/2024-09-overview-examples.md', ranges: [[1, 887, 1]] },
  min: { file: 'seed/000_b87e8f17f2d985d2.txt', ranges: [[1, 226, 1]] },
  '2026': {
    file: 'drafts/2026-dev-usage-segments.md',
    ranges: [
      [5430, 5976, 12],
      [832, 879, 591],
      [1327, 1423, 642],
      [1622, 1642, 742],
      [2685, 2732, 766],
      [2881, 2924, 817],
      [4140, 4146, 581],
      [7789, 7873, 864],
      // §2's definitions, extracted one by one (the original lines between them are other terms).
      [342, 342, 566],
      [344, 347, 568],
      [357, 357, 573],
      [371, 371, 575],
      [373, 373, 577],
    ],
  },
};

/** The folder holding drafts/ and seed/, or null when the texts are not at hand. */
export function sharedDir(): string | null {
  const dir = process.env.CDS_SHARED_DIR ?? join(ROOT, '..', 'shared');
  return existsSync(join(dir, 'drafts', 'README.md')) && existsSync(join(dir, 'seed')) ? dir : null;
}

const cache = new Map<string, string[]>();
function linesOf(dir: string, file: string): string[] {
  const path = join(dir, file);
  let lines = cache.get(path);
  if (!lines) {
    lines = readFileSync(path, 'utf8').split('\n');
    cache.set(path, lines);
  }
  return lines;
}

/** The extract's lines for original lines from..to, or null if any lies outside the extract. */
function extractLines(dir: string, key: Exclude<SourceKey, 'min-0815'>, from: number, to: number): { lines: string[]; first: number } | null {
  const { file, ranges } = EXTRACTS[key];
  const range = ranges.find(([lo, hi]) => from >= lo && to <= hi);
  if (!range) return null;
  const all = linesOf(dir, file);
  const first = range[2] + (from - range[0]) - 1; // 0-based index in the extract
  return { lines: all.slice(first, first + (to - from) + 1), first };
}

// A numbered heading of the text, or one of the extract's own context headings
// that names a section (`### §2 (selected definitions)`): §2's definitions
// are extracted without the draft's heading.
const HEADING = /^#{1,6} (?:(\d+(?:\.\d+)*)\. |§(\d+(?:\.\d+)*) \()/;

/**
 * Problems with one citation against the extracts (empty when it checks
 * out). A citation of a source without an extract (`min-0815`) or outside
 * the extracted ranges is returned as `unverifiable`.
 */
export function checkCitation(dir: string, c: Citation): { problems: string[]; unverifiable: boolean } {
  if (c.key === 'min-0815') return { problems: [], unverifiable: true };
  const got = extractLines(dir, c.key, c.from, c.to);
  if (got === null) return { problems: [], unverifiable: true };
  const problems: string[] = [];
  if (got.lines.every((l) => l.trim() === '')) problems.push(`${c.text}: the cited lines are blank`);
  if (c.section !== null) {
    const all = linesOf(dir, EXTRACTS[c.key].file);
    let heading: string | null = null;
    for (let i = got.first; i >= 0; i--) {
      const m = HEADING.exec(all[i]!);
      if (m) {
        heading = (m[1] ?? m[2])!;
        break;
      }
    }
    if (heading !== c.section) problems.push(`${c.text}: the line lies in §${heading ?? '?'}, not §${c.section}`);
  }
  return { problems, unverifiable: false };
}

/** The text of the cited lines, or null when the source has no extract or the lines lie outside it. */
export function citedText(dir: string, c: Citation): string | null {
  if (c.key === 'min-0815') return null;
  return extractLines(dir, c.key, c.from, c.to)?.lines.join('\n') ?? null;
}

/** The backticked spans of a Markdown table cell. */
export const ticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
