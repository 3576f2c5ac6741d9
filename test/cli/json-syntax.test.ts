// The JSON syntax locator: the first error's line and column and what is
// wrong there, for a table of broken texts; and, over generated texts with a
// random edit, it calls a text valid exactly when JSON.parse accepts it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/json-syntax.js';

const CASES: { given: string; want: { line: number; column: number; reason: RegExp } }[] = [
  { given: '{"a": 1,}', want: { line: 1, column: 9, reason: /trailing comma before '}'/ } },
  { given: '[1, 2,]', want: { line: 1, column: 7, reason: /trailing comma before '\]'/ } },
  { given: '{\n  "a": 1\n  "b": 2\n}', want: { line: 3, column: 3, reason: /expected ',' or '}', found '"'/ } },
  { given: '{\r\n  "a" 1\r\n}', want: { line: 2, column: 7, reason: /expected ':'/ } },
  { given: "{'a': 1}", want: { line: 1, column: 2, reason: /property name in double quotes, found '''/ } },
  { given: '{"a": [1, 2}', want: { line: 1, column: 12, reason: /expected ',' or '\]', found '}'/ } },
  { given: '{"a": ', want: { line: 1, column: 7, reason: /end of input: a value is missing/ } },
  { given: '{"a": "b', want: { line: 1, column: 9, reason: /unterminated string/ } },
  { given: '{"a": "b\tc"}', want: { line: 1, column: 9, reason: /control character U\+0009/ } },
  { given: '{"a": "\\x"}', want: { line: 1, column: 8, reason: /invalid escape \\x/ } },
  { given: '{"a": "\\u12"}', want: { line: 1, column: 8, reason: /\\u escape/ } },
  { given: '{"a": 01}', want: { line: 1, column: 8, reason: /expected ',' or '}', found '1'/ } },
  { given: '{"a": -}', want: { line: 1, column: 7, reason: /invalid number/ } },
  { given: '{"a": tru}', want: { line: 1, column: 7, reason: /expected a value, found 't'/ } },
  { given: '{} x', want: { line: 1, column: 4, reason: /unexpected 'x' after the end/ } },
  { given: '', want: { line: 1, column: 1, reason: /end of input/ } },
  { given: '\n\n   ]', want: { line: 3, column: 4, reason: /expected a value, found '\]'/ } },
];

describe('findJsonSyntaxError', () => {
  for (const { given, want } of CASES) {
    it(`${JSON.stringify(given)} → line ${want.line}, column ${want.column}`, () => {
      expect(() => JSON.parse(given)).toThrow();
      const got = findJsonSyntaxError(given);
      expect(got).toMatchObject({ line: want.line, column: want.column });
      expect(got!.reason).toMatch(want.reason);
    });
  }

  it('finds nothing wrong in valid JSON, including deep nesting', () => {
    for (const text of ['0', '"x"', ' [ ] ', '{"a":[{"b":null,"c":[true,false,-1.5e+3]}],"d":"\\u00e9\\n"}', '['.repeat(100_000) + ']'.repeat(100_000)]) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('points at the missing bracket after 100,000 open ones', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))).toMatchObject({ line: 1, column: 100_001 });
  });

  it('agrees with JSON.parse on generated texts with one random edit', () => {
    const edit = fc.tuple(fc.jsonValue().map((v) => JSON.stringify(v, null, 1)), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '\n', 'x', '0', '-', '\\', '{', '['), fc.nat(3));
    fc.assert(
      fc.property(edit, ([text, at, insert, remove]) => {
        const p = text.length === 0 ? 0 : at % (text.length + 1);
        const broken = text.slice(0, p) + insert + text.slice(p + remove);
        let parses = true;
        try {
          JSON.parse(broken);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(broken) === null).toBe(parses);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
