/**
 * Where JSON text stops being JSON, as a line and column a reader can go to.
 *
 * `JSON.parse` says what went wrong in words that change between Node
 * versions, and some of them carry no position at all (Node 22: `Unexpected
 * token 'x', "…" is not valid JSON`). This scanner runs only after
 * `JSON.parse` has failed and finds the first offending character itself:
 * RFC 8259's grammar, one pass, an explicit stack instead of recursion (so
 * 100,000 nested brackets cost nothing special), linear in the text.
 */

/** The first syntax error of a JSON text. */
export interface JsonSyntaxError {
  /** 1-based line (lines end at \n, \r\n or \r). */
  line: number;
  /** 1-based column, in UTF-16 code units as editors count them. */
  column: number;
  /** What was expected or found there, in words. */
  reason: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Describes the character at `i` for a message: `'}'`, `end of input`, `U+0007`. */
function found(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const c = text.codePointAt(i)!;
  if (c < 0x20 || c === 0x7f) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(c)}'`;
}

/** The line and column of offset `at`. */
function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

type Expect = 'value' | 'key' | 'colon' | 'after-value';

/**
 * The first syntax error in `text`, or null when it is valid JSON. Meant for
 * text `JSON.parse` rejected; it agrees with it on what is valid.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  let expect: Expect = 'value';
  let first = false; // right after '{' or '[' (where '}' / ']' may close it)
  let i = 0;
  const fail = (at: number, reason: string): JsonSyntaxError => ({ ...position(text, at), reason });

  const skipWs = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };

  /** Scans a string starting at the opening quote; returns an error or null. */
  const scanString = (): JsonSyntaxError | null => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail(i, `control character ${found(text, i)} in a string; write it as an escape such as \\n or \\u0007`);
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, 'invalid \\u escape: four hexadecimal digits must follow \\u');
          i += 6;
          continue;
        }
        if ('"\\/bfnrt'.includes(text[i + 1] ?? '') && i + 1 < text.length) {
          i += 2;
          continue;
        }
        return fail(i, `invalid escape \\${i + 1 < text.length ? text[i + 1] : ''} in a string`);
      }
      i++;
    }
    return fail(i, 'unterminated string: a closing " is missing');
  };

  const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  const LITERALS = ['true', 'false', 'null'];

  /** After a complete value: what the enclosing container expects next. */
  const valueDone = () => {
    expect = 'after-value';
    first = false;
  };

  for (;;) {
    skipWs();
    const c = text.charCodeAt(i);
    if (expect === 'value') {
      if (i >= text.length) return fail(i, 'unexpected end of input: a value is missing');
      if (c === 0x7b || c === 0x5b) {
        stack.push(c);
        i++;
        first = true;
        expect = c === 0x7b ? 'key' : 'value';
        continue;
      }
      if (c === 0x5d && first && stack.at(-1) === 0x5b) {
        stack.pop();
        i++;
        valueDone();
        if (stack.length === 0) break;
        continue;
      }
      if (c === 0x22) {
        const err = scanString();
        if (err) return err;
        valueDone();
        if (stack.length === 0) break;
        continue;
      }
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (m === null || m[0] === '-') return fail(i, `invalid number starting ${found(text, i)}`);
        i += m[0].length;
        valueDone();
        if (stack.length === 0) break;
        continue;
      }
      const literal = LITERALS.find((l) => text.startsWith(l, i));
      if (literal !== undefined) {
        i += literal.length;
        valueDone();
        if (stack.length === 0) break;
        continue;
      }
      const trailing = (c === 0x5d || c === 0x7d) && !first && stack.length > 0;
      return fail(i, trailing ? `a trailing comma before ${found(text, i)} is not allowed` : `expected a value, found ${found(text, i)}`);
    }
    if (expect === 'key') {
      if (c === 0x7d && first) {
        stack.pop();
        i++;
        valueDone();
        if (stack.length === 0) break;
        continue;
      }
      if (c !== 0x22) {
        if (c === 0x7d) return fail(i, "a trailing comma before '}' is not allowed");
        return fail(i, `expected a property name in double quotes, found ${found(text, i)}`);
      }
      const err = scanString();
      if (err) return err;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (c !== 0x3a) return fail(i, `expected ':' after the property name, found ${found(text, i)}`);
      i++;
      expect = 'value';
      first = false;
      continue;
    }
    // after a value inside a container
    const open = stack.at(-1)!;
    const close = open === 0x7b ? 0x7d : 0x5d;
    if (c === 0x2c) {
      i++;
      expect = open === 0x7b ? 'key' : 'value';
      first = false;
      continue;
    }
    if (c === close) {
      stack.pop();
      i++;
      valueDone();
      if (stack.length === 0) break;
      continue;
    }
    return fail(i, `expected ',' or '${String.fromCharCode(close)}', found ${found(text, i)}`);
  }
  skipWs();
  if (i < text.length) return fail(i, `unexpected ${found(text, i)} after the end of the JSON value`);
  return null;
}
