/**
 * JSON text as RFC 8259 §8.1 has it exchanged: UTF-8, no byte order mark.
 * One reading for every way a document comes in — `validate`'s files and
 * standard input, and the crawler's page bodies — so that the same bytes
 * get the same verdict and the same words wherever they come from.
 */
import { findJsonSyntaxError } from './json-syntax.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 JSON text; throws an Error with a one-line reason (`validate` prints it as is). */
export function decodeJsonText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw new Error('UTF-8 byte order mark not allowed (RFC 8259 §8.1)');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8');
  }
}

/**
 * Parse JSON text; throws an Error with a one-line reason that names the line
 * and column of the first syntax error and what is wrong there (the same
 * words on every Node version, unlike JSON.parse's own message).
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = findJsonSyntaxError(text);
    if (at === null) throw new Error(`invalid JSON: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    throw new Error(`invalid JSON at line ${at.line}, column ${at.column}: ${at.reason}`);
  }
}
