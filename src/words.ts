/** Counting and listing words in messages: the one way the package writes them. */

/** "1 value set", "2 value sets", "0 entries" (issue 13: no "1 value sets"). */
export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a or b", "a, b or c". */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
