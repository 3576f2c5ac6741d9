import { createReadStream, readFileSync } from 'node:fs';
import type { CliIo } from './io.js';
import { decodeJsonText, parseJson } from '../json-text.js';
import { PROGRAM } from '../program.js';

export { parseJson };

/** Standard input's argument, and the name messages and reports give it. */
export const STDIN_ARG = '-';
export const STDIN_NAME = '<stdin>';

/** The name of an input as the CLI prints it: `<stdin>` for "-", else the path as given. */
export function inputName(file: string): string {
  return file === STDIN_ARG ? STDIN_NAME : file;
}

/** One input file as text: decoded and checked (UTF-8, no byte order mark), not yet parsed. */
export interface LoadedText {
  text: string;
}

/** Why an input could not be read, in a few words, from the error's errno code (for `<name>: <reason>` lines). */
export function readReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read (${code ?? 'error'})`;
}

/** Read one input ("-" is standard input) as UTF-8 text; throws an Error with a one-line reason. */
export async function loadText(file: string, io: CliIo): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = file === STDIN_ARG ? await io.stdin() : readFileSync(file);
  } catch (e) {
    throw new Error(readReason(e));
  }
  return decodeJsonText(bytes);
}

/** One input as a stream of chunks ("-" is standard input, read whole): a file is read as it goes, never held whole. */
export async function* inputChunks(file: string, io: CliIo): AsyncIterable<Uint8Array> {
  if (file === STDIN_ARG) yield await io.stdin();
  else yield* createReadStream(file) as AsyncIterable<Uint8Array>;
}

/** A file that could not be read or parsed, and why. */
export interface LoadFailure {
  file: string;
  reason: string;
}

/** Read and parse one input, or say why not (the reason is also written to stderr). */
export async function loadJson(file: string, io: CliIo): Promise<{ text: string; doc: unknown } | LoadFailure> {
  try {
    const text = await loadText(file, io);
    return { text, doc: parseJson(text) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    io.stderr(`${PROGRAM}: ${inputName(file)}: ${reason}\n`);
    return { file, reason };
  }
}
