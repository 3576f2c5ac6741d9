import { isObject } from '../json.js';
import { readRows } from '../reader.js';
import type { UsageSegment } from '../models/generated-2024.js';
import { resolveModel, validate } from '../validate.js';
import type { Command } from './command.js';
import { inputName, loadJson } from './input.js';
import { UsageError, type CliIo } from './io.js';
import { modelArgs, modelChoices } from './model-options.js';
import { MODEL_OPTION, SERVER_METADATA_OPTION } from './options.js';
import { problemLine } from './report.js';
import { PROGRAM } from '../program.js';

/** The segments of a document with their JSON pointers: a listing page's `usage_segments`, or the document itself. */
function segmentsOf(doc: unknown): { path: string; segment: unknown }[] {
  if (isObject(doc) && Array.isArray(doc.usage_segments)) return doc.usage_segments.map((segment, i) => ({ path: `/usage_segments/${i}`, segment }));
  return [{ path: '', segment: doc }];
}

/**
 * `rows [--model M] [--server-metadata FILE] FILE|-`: the library's `readRows`
 * from the command line. Rows are read only from a document the checker
 * accepts in its model, because `readRows` turns what it cannot read into
 * `null` and an invalid document would print as if it had gaps.
 */
export const rowsCommand: Command = {
  name: 'rows',
  usage: `rows [--model ${modelChoices()}] [--server-metadata FILE] FILE|-`,
  summary:
    'Print the rows of a valid usage segment or listing page as the library\'s\nreadRows reads them (one JSON object: model, and per segment its JSON\npointer, id and rows with each cell typed by its format). Exit 1 when\nthe document has errors (run `validate` to see them all).',
  options: [MODEL_OPTION, SERVER_METADATA_OPTION],
  async run({ values, positionals }, io: CliIo): Promise<number> {
    if (positionals.length !== 1) throw new UsageError(`rows takes one FILE (or - for stdin), got ${positionals.length}`);
    const file = positionals[0]!;
    const models = await modelArgs(values, io);
    const loaded = await loadJson(file, io);
    if ('reason' in loaded) return 2;
    const result = validate(loaded.doc, { text: loaded.text, ...models });
    if (!result.valid) {
      const lines = result.errors.slice(0, 10).map((p) => `  ${problemLine(p)}\n`);
      io.stderr(`${PROGRAM} rows: ${inputName(file)} has ${result.errors.length === 1 ? '1 error' : `${result.errors.length} errors`}; fix ${result.errors.length === 1 ? 'it' : 'them'} first (\`validate\` lists every problem):\n${lines.join('')}`);
      return 1;
    }
    const segments = segmentsOf(loaded.doc).map(({ path, segment }) => ({
      path,
      id: isObject(segment) ? (segment.cds_usagesegment_id ?? null) : null,
      rows: readRows(segment as UsageSegment),
    }));
    io.stdout(JSON.stringify({ model: resolveModel(loaded.doc, models.model), segments }, null, 2) + '\n');
    return 0;
  },
};
