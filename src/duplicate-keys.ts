/**
 * Repeated member names in JSON text. `JSON.parse` keeps the last of two
 * equal names silently (RFC 8259 §4 says names SHOULD be unique), which can
 * hide a missing field, so the checker reads the text once more for them.
 *
 * One pass over the characters, no regular expressions, nothing allocated per
 * value: each open object remembers where its member names are in the text
 * and compares a new name with them by length and characters (a `Set` takes
 * over for large objects or names with escapes). The pointer to a repeated
 * member is built only when the caller asks for it.
 */

import { escapeToken } from './pointer.js';

// The characters the scanner acts on: " \ { } [ ] , :
const [QUOTE, BACKSLASH, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, COMMA, COLON] = [34, 92, 123, 125, 91, 93, 44, 58] as const;

/**
 * An object of exactly one member, its name without escapes and its value a
 * number, `true`, `false` or `null`, at the scanner's position (sticky). The
 * text is JSON that `JSON.parse` accepted, so what follows the colon up to
 * the closing brace is that one value.
 */
const ONE_MEMBER = /\{[ \t\n\r]*"[^"\\]*"[ \t\n\r]*:[ \t\n\r]*(?:-?[0-9][0-9.eE+-]*|true|false|null)[ \t\n\r]*\}/y;

/** Objects with more names than this compare them through a Set. */
const LINEAR_LIMIT = 16;

/** One open object or array. */
interface Frame {
  object: boolean;
  /** Arrays: index of the current element. */
  index: number;
  /** Objects: a name is expected next (after `{` or `,`). */
  expectName: boolean;
  /** Objects: start and end (exclusive, inside the quotes) of each name so far, in the text. */
  starts: number[];
  ends: number[];
  /** Objects: the decoded names, once the object is large or a name has escapes; else null. */
  names: Set<string> | null;
  /** Objects: the current member's name, start and end in the text. */
  nameStart: number;
  nameEnd: number;
}

function newFrame(): Frame {
  return { object: false, index: 0, expectName: false, starts: [], ends: [], names: null, nameStart: 0, nameEnd: 0 };
}

/** The member name between `start` and `end` (inside the quotes), decoded. */
function decodeName(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.indexOf('\\') === -1 ? raw : (JSON.parse(`"${raw}"`) as string);
}

/** Does the text between `start` and `end` hold a backslash (an escape)? Only names are asked, so the cost stays within them. */
function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** Record a member name in an object frame; true when the object already had it. */
function seen(text: string, f: Frame, start: number, end: number, escaped: boolean): boolean {
  if (f.names === null && (escaped || f.starts.length >= LINEAR_LIMIT)) {
    f.names = new Set();
    for (let k = 0; k < f.starts.length; k++) f.names.add(decodeName(text, f.starts[k]!, f.ends[k]!));
  }
  if (f.names !== null) {
    const name = decodeName(text, start, end);
    if (f.names.has(name)) return true;
    f.names.add(name);
    return false;
  }
  for (let k = 0; k < f.starts.length; k++) if (sameText(text, f.starts[k]!, f.ends[k]!, start, end)) return true;
  f.starts.push(start);
  f.ends.push(end);
  return false;
}

/** RFC 6901 pointer to the current member of the innermost frame. */
function pointerOf(text: string, stack: readonly Frame[], depth: number): string {
  let out = '';
  for (let d = 0; d <= depth; d++) {
    const f = stack[d]!;
    out += '/' + (f.object ? escapeToken(decodeName(text, f.nameStart, f.nameEnd)) : String(f.index));
  }
  return out;
}

/**
 * Call `onDuplicate` for every member whose name repeats an earlier member of
 * the same object, in text order, with the repeated name and a function that
 * builds its JSON Pointer (call it only for the problems you keep). Expects
 * text that `JSON.parse` accepts; on other text it stops without throwing.
 * Linear in the length of the text.
 */
export function scanDuplicateKeys(text: string, onDuplicate: (name: string, pointer: () => string) => void): void {
  const stack: Frame[] = [];
  let depth = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Find the closing quote: one not preceded by an odd run of backslashes.
      const start = i + 1;
      let j = start;
      for (;;) {
        j = text.indexOf('"', j);
        if (j === -1) return; // not JSON
        let k = j - 1;
        while (k >= start && text.charCodeAt(k) === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j++;
      }
      const f = depth >= 0 ? stack[depth]! : undefined;
      if (f !== undefined && f.object && f.expectName) {
        f.expectName = false;
        f.nameStart = start;
        f.nameEnd = j;
        if (seen(text, f, start, j, hasBackslash(text, start, j))) {
          const d = depth;
          onDuplicate(decodeName(text, start, j), () => pointerOf(text, stack, d));
        }
      }
      i = j + 1;
      continue;
    }
    if (c === OPEN_OBJECT) {
      // An object of one member whose value is a number or a literal (a value of a value set, `{"v": 2.62}`: most of a usage segment's text) can repeat no name and holds nothing to look into: skip it whole (one native match instead of a dozen steps of this loop, which a one-off CLI run spends mostly unoptimized).
      ONE_MEMBER.lastIndex = i;
      if (ONE_MEMBER.test(text)) {
        i = ONE_MEMBER.lastIndex;
        continue;
      }
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      const f = stack[depth] ?? (stack[depth] = newFrame());
      f.object = c === OPEN_OBJECT;
      f.index = 0;
      f.expectName = f.object;
      f.starts.length = 0;
      f.ends.length = 0;
      f.names = null;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    } else if (c === COMMA && depth >= 0) {
      const f = stack[depth]!;
      if (f.object) f.expectName = true;
      else f.index++;
    } else if (c === COLON && depth >= 0) {
      stack[depth]!.expectName = false;
    }
    i++;
  }
}
