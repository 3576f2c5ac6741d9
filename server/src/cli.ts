#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { modelIds, modelsWithServerMetadata, serverShape } from 'cds-usage-segments';
import { type Db, type Model, openDb, storedModel } from './db.js';
import { DEMO_DEFAULTS, generateDemo } from './demo.js';
import { type Fault, FAULTS, type FaultName, isFaultName } from './faults.js';
import { startServer } from './http.js';
import { ESPI_DEFAULT_ACCOUNT, espiDocument, looksLikeXml } from './espi.js';
import { type Directory, importDocuments, type ImportInput } from './import.js';
import { createToken } from './tokens.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Resolves when the process should stop serving (SIGINT/SIGTERM in the real CLI). */
  stopSignal?: Promise<void>;
}

/** The models a Server can serve (the checker's model registry), as `--model` takes them: `2024|2026`. */
const MODEL_CHOICES = modelIds().join('|');

const USAGE = `Usage: cds-usage-segments-server <command> [options]

Commands:
  serve --db FILE [--port N] [--host 127.0.0.1] [--model ${MODEL_CHOICES}] [--public-origin URL] [--no-cache] [--fault NAME]...
        Serve the listing; prints its URL alone on the first line of stdout once it accepts connections.
  import --db FILE [--directory FILE] [--account ID] DOC...
        Validate every document (a segment or a listing page) and store them all in one transaction.
        A DOC that is XML is read as a Green Button (ESPI) feed or batch and imported to a listing page
        of the database's model (2026 for a new one); its segments get related_accounts [ID]
        (default ${ESPI_DEFAULT_ACCOUNT}), the account a token must grant.
  demo --db FILE [--meters N] [--days D] [--interval S] [--seed N] [--model ${MODEL_CHOICES}] [--start YYYY-MM-DD]
        Generate deterministic demo data; prints {"accounts": [...], "segments": N}.
  token create --db FILE [--accounts ID,...] [--servicecontracts ID,...]
        [--servicepoints ID,...] [--meterdevices ID,...] [--aggregations ID,...]
        [--scopes SCOPE,...]
        Create a sandbox bearer token whose grant selects those objects (at least
        one): it sees the segments that list one of them, and in their related_*
        lists only the ids whose every segment it sees; prints the token alone.

Faults (serve --fault NAME, repeatable):
${FAULTS.map((f) => `  ${f.name.padEnd(24)} ${f.summary}`).join('\n')}
`;

class UsageError extends Error {}

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

