import { writeFileSync } from 'node:fs';
import type { Model } from '../convert/convert.js';
import { validate } from '../validate.js';
import type { Command } from './command.js';
import { loadJson } from './input.js';
import { UsageError, type CliIo } from './io.js';
import { choice, type OptionSpec } from './options.js';
import { problemLine } from './report.js';
import { PROGRAM } from '../program.js';
import { convertTargets } from '../models/registry.js';
import { orList } from '../words.js';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'to', type: 'string', value: 'M', help: `convert, import-espi: the target model, ${orList(convertTargets())}\n(import-espi: 2026 when absent).` },
  { name: 'report', type: 'string', value: 'FILE', help: 'convert, import-espi: also write the report as JSON to FILE.' },
];

/** Schema and semantic errors of a document in its model, one line each. */
function problems(doc: unknown, model: Model): string[] {
  const r = validate(doc, { model });
  return r.errors.map(problemLine);
}

/** `convert --to 2024|2026 [--report FILE] FILE|-` (the registry's models): the converted document on stdout, the loss report on stderr. */
export const convertCommand: Command = {
  name: 'convert',
  usage: `convert --to ${convertTargets().join('|')} [--report FILE] FILE|-`,
  summary:
    'Convert a usage segment or listing page between the 2024 and 2026\nmodels (docs/converting.md): the document on stdout, the loss report\n(every loss by JSON pointer, or "no loss") on stderr. Exit 1 when the\ninput is not a valid document of its model.',
  options: OPTIONS,
  async run({ values, positionals }, io: CliIo): Promise<number> {
    // The converter loads only for this command: the CLI's other commands start without it.
    const [{ convert, ConvertInputError }, { lossReportJson, renderLossReport }] = await Promise.all([import('../convert/convert.js'), import('../convert/report.js')]);
    // Every model the registry gives a converter (read per call: a model registered later is offered too).
    const to = choice(values, 'to', convertTargets() as readonly Model[]);
    if (positionals.length !== 1) throw new UsageError(`convert takes one FILE (or - for stdin), got ${positionals.length}`);
    const file = positionals[0]!;
    const loaded = await loadJson(file, io);
    if ('reason' in loaded) return 2;
    let result;
    try {
      result = convert(loaded.doc, to);
    } catch (e) {
      if (!(e instanceof ConvertInputError)) throw e;
      io.stderr(`${PROGRAM} convert: ${file}: ${e.message}\n`);
      return 1;
    }
    // Refuse input its own model rejects: a conversion of an invalid document proves nothing.
    const before = problems(loaded.doc, result.from);
    if (before.length > 0) {
      io.stderr(`${PROGRAM} convert: ${file} is not a valid ${result.from} document (run \`validate\`):\n${before.slice(0, 10).map((l) => `  ${l}\n`).join('')}`);
      return 1;
    }
    const after = problems(result.document, result.to);
    if (after.length > 0) {
      io.stderr(`${PROGRAM} convert: internal error: the converted document is not valid ${result.to}:\n${after.slice(0, 10).map((l) => `  ${l}\n`).join('')}`);
      return 1;
    }
    io.stdout(JSON.stringify(result.document, null, 2) + '\n');
    io.stderr(renderLossReport(result, file === '-' ? 'stdin' : file));
    if (typeof values.report === 'string') {
      try {
        writeFileSync(values.report, JSON.stringify(lossReportJson(result, file), null, 2) + '\n');
      } catch (e) {
        io.stderr(`${PROGRAM} convert: cannot write ${values.report} (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 2;
      }
    }
    return 0;
  },
};
