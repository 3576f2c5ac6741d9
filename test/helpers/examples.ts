import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from './paths.js';

/**
 * The meeting's examples (spec/2024/examples), each a whole document: read
 * from the directory, so that a new example (such as option2-estimated.json,
 * once missing from a hand-kept list) is checked by every test that walks them.
 */
export const EXAMPLES: readonly string[] = readdirSync(`${ROOT}spec/2024/examples`)
  .filter((f) => f.endsWith('.json'))
  .sort();

const cache = new Map<string, string>();

/** A fresh (mutable) copy of one of the spec's examples. */
export function example(name: string): any {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${ROOT}spec/2024/examples/${name}`, 'utf8');
    cache.set(name, text);
  }
  return JSON.parse(text);
}
