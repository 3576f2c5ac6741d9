import { kindHint } from '../kind-hint.js';
import { detectKind, resolveModel, validate, type DocumentKind } from '../validate.js';
import { UsageError, type CliIo } from './io.js';
import { writeFile } from 'node:fs/promises';
import { inputName, loadJson } from './input.js';
import { plural } from '../words.js';
import { progressMode, QUIET_OPTION, startProgress } from './progress.js';
import { REPORT_OPTIONS, validateReport, wantsReport, writeReports } from './conformance-report.js';
import { checkForTimeline, type TimelineInput } from '../timeline/data.js';
import { choice, JSON_OPTION, MODEL_OPTION, SERVER_METADATA_OPTION, STRICT_OPTION } from './options.js';
import { modelArgs, modelChoices } from './model-options.js';
import { addResult, emptyReport, printReport, renderValidateJUnit, uncheckedEntry } from './report.js';
import type { Command } from './command.js';

const KINDS: readonly DocumentKind[] = ['auto', 'segment', 'list'];

const KIND_OPTION = {
  name: 'kind',
  type: 'string',
  value: 'K',
  help: 'auto (default): an object with usage_segments is a listing page,\nany other object a usage segment; or force segment / list.',
} as const;

const JUNIT_OPTION = { name: 'junit', type: 'string', value: 'FILE', help: 'Also write a JUnit XML report (one test case per file).' } as const;

/** Megabytes, one decimal, for progress lines. */
function mb(chars: number): string {
  return `${(chars / 1e6).toFixed(1)} MB`;
}

/** `validate [--json] [--strict] [--kind K] FILE...`: check documents one by one. */
export const validateCommand: Command = {
  name: 'validate',
  usage: `validate [--json] [--strict] [--kind auto|segment|list] [--model ${modelChoices()}] [--server-metadata FILE] [--junit FILE] [--report FILE.html] [--summary FILE.md] [--quiet] FILE...`,
  summary: 'Check usage segments or listing pages (FILE "-" reads stdin).',
  options: [JSON_OPTION, STRICT_OPTION, KIND_OPTION, MODEL_OPTION, SERVER_METADATA_OPTION, JUNIT_OPTION, ...REPORT_OPTIONS, QUIET_OPTION],
  async run({ values, positionals: files }, io: CliIo): Promise<number> {
    const kind = choice(values, 'kind', KINDS, 'auto');
    if (files.length === 0) throw new UsageError('validate needs at least one FILE (or - for stdin)');
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be given only once');
    const models = await modelArgs(values, io);
    const report = emptyReport();
    const started = performance.now();
    // Long runs (many files, a page of tens of MB) show where they are when they take more than a few seconds.
    const progress = startProgress(io, progressMode(io, values.quiet === true, false));
    let checkedChars = 0;
    // A report keeps each document and what the checker read of its segments (one check run, no second).
    const reportInputs: TimelineInput[] | null = wantsReport(values) ? [] : null;
    try {
      for (const [i, file] of files.entries()) {
        const at = `${i + 1}/${files.length} ${inputName(file)}`;
        progress.line(`reading ${at}`);
        const loaded = await loadJson(file, io);
        if ('reason' in loaded) report.files.push(uncheckedEntry(file, loaded.reason));
        else {
          progress.line(`checking ${at} (${mb(loaded.text.length)})`);
          const options = { kind, strict: values.strict === true, text: loaded.text, ...models };
          let result;
          if (reportInputs === null) result = validate(loaded.doc, options);
          else {
            const checked = checkForTimeline(loaded.doc, options);
            result = checked.result;
            reportInputs.push({ label: inputName(file), doc: loaded.doc, checked: checked.checked });
          }
          const hint = kind === 'auto' && !result.valid && detectKind(loaded.doc) === 'segment' ? kindHint(loaded.doc) : null;
          addResult(report, file, resolveModel(loaded.doc, models.model), result, hint);
          checkedChars += loaded.text.length;
        }
        progress.line(`checked ${plural(i + 1, 'file')} of ${files.length}, ${mb(checkedChars)}`);
      }
    } finally {
      progress.stop();
    }
    if (typeof values.junit === 'string') await writeFile(values.junit, renderValidateJUnit(report, (performance.now() - started) / 1000));
    if (reportInputs !== null) {
      const valid = report.files.every((f) => f.valid && f.failure === undefined);
      await writeReports(values, validateReport(reportInputs, report.files, valid));
    }
    return printReport(io, values.json === true, report);
  },
};
