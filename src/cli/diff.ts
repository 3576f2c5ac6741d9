import { readFileSync } from 'node:fs';
import type { DiffHints } from '../diff/diff.js';
import type { DiffFormat, FailOn } from '../diff/render.js';
import type { Command } from './command.js';
import { UsageError, type CliIo } from './io.js';
import { choice, type OptionSpec } from './options.js';
import { PROGRAM } from '../program.js';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', type: 'string', value: 'F', help: 'diff: text (default), json, markdown or junit.' },
  { name: 'fail-on', type: 'string', value: 'W', help: 'diff: exit 1 on a change breaking W: any (default),\nclient, server, or none (report only).' },
  { name: 'hints', type: 'string', value: 'FILE', help: 'diff: JSON {"components": {old: new}, "properties": {old: new}}\nnaming renamed schemas and fields.' },
];

/** A hints file that cannot be used (reported like an unreadable description). */
function readHints(file: string, DiffInputError: new (message: string) => Error): DiffHints {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DiffInputError(`${file}: cannot read hints (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const names = (v: unknown) => v === undefined || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'));
  const h = parsed as { components?: unknown; properties?: unknown };
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !names(h.components) || !names(h.properties)) {
    throw new DiffInputError(`${file}: hints must be {"components": {old: new}, "properties": {old: new}} with string values`);
  }
  return parsed as DiffHints;
}

/** `diff [--format F] [--fail-on W] [--hints FILE] OLD NEW`: the spec diff (src/diff) with its exit status. */
export const diffCommand: Command = {
  name: 'diff',
  usage: 'diff [--format text|json|markdown|junit] [--fail-on any|client|server|none] [--hints FILE] OLD NEW',
  summary:
    'Compare two OpenAPI descriptions (YAML or JSON; split files are\nfollowed) and classify each change by rule id as breaking for Clients\nand/or Servers (docs/diff-rules.md). Exit 1 when a change breaks whom\n--fail-on names, 2 when a description cannot be read.',
  options: OPTIONS,
  async run({ values, positionals }, io: CliIo): Promise<number> {
    // The differ (and its YAML reader) loads only for this command: the CLI's other commands start without it.
    const [{ diffSpecFiles }, { DiffInputError }, { DIFF_FORMATS, FAIL_ON, fails, renderReport }] = await Promise.all([import('../diff/diff.js'), import('../diff/load.js'), import('../diff/render.js')]);
    const format = choice<DiffFormat>(values, 'format', DIFF_FORMATS, 'text');
    const failOn = choice<FailOn>(values, 'fail-on', FAIL_ON, 'any');
    if (positionals.length !== 2) throw new UsageError(`diff needs two descriptions, OLD and NEW (got ${positionals.length})`);
    try {
      const hints = typeof values.hints === 'string' ? readHints(values.hints, DiffInputError) : {};
      const report = diffSpecFiles(positionals[0]!, positionals[1]!, { hints });
      io.stdout(renderReport(report, format, failOn));
      return report.changes.some((c) => fails(c, failOn)) ? 1 : 0;
    } catch (e) {
      if (!(e instanceof DiffInputError)) throw e;
      io.stderr(`${PROGRAM} diff: ${e.message}\n`);
      return 2;
    }
  },
};
