import { readFileSync } from 'node:fs';
import { ROOT } from './paths.js';

/** The meeting's examples (spec/2024/examples) that are whole documents. */
export const EXAMPLES = ['option1-estimated.json', 'option1-validated.json', 'option2-both-columns.json', 'gap-disclosure-page.json', 'supply-mix-attribution.json'] as const;

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
