import { writeFileSync } from 'node:fs';
import type { EspiImportResult } from '../espi/import.js';
import { validate } from '../validate.js';
import type { Command } from './command.js';
import { inputChunks, inputName, readReason } from './input.js';
import { UsageError, type CliIo } from './io.js';
import { choice, type OptionSpec } from './options.js';
import { problemLine } from './report.js';
import { PROGRAM } from '../program.js';
import { convertTargets } from '../models/registry.js';
import type { Model } from '../registry.js';
import { orList } from '../words.js';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'to', type: 'string', value: 'M', help: `convert / import-espi: the target model, ${orList(convertTargets())}.` },
  { name: 'json', type: 'boolean', help: 'import-espi: print one JSON object {document, report, check} instead of the page.' },
  { name: 'report', type: 'string', value: 'FILE', help: 'convert / import-espi: also write the report as JSON to FILE.' },
  { name: 'quality-columns', type: 'boolean', help: 'import-espi: quality varying within a run becomes one column per\nquality (default: a new segment where the quality changes).' },
];

/** `import-espi FILE|- [--to 2026|2024] [--json] [--report FILE] [--quality-columns]` (`--to`: the registry's models). */
export const importEspiCommand: Command = {
  name: 'import-espi',
  usage: `import-espi [--to ${[...convertTargets()].reverse().join('|')}] [--json] [--report FILE] [--quality-columns] FILE|-`,
  summary:
    'Import a Green Button (ESPI) feed or batch (docs/guide-green-button.md):\nthe listing page on stdout, the import report (every reading accounted\nfor, every loss and assumption with its path) and the checker\'s findings\non stderr. Exit 1 when readings are lost or the page has errors, 2 when\nthe XML is unreadable, has a DTD or is not an Atom feed.',
  options: OPTIONS,
  async run({ values, positionals }, io: CliIo): Promise<number> {
    // The importer writes a 2026 page, converted into any other model the registry gives a converter.
    const to = choice(values, 'to', convertTargets() as readonly Model[], '2026');
    if (positionals.length !== 1) throw new UsageError(`import-espi takes one FILE (or - for stdin), got ${positionals.length}`);
    const file = positionals[0]!;
    const label = inputName(file);
    // The importer (and its XML parser) loads only for this command: the CLI's other commands start without it.
    const [{ EspiInputError }, { importEspiStream }, { importReportJson, renderImportReport }] = await Promise.all([import('../espi/read.js'), import('../espi/import.js'), import('../espi/report.js')]);
    let result: EspiImportResult;
    try {
      result = await importEspiStream(inputChunks(file, io), { to, quality: values['quality-columns'] === true ? 'columns' : 'split' });
    } catch (e) {
      if (e instanceof EspiInputError) io.stderr(`${PROGRAM} import-espi: ${label}: ${e.message}\n`);
      else if ((e as NodeJS.ErrnoException).code !== undefined) io.stderr(`${PROGRAM}: ${label}: ${readReason(e)}\n`);
      else throw e;
      return 2;
    }
    const check = validate(result.document, { model: to, kind: 'list' });
    const findings = [...check.errors, ...check.warnings].map((p) => `check ${problemLine(p)}`);
    if (values.json === true) {
      io.stdout(JSON.stringify({ document: result.document, report: importReportJson(result, label), check: { valid: check.valid, errors: check.errors, warnings: check.warnings } }, null, 2) + '\n');
    } else {
      io.stdout(JSON.stringify(result.document, null, 2) + '\n');
      io.stderr(renderImportReport(result, label) + findings.map((l) => `${l}\n`).join('') + `check: ${check.valid ? 'valid' : 'INVALID'} ${to} page (${check.errors.length} errors, ${check.warnings.length} warnings)\n`);
    }
    if (typeof values.report === 'string') {
      try {
        writeFileSync(values.report, JSON.stringify({ ...importReportJson(result, label), check: { valid: check.valid, errors: check.errors, warnings: check.warnings } }, null, 2) + '\n');
      } catch (e) {
        io.stderr(`${PROGRAM} import-espi: cannot write ${values.report} (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 2;
      }
    }
    return result.errors > 0 || !check.valid ? 1 : 0;
  },
};
