import { parseArgs, type ParseArgsConfig } from 'node:util';
import { orList } from '../words.js';
import { modelEntry, modelIds } from '../models/registry.js';
import { UsageError } from './io.js';

/** One option of a command, with its help text (the help screen is built from these). */
export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  /** Placeholder of a string option's value in the help screen. */
  value?: string;
  help: string;
}

/** Options most commands share. */
export const JSON_OPTION: OptionSpec = { name: 'json', type: 'boolean', help: 'Print one JSON object {valid, errors, warnings, files}.' };
export const STRICT_OPTION: OptionSpec = { name: 'strict', type: 'boolean', help: 'Also warn about unknown properties and extension formats.' };

/** Why `node:util` parseArgs refused, in one short line. */
function reason(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option ${quoted.split(' ')[0]} needs a value`;
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${quoted}`;
  return (err.message ?? String(e)).split('\n')[0]!;
}

/** A command line after the command's name, parsed against the command's options. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * The value of an option with a fixed set of values (`fallback` when the
 * option is absent); anything else is a usage error that lists the choices.
 */
export function choice<T extends string>(values: ParsedArgs['values'], name: string, allowed: readonly T[], fallback?: T): T {
  const v = values[name] ?? fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`--${name} must be ${orList(allowed)}${v === undefined ? '' : `, got ${JSON.stringify(v)}`}`);
}

/**
 * Parse a command's arguments with `node:util` parseArgs (strict: unknown
 * options are usage errors; `--` ends options; "-" is a positional, stdin).
 */
export function parseCommandArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const s of specs) options[s.name] = { type: s.type };
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new UsageError(reason(e));
  }
}

/** `--model`: force the document model instead of detecting it. */
export const MODEL_OPTION: OptionSpec = {
  name: 'model',
  type: 'string',
  value: 'M',
  // The models and their columns members from the registry (src/models/registry.ts), as registered when the CLI loads.
  help: `auto (default): by a segment's columns member\n(${modelIds()
    .map((id) => `${modelEntry(id).adapter.columnsField} ${id}`)
    .join(', ')}), else ${modelIds()[0]}; or force ${modelIds().join(' / ')}.`,
};

/** `--server-metadata FILE`: the Server Metadata that declares additional value types (2026). */
export const SERVER_METADATA_OPTION: OptionSpec = {
  name: 'server-metadata',
  type: 'string',
  value: 'FILE',
  help: "The Server's metadata (JSON): 2026 value types neither defined by\nthe draft nor described in its cds_usagesegments_additional_value_types\nare errors (undeclared-type).",
};
