import type { Model } from '../registry.js';
import { isObject } from '../json.js';
import { modelIds } from '../models/registry.js';
import { UsageError, type CliIo } from './io.js';
import { loadText, parseJson } from './input.js';
import { choice, type ParsedArgs } from './options.js';

/** `auto|2024|2026`: the `--model` choices in a usage line, from the registry. */
export function modelChoices(): string {
  return ['auto', ...modelIds()].join('|');
}

/** The `model` and `serverMetadata` options from `--model` and `--server-metadata FILE` (a bad value or an unreadable file is a usage error). */
export async function modelArgs(values: ParsedArgs['values'], io: CliIo): Promise<{ model: Model | 'auto'; serverMetadata?: Record<string, unknown> }> {
  // `auto` and every registered model (read per call: a model registered later is offered too).
  const model = choice(values, 'model', ['auto', ...modelIds()] as readonly (Model | 'auto')[], 'auto');
  const file = values['server-metadata'];
  if (typeof file !== 'string') return { model };
  let meta: unknown;
  try {
    meta = parseJson(await loadText(file, io));
  } catch (e) {
    throw new UsageError(`--server-metadata ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(meta)) throw new UsageError(`--server-metadata ${file}: the Server Metadata must be a JSON object`);
  const map = meta.cds_usagesegments_additional_value_types;
  if (map !== undefined && !isObject(map)) throw new UsageError(`--server-metadata ${file}: cds_usagesegments_additional_value_types must be an object`);
  return { model, serverMetadata: meta };
}
