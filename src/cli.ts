#!/usr/bin/env node
/**
 * cds-usage-segments — command-line conformance checker.
 *
 *   cds-usage-segments validate [--json] [--strict] [--kind auto|segment|list] FILE...
 *   cds-usage-segments revision [--json] [--strict] PREVIOUS NEXT [LATER...]
 *
 * Exit status: 0 all valid (warnings allowed), 1 any error, 2 usage error,
 * unreadable file or invalid JSON. Input must be UTF-8 JSON without a byte
 * order mark (RFC 8259 §8.1); a BOM is reported as unreadable input (exit 2).
 */
import { readFileSync } from 'node:fs';
import { checkRevisionChainCounted } from './revision.js';
import type { Problem, ValidationResult } from './problems.js';
import { validate, type DocumentKind } from './validate.js';

const USAGE = `Usage:
  cds-usage-segments validate [--json] [--strict] [--kind auto|segment|list] FILE...
  cds-usage-segments revision [--json] [--strict] PREVIOUS NEXT [LATER...]
  cds-usage-segments --help | --version

Commands:
  validate   Check usage segments or listing pages (FILE "-" reads stdin).
  revision   Check that each document is a valid revision of the one before
             (same id, cds_created, segment_start/segment_end/interval; later
             cds_modified); every document is also validated as a segment.

Options:
  --json     Print one JSON object {valid, errors, warnings, files}.
  --strict   Also warn about unknown properties and extension formats.
  --kind K   auto (default): an object with usage_segments is a listing page,
             any other object a usage segment; or force segment / list.
  -h, --help Show this help.  -V, --version Show the version.

Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error,
unreadable file, byte order mark, invalid UTF-8 or invalid JSON.
`;

class UsageError extends Error {}

interface FileEntry {
  file: string;
  valid: boolean;
  errors: number;
  warnings: number;
  omittedErrors: number;
  omittedWarnings: number;
  /** Why the file could not be checked (unreadable, invalid JSON, …). */
  failure?: string;
}

type CliProblem = Problem & { file: string };

