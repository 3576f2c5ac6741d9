/**
 * `cds-usage-segments diff OLD NEW`: the command's behaviour over the library,
 * independent of how the CLI dispatches (the command table wraps `runDiff`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffSpecFiles, type DiffHints } from './diff.js';
import { DiffInputError } from './load.js';
import { DIFF_FORMATS, FAIL_ON, fails, renderReport, type DiffFormat, type FailOn } from './render.js';

export const DIFF_USAGE = 'diff [--format text|json|markdown|junit] [--fail-on none|client|server|any] [--hints FILE] OLD NEW';

export const DIFF_SUMMARY =
  'Compare two OpenAPI descriptions (YAML or JSON, split files followed)\nand classify each change by rule id as breaking for Clients and/or\nServers (docs/diff-rules.md). Exit 1 when a change breaks whom\n--fail-on names (default any; none only reports).';

export const DIFF_OPTIONS = [
  { name: 'format', type: 'string', value: 'F', help: 'diff: text (default), json, markdown or junit.' },
  { name: 'fail-on', type: 'string', value: 'W', help: 'diff: any (default), client, server or none.' },
  { name: 'hints', type: 'string', value: 'FILE', help: 'diff: JSON {components, properties} naming renamed schemas and fields.' },
] as const;

export interface DiffIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Thrown for a bad command line (the CLI answers with exit 2 and a pointer to --help). */
export class DiffUsageError extends Error {}

function readHints(file: string): DiffHints {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DiffInputError(`${file}: cannot read hints (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const ok = (v: unknown) => v === undefined || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'));
  const h = parsed as { components?: unknown; properties?: unknown };
  if (parsed === null || typeof parsed !== 'object' || !ok(h.components) || !ok(h.properties)) {
    throw new DiffInputError(`${file}: hints must be {"components": {old: new}, "properties": {old: new}} with string values`);
  }
  return parsed as DiffHints;
}

/** Run the command; resolves to the exit status (0 nothing failing, 1 a failing change, 2 bad input). Throws `DiffUsageError` for a bad command line. */
export function runDiff(args: readonly string[], io: DiffIo): number {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { format: { type: 'string' }, 'fail-on': { type: 'string' }, hints: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw new DiffUsageError((e instanceof Error ? e.message : String(e)).split('\n')[0]!);
  }
  const format = (values.format ?? 'text') as DiffFormat;
  const failOn = (values['fail-on'] ?? 'any') as FailOn;
  if (!DIFF_FORMATS.includes(format)) throw new DiffUsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}`);
  if (!FAIL_ON.includes(failOn)) throw new DiffUsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
  if (positionals.length !== 2) throw new DiffUsageError(`diff needs two descriptions, OLD and NEW (got ${positionals.length})`);
  try {
    const hints = typeof values.hints === 'string' ? readHints(values.hints) : {};
    const report = diffSpecFiles(positionals[0]!, positionals[1]!, { hints });
    io.stdout(renderReport(report, format, failOn));
    return report.changes.some((c) => fails(c, failOn)) ? 1 : 0;
  } catch (e) {
    if (e instanceof DiffInputError) {
      io.stderr(`cds-usage-segments diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
