import { checkRevisionChainCounted } from '../revision.js';
import { UsageError, type CliIo } from './io.js';
import { loadJson } from './input.js';
import { JSON_OPTION, MODEL_OPTION, SERVER_METADATA_OPTION, STRICT_OPTION } from './options.js';
import { modelArgs, modelChoices } from './model-options.js';
import { printReport, tagProblems, uncheckedEntry, type FileEntry } from './report.js';
import type { Command } from './command.js';

/** `revision [--json] [--strict] PREVIOUS NEXT [LATER...]`: check a chain of revisions. */
export const revisionCommand: Command = {
  name: 'revision',
  usage: `revision [--json] [--strict] [--model ${modelChoices()}] [--server-metadata FILE] PREVIOUS NEXT [LATER...]`,
  summary:
    'Check that each document is a valid revision of the one before under\nthe Option 1 proposal of the meeting of 2024-08-08 (not decided by the\ngroup): same id, cds_created, segment_start/segment_end/interval; later\ncds_modified. Every document is also validated as a segment.',
  options: [JSON_OPTION, STRICT_OPTION, MODEL_OPTION, SERVER_METADATA_OPTION],
  async run({ values, positionals: files }, io: CliIo): Promise<number> {
    if (files.length < 2) throw new UsageError('revision needs PREVIOUS and NEXT files');
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be given only once');
    const json = values.json === true;
    const models = await modelArgs(values, io);
    const docs: unknown[] = [];
    const texts: string[] = [];
    const failures = new Map<string, string>();
    for (const file of files) {
      const loaded = await loadJson(file, io);
      if ('reason' in loaded) failures.set(file, loaded.reason);
      else {
        docs.push(loaded.doc);
        texts.push(loaded.text);
      }
    }
    if (failures.size > 0) {
      // Not checked: the readable files are listed as not valid (the chain is incomplete).
      return printReport(io, json, { errors: [], warnings: [], files: files.map((f) => uncheckedEntry(f, failures.get(f))) });
    }
    const { result: r, totalsByDoc, model } = checkRevisionChainCounted(docs, { strict: values.strict === true, texts, ...models });
    const fileOf = (p: { doc?: number }) => files[p.doc ?? 0] ?? files[0]!;
    // Each problem, listed or beyond the cap, is counted on the file it points into.
    const entries = files.map((file, i): FileEntry => {
      const total = totalsByDoc[i]!;
      const listedErrors = r.errors.filter((p) => (p.doc ?? 0) === i).length;
      const listedWarnings = r.warnings.filter((p) => (p.doc ?? 0) === i).length;
      return {
        file,
        model,
        valid: total.errors === 0,
        errors: total.errors,
        warnings: total.warnings,
        omittedErrors: total.errors - listedErrors,
        omittedWarnings: total.warnings - listedWarnings,
      };
    });
    return printReport(io, json, { errors: tagProblems(r.errors, fileOf), warnings: tagProblems(r.warnings, fileOf), files: entries });
  },
};