function version(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cds-usage-segments' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read and parse one input; throws an Error with a one-line reason. */
async function load(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`;
    throw new Error(reason);
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new Error('UTF-8 byte order mark not allowed (RFC 8259 §8.1)');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`invalid JSON: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
}

interface Parsed {
  json: boolean;
  strict: boolean;
  kind: DocumentKind;
  files: string[];
}

function parseArgs(args: string[], allowKind: boolean): Parsed {
  const out: Parsed = { json: false, strict: false, kind: 'auto', files: [] };
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (optionsDone || a === '-' || !a.startsWith('-')) {
      out.files.push(a);
    } else if (a === '--') {
      optionsDone = true;
    } else if (a === '--json') {
      out.json = true;
    } else if (a === '--strict') {
      out.strict = true;
    } else if (allowKind && (a === '--kind' || a.startsWith('--kind='))) {
      const v = a === '--kind' ? args[++i] : a.slice('--kind='.length);
      if (v !== 'auto' && v !== 'segment' && v !== 'list') throw new UsageError(`--kind must be auto, segment or list, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
      out.kind = v;
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  if (out.files.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be given only once');
  return out;
}

function tag(problems: Problem[], file: (p: Problem) => string): CliProblem[] {
  return problems.map((p) => {
    const { doc: _doc, ...rest } = p;
    return { file: file(p), ...rest };
  });
}

function human(p: CliProblem): string {
  return `${p.file} ${p.path === '' ? '(root)' : p.path} ${p.code} ${p.message.replace(/[\r\n]+/g, ' ')}`;
}

function entryOf(file: string, r: ValidationResult): FileEntry {
  return {
    file,
    valid: r.valid,
    errors: r.errors.length + r.omittedErrors,
    warnings: r.warnings.length + r.omittedWarnings,
    omittedErrors: r.omittedErrors,
    omittedWarnings: r.omittedWarnings,
  };
}

function failedEntry(file: string, reason: string): FileEntry {
  return { file, valid: false, errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0, failure: reason };
}

function report(json: boolean, errors: CliProblem[], warnings: CliProblem[], files: FileEntry[]): number {
  const failed = files.some((f) => f.failure !== undefined);
  const valid = !failed && files.every((f) => f.valid);
  if (json) {
    process.stdout.write(JSON.stringify({ valid, errors, warnings, files }) + '\n');
  } else {
    const lines: string[] = [];
    for (const p of errors) lines.push(human(p));
    for (const p of warnings) lines.push(human(p));
    const e = files.reduce((n, f) => n + f.errors, 0);
    const w = files.reduce((n, f) => n + f.warnings, 0);
    const omitted = files.reduce((n, f) => n + f.omittedErrors + f.omittedWarnings, 0);
    const unreadable = files.filter((f) => f.failure !== undefined).length;
    let summary = `${files.length} file${files.length === 1 ? '' : 's'} checked: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
    if (omitted > 0) summary += ` (${omitted} not listed)`;
    if (unreadable > 0) summary += `, ${unreadable} not readable`;
    lines.push(summary + (valid ? ' — valid' : failed ? '' : ' — invalid'));
    process.stdout.write(lines.join('\n') + '\n');
  }
  return failed ? 2 : valid ? 0 : 1;
}

async function cmdValidate(args: string[]): Promise<number> {
  const opts = parseArgs(args, true);
  if (opts.files.length === 0) throw new UsageError('validate needs at least one FILE (or - for stdin)');
  const errors: CliProblem[] = [];
  const warnings: CliProblem[] = [];
  const files: FileEntry[] = [];
  for (const file of opts.files) {
    let doc: unknown;
    try {
      doc = await load(file);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      process.stderr.write(`cds-usage-segments: ${file}: ${reason}\n`);
      files.push(failedEntry(file, reason));
      continue;
    }
    const r = validate(doc, { kind: opts.kind, strict: opts.strict });
    errors.push(...tag(r.errors, () => file));
    warnings.push(...tag(r.warnings, () => file));
    files.push(entryOf(file, r));
  }
  return report(opts.json, errors, warnings, files);
}

async function cmdRevision(args: string[]): Promise<number> {
  const opts = parseArgs(args, false);
  if (opts.files.length < 2) throw new UsageError('revision needs PREVIOUS and NEXT files');
  const docs: unknown[] = [];
  const failures: FileEntry[] = [];
  for (const file of opts.files) {
    try {
      docs.push(await load(file));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      process.stderr.write(`cds-usage-segments: ${file}: ${reason}\n`);
      failures.push(failedEntry(file, reason));
    }
  }
  if (failures.length > 0) {
    // Not checked: the readable files are listed as not valid (the chain is incomplete).
    const files = opts.files.map(
      (f) => failures.find((x) => x.file === f) ?? { file: f, valid: false, errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0 },
    );
    return report(opts.json, [], [], files);
  }
  const { result: r, omittedByDoc } = checkRevisionChainCounted(docs, { strict: opts.strict });
  const fileOf = (p: Problem) => opts.files[p.doc ?? 0] ?? opts.files[0]!;
  const errors = tag(r.errors, fileOf);
  const warnings = tag(r.warnings, fileOf);
  // Each problem, listed or beyond the cap, is counted on the file it points into.
  const files = opts.files.map((file, i): FileEntry => {
    const omitted = omittedByDoc[i] ?? { errors: 0, warnings: 0 };
    const e = r.errors.filter((p) => (p.doc ?? 0) === i).length + omitted.errors;
    const w = r.warnings.filter((p) => (p.doc ?? 0) === i).length + omitted.warnings;
    return { file, valid: e === 0, errors: e, warnings: w, omittedErrors: omitted.errors, omittedWarnings: omitted.warnings };
  });
  return report(opts.json, errors, warnings, files);
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) {
    process.stderr.write('cds-usage-segments: missing command (validate or revision); see --help\n');
    return 2;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (cmd === '--version' || cmd === '-V') {
    process.stdout.write(version() + '\n');
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    if (cmd === 'validate') return await cmdValidate(rest);
    if (cmd === 'revision') return await cmdRevision(rest);
    throw new UsageError(`unknown command ${JSON.stringify(cmd)} (expected validate or revision)`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cds-usage-segments: ${e.message}; see --help\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cds-usage-segments: internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
