import { plural } from '../words.js';
import type { Problem, ValidationResult } from '../problems.js';
import { inputName } from './input.js';
import type { CliIo } from './io.js';
import type { Model } from '../registry.js';
import { PROGRAM, version } from './version.js';
import { renderJUnitXml, type JUnitCase } from '../junit.js';

/** One checked (or unreadable) file in the CLI's report. */
export interface FileEntry {
  file: string;
  /** The model the document was checked against (detected, or forced with --model); absent when it was not checked. */
  model?: Model;
  valid: boolean;
  /** Errors found in this file, listed or not. */
  errors: number;
  warnings: number;
  /** How many of them are beyond the cap (not listed). */
  omittedErrors: number;
  omittedWarnings: number;
  /** Why the file could not be checked (unreadable, invalid JSON, …). */
  failure?: string;
  /** A hint when the document was probably checked as the wrong kind (see kindHint). */
  hint?: string;
}

/** A problem as the CLI prints it: tagged with its file, without the chain index. */
export type CliProblem = Omit<Problem, 'doc'> & { file: string };

/** Problems and files of one CLI run. */
export interface Report {
  errors: CliProblem[];
  warnings: CliProblem[];
  files: FileEntry[];
}

export function emptyReport(): Report {
  return { errors: [], warnings: [], files: [] };
}

/** Tag problems with the file each belongs to. */
export function tagProblems(problems: readonly Problem[], fileOf: (p: Problem) => string): CliProblem[] {
  return problems.map((p) => {
    const { doc: _doc, ...rest } = p;
    return { file: fileOf(p), ...rest };
  });
}

/** Add one validated file to a report, with a hint when its kind was probably mistaken. */
export function addResult(report: Report, file: string, model: Model, r: ValidationResult, hint: string | null = null): void {
  report.errors.push(...tagProblems(r.errors, () => file));
  report.warnings.push(...tagProblems(r.warnings, () => file));
  report.files.push({
    file,
    model,
    valid: r.valid,
    errors: r.errors.length + r.omittedErrors,
    warnings: r.warnings.length + r.omittedWarnings,
    omittedErrors: r.omittedErrors,
    omittedWarnings: r.omittedWarnings,
    ...(hint === null ? {} : { hint }),
  });
}

/** A file that was not checked: `failure` says why (unreadable), or none (skipped because another file failed). */
export function uncheckedEntry(file: string, failure?: string): FileEntry {
  const entry: FileEntry = { file, valid: false, errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0 };
  if (failure !== undefined) entry.failure = failure;
  return entry;
}

/** One problem on one line, as text output prints it: `PATH CODE MESSAGE` (the root as `(root)`). */
export function problemLine(p: { path: string; code: string; message: string }): string {
  return `${p.path === '' ? '(root)' : p.path} ${p.code} ${p.message.replace(/[\r\n]+/g, ' ')}`;
}

function humanLine(p: CliProblem): string {
  return `${p.file} ${problemLine(p)}`;
}

/** The report with every input named as printed (`<stdin>` for "-"). */
function named({ errors, warnings, files }: Report): Report {
  const rename = <T extends { file: string }>(x: T): T => (x.file === inputName(x.file) ? x : { ...x, file: inputName(x.file) });
  return { errors: errors.map(rename), warnings: warnings.map(rename), files: files.map(rename) };
}

/**
 * Text lines of the problems, grouped per file in the order the files were
 * given: its hint if it has one, its errors, then its warnings.
 */
function problemLines({ errors, warnings, files }: Report): string[] {
  // The hint first: it explains the lines that follow it.
  const byFile = new Map<string, string[]>(files.map((f) => [f.file, f.hint === undefined ? [] : [`${f.file} hint: ${f.hint}`]]));
  for (const p of [...errors, ...warnings]) {
    const list = byFile.get(p.file);
    if (list) list.push(humanLine(p));
    else byFile.set(p.file, [humanLine(p)]);
  }
  return [...byFile.values()].flat();
}

/**
 * The run's model for the JSON report: the one model every checked file was
 * checked against, `mixed` when they differ, null when no file was checked.
 */
export function runModel(files: readonly FileEntry[]): Model | 'mixed' | null {
  const models = new Set(files.flatMap((f) => (f.model === undefined ? [] : [f.model])));
  if (models.size === 0) return null;
  return models.size === 1 ? [...models][0]! : 'mixed';
}

/**
 * Print a report (one JSON object, or one line per problem grouped per file
 * and a summary) and return the exit status. The JSON object names the tool,
 * its version and the model documents were checked against (per file, and
 * for the run: see runModel), so that a saved result says what produced it.
 */
export function printReport(io: CliIo, json: boolean, report: Report): number {
  const { errors, warnings, files } = named(report);
  const failed = files.some((f) => f.failure !== undefined);
  const valid = !failed && files.every((f) => f.valid);
  if (json) {
    io.stdout(JSON.stringify({ tool: PROGRAM, version: version(), model: runModel(files), valid, errors, warnings, files }) + '\n');
  } else {
    const lines = problemLines({ errors, warnings, files });
    const e = files.reduce((n, f) => n + f.errors, 0);
    const w = files.reduce((n, f) => n + f.warnings, 0);
    const omitted = files.reduce((n, f) => n + f.omittedErrors + f.omittedWarnings, 0);
    const unreadable = files.filter((f) => f.failure !== undefined).length;
    let summary = `${plural(files.length, 'file')} checked: ${plural(e, 'error')}, ${plural(w, 'warning')}`;
    if (omitted > 0) summary += ` (${omitted} not listed)`;
    if (unreadable > 0) summary += `, ${unreadable} not readable`;
    lines.push(summary + (valid ? ' — valid' : failed ? '' : ' — invalid'));
    io.stdout(lines.join('\n') + '\n');
  }
  return failed ? 2 : valid ? 0 : 1;
}

/**
 * `validate --junit FILE`: one test case per file given (CI lists each
 * document): a file with errors fails (its problems, errors first, one a
 * line), an unreadable file is an error of the run, a file not checked is
 * skipped, and a valid file's warnings go to its system-out.
 */
export function renderValidateJUnit(report: Report, seconds?: number): string {
  const { errors, warnings, files } = named(report);
  const linesOf = new Map<string, string[]>(files.map((f) => [f.file, f.hint === undefined ? [] : [`hint: ${f.hint}`]]));
  for (const [level, list] of [['error', errors], ['warning', warnings]] as const) {
    for (const p of list) linesOf.get(p.file)?.push(`${level} ${problemLine(p)}`);
  }
  const cases = files.map((f): JUnitCase => {
    const base = { classname: `${PROGRAM}.validate`, name: f.file };
    const text = (linesOf.get(f.file) ?? []).join('\n');
    if (f.failure !== undefined) return { ...base, error: { message: f.failure, type: 'unreadable', text: f.failure } };
    if (f.model === undefined) return { ...base, skipped: 'not checked' };
    if (!f.valid) return { ...base, failure: { message: `${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}`, type: 'invalid', text }, systemOut: `model ${f.model}` };
    return { ...base, systemOut: [`model ${f.model}`, text].filter((t) => t !== '').join('\n') };
  });
  return renderJUnitXml(`${PROGRAM} validate`, [{ name: 'validate', cases, ...(seconds === undefined ? {} : { time: seconds }) }], seconds);
}