function integer(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}`);
  return n;
}

function model(value: string | undefined): Model | undefined {
  if (value === undefined) return undefined;
  const ids = modelIds();
  if (!ids.includes(value)) throw new UsageError(`--model must be ${orList(ids)}, got ${JSON.stringify(value)}`);
  return value as Model;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** Run one command. Returns the exit status: 0 done, 1 the input was rejected, 2 usage error. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest, io);
      case 'import':
        return runImport(rest, io);
      case 'demo':
        return demo(rest, io);
      case 'token':
        return token(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true)) {
      io.stderr(`error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof Error && (e as { code?: string }).code?.startsWith('SQLITE_') === true) {
      io.stderr(`error: database: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function serve(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      model: { type: 'string' },
      'public-origin': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'no-cache': { type: 'boolean' },
    },
    strict: true,
  });
  const faults: FaultName[] = [];
  for (const f of values.fault ?? []) {
    if (!isFaultName(f)) throw new UsageError(`unknown fault ${JSON.stringify(f)}; see --help`);
    faults.push(f);
  }
  const db = openDb(need(values.db, '--db'));
  const stored = storedModel(db);
  const wanted = model(values.model);
  if (wanted !== undefined && stored !== null && wanted !== stored) throw new UsageError(`the database holds ${stored} segments, not ${wanted}`);
  const serveModel = wanted ?? stored ?? DEMO_DEFAULTS.model;
  for (const f of faults) {
    // A fault that bends the Server Metadata needs a model whose Server publishes one (the model registry says which).
    const needsMetadata = (FAULTS as readonly Fault[]).find((x) => x.name === f)?.needs === 'server-metadata';
    if (needsMetadata && serverShape(serveModel)?.metadata === null) {
      const withMetadata = modelsWithServerMetadata();
      throw new UsageError(`fault ${f} needs a ${orList(withMetadata)} Server (${orList(withMetadata.map((m) => `--model ${m}`))}), this one serves ${serveModel}`);
    }
  }
  const server = await startServer({
    db,
    model: serveModel,
    host: values.host ?? '127.0.0.1',
    port: integer(values.port, '--port', 0, 0),
    ...(values['public-origin'] === undefined ? {} : { publicOrigin: values['public-origin'].replace(/\/+$/, '') }),
    faults,
    cache: values['no-cache'] !== true,
  });
  io.stdout(`${server.url}\n`);
  if (faults.length > 0) io.stderr(`serving with faults: ${faults.join(', ')}\n`);
  await (io.stopSignal ?? new Promise<void>(() => {}));
  await server.close();
  db.close();
  return 0;
}

function readJsonFile(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function runImport(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({ args: [...args], options: { db: { type: 'string' }, directory: { type: 'string' }, account: { type: 'string' } }, allowPositionals: true, strict: true });
  const dbFile = need(values.db, '--db');
  if (positionals.length === 0) throw new UsageError('import needs at least one DOC');
  const texts: { file: string; text: string }[] = [];
  for (const file of positionals) {
    try {
      texts.push({ file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      io.stderr(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  let directory: Directory = {};
  if (values.directory !== undefined) {
    try {
      directory = readJsonFile(values.directory) as Directory;
    } catch (e) {
      io.stderr(`${values.directory}: cannot read JSON: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  const db = openDb(dbFile);
  try {
    const inputs: ImportInput[] = [];
    for (const { file, text } of texts) {
      if (looksLikeXml(text)) {
        const espi = espiDocument(file, text, storedModel(db) ?? '2026', values.account ?? ESPI_DEFAULT_ACCOUNT);
        if ('error' in espi) {
          io.stderr(`${espi.error}\n`);
          return 1;
        }
        io.stderr(espi.report);
        inputs.push({ file, doc: espi.doc });
        continue;
      }
      try {
        inputs.push({ file, doc: JSON.parse(text) as unknown });
      } catch (e) {
        io.stderr(`${file}: cannot read JSON: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
    }
    const result = importDocuments(db, inputs, directory);
    for (const p of result.problems) io.stderr(`${p.file} ${p.path === '' ? '/' : p.path} ${p.code} ${p.message}\n`);
    if (!result.ok) {
      io.stderr(`nothing imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify({ inserted: result.inserted, replaced: result.replaced, model: result.model })}\n`);
    return 0;
  } finally {
    db.close();
  }
}

function demo(args: readonly string[], io: Io): number {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      meters: { type: 'string' },
      days: { type: 'string' },
      interval: { type: 'string' },
      seed: { type: 'string' },
      model: { type: 'string' },
      start: { type: 'string' },
    },
    strict: true,
  });
  const start = values.start ?? DEMO_DEFAULTS.start;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new UsageError(`--start must be YYYY-MM-DD, got ${JSON.stringify(start)}`);
  const interval = integer(values.interval, '--interval', DEMO_DEFAULTS.interval, 1);
  if (3600 % interval !== 0) throw new UsageError('--interval must divide 3600 (so that 23- and 25-hour days tile)');
  const data = generateDemo({
    meters: integer(values.meters, '--meters', DEMO_DEFAULTS.meters, 1),
    days: integer(values.days, '--days', DEMO_DEFAULTS.days, 1),
    interval,
    seed: integer(values.seed, '--seed', DEMO_DEFAULTS.seed, 0),
    model: model(values.model) ?? DEMO_DEFAULTS.model,
    start,
  });
  const db = openDb(need(values.db, '--db'));
  try {
    const result = importDocuments(db, data.documents, data.directory);
    if (!result.ok) {
      for (const p of result.problems.slice(0, 20)) io.stderr(`${p.file} ${p.path} ${p.code} ${p.message}\n`);
      io.stderr('demo data was rejected by the checker (a bug in the generator)\n');
      return 1;
    }
    io.stdout(`${JSON.stringify({ accounts: data.accounts, segments: data.segments })}\n`);
    return 0;
  } finally {
    db.close();
  }
}

function token(args: readonly string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('token needs the subcommand create');
  const selections = ['accounts', 'servicecontracts', 'servicepoints', 'meterdevices', 'aggregations'] as const;
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, scopes: { type: 'string' }, ...Object.fromEntries(selections.map((f) => [f, { type: 'string' as const }])) },
    strict: true,
  });
  const list = (s: unknown): string[] => (typeof s === 'string' ? s.split(',').map((x) => x.trim()).filter((x) => x !== '') : []);
  // What the grant selects (access.ts): any of the five kinds the drafts let a Customer select.
  const given = values as Record<string, unknown>;
  const grant = Object.fromEntries(selections.map((f) => [f, list(given[f])])) as Record<(typeof selections)[number], string[]>;
  if (selections.every((f) => grant[f].length === 0)) throw new UsageError('token create needs at least one id: --accounts, --servicecontracts, --servicepoints, --meterdevices or --aggregations');
  const db: Db = openDb(need(values.db, '--db'));
  try {
    // Default: the first listing scope of the database's model (the model registry's listingScopes; an empty database: the default model's).
    const scopes = values.scopes === undefined ? [serverShape(storedModel(db) ?? DEMO_DEFAULTS.model)!.listingScopes[0]!] : list(values.scopes);
    io.stdout(`${createToken(db, { ...grant, scopes })}\n`);
    return 0;
  } finally {
    db.close();
  }
}

function isEntryPoint(): boolean {
  const arg = process.argv[1];
  if (arg === undefined) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Run the command line on this process: argv, standard streams, SIGINT and
 * SIGTERM stop a running Server. The committed launcher
 * (bin/cds-usage-segments-server.js, what npm links as the command) calls it.
 */
export function runProcess(): void {
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), stopSignal }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (isEntryPoint()) runProcess();
