import { kindHint } from '../kind-hint.js';
import { detectKind, resolveModel, validate, type DocumentKind } from '../validate.js';
import { UsageError, type CliIo } from './io.js';
import { loadJson } from './input.js';
import { choice, JSON_OPTION, MODEL_OPTION, SERVER_METADATA_OPTION, STRICT_OPTION } from './options.js';
import { modelArgs } from './model-options.js';
import { addResult, emptyReport, printReport, uncheckedEntry } from './report.js';
import type { Command } from './command.js';

const KINDS: readonly DocumentKind[] = ['auto', 'segment', 'list'];

const KIND_OPTION = {
  name: 'kind',
  type: 'string',
  value: 'K',
  help: 'auto (default): an object with usage_segments is a listing page,\nany other object a usage segment; or force segment / list.',
} as const;

/** `validate [--json] [--strict] [--kind K] FILE...`: check documents one by one. */
export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate [--json] [--strict] [--kind auto|segment|list] [--model auto|2024|2026] [--server-metadata FILE] FILE...',
  summary: 'Check usage segments or listing pages (FILE "-" reads stdin).',
  options: [JSON_OPTION, STRICT_OPTION, KIND_OPTION, MODEL_OPTION, SERVER_METADATA_OPTION],
  async run({ values, positionals: files }, io: CliIo): Promise<number> {
    const kind = choice(values, 'kind', KINDS, 'auto');
    if (files.length === 0) throw new UsageError('validate needs at least one FILE (or - for stdin)');
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be given only once');
    const models = await modelArgs(values, io);
    const report = emptyReport();
    for (const file of files) {
      const loaded = await loadJson(file, io);
      if ('reason' in loaded) report.files.push(uncheckedEntry(file, loaded.reason));
      else {
        const result = validate(loaded.doc, { kind, strict: values.strict === true, text: loaded.text, ...models });
        const hint = kind === 'auto' && !result.valid && detectKind(loaded.doc) === 'segment' ? kindHint(loaded.doc) : null;
        addResult(report, file, resolveModel(loaded.doc, models.model), result, hint);
      }
    }
    return printReport(io, values.json === true, report);
  },
};
