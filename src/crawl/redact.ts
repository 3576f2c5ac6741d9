/**
 * The crawler's one redaction: every string the crawler prints or writes
 * (findings, progress lines, text, JSON, JUnit and other reports, usage
 * errors) passes through the function `redactor` returns, as the LAST step,
 * after any excerpt was cut and after any escaping for the output format.
 *
 * What it hides:
 * - each secret (the token from `--token`, `--token-file` or the
 *   environment, and every `access_token` value of the listing URL's query)
 *   in any of the spellings a Server or an output format gives it: as is,
 *   percent-encoded (any case, any subset of its characters escaped, `+` for
 *   a space), JSON- or Markdown-escaped, XML/HTML character references;
 * - every piece of a secret of at least six characters, wherever a cut left
 *   it (a 401 body or a content type cut at 80 characters ends in the first
 *   characters of an echoed token);
 * - the value of any `access_token` query parameter (any case, its name
 *   percent-escaped or not), the crawler's own or another one.
 *
 * How: the text is read into a canonical byte stream — each escape decoded
 * to the byte(s) it stands for, ASCII letters folded to lower case, `+` and
 * space folded together — remembering which characters of the text each
 * byte came from. Each secret, canonicalised the same way (and also taken
 * literally, so that an escaped echo of a secret that itself holds `%41` is
 * found), gives its windows of six bytes; every run of the text covered by
 * a window is replaced by `[REDACTED]`. Linear in the text's length.
 * Redacting more than needed (a six-byte window that happens to occur in
 * ordinary text) is the accepted cost: a secret is never printed.
 */

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/** The length, in canonical bytes, of the pieces of a secret that are never printed. */
export const PIECE = 6;

/** A text's canonical bytes and, for each, the span of text characters it came from. */
interface Canonical {
  readonly bytes: number[];
  readonly from: number[];
  readonly to: number[];
}

const HEX = /^[0-9a-fA-F]{2}$/;

/** Fold what a spelling may change: ASCII case, `+` for a space. */
function fold(b: number): number {
  if (b >= 0x41 && b <= 0x5a) return b + 0x20;
  if (b === 0x2b) return 0x20;
  return b;
}

function utf8(codePoint: number): number[] {
  return [...Buffer.from(String.fromCodePoint(codePoint), 'utf8')];
}

const ENTITIES: ReadonlyMap<string, number> = new Map([
  ['amp', 0x26],
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['quot', 0x22],
  ['apos', 0x27],
]);

/**
 * Read `s` into canonical bytes. One level of escaping is undone: `%XX`,
 * `\uXXXX` (a surrogate pair as one character), `\` before ASCII
 * punctuation (JSON, Markdown), `&name;`, `&#N;`, `&#xH;`.
 */
function canonical(s: string, decode: boolean): Canonical {
  const bytes: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const push = (bs: readonly number[], start: number, end: number): void => {
    for (const b of bs) {
      bytes.push(fold(b));
      from.push(start);
      to.push(end);
    }
  };
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (decode && c === 0x25 /* % */ && HEX.test(s.slice(i + 1, i + 3))) {
      push([parseInt(s.slice(i + 1, i + 3), 16)], i, i + 3);
      i += 3;
      continue;
    }
    if (decode && c === 0x5c /* \ */) {
      const u = /^u([0-9a-fA-F]{4})/.exec(s.slice(i + 1, i + 6));
      if (u !== null) {
        const hi = parseInt(u[1]!, 16);
        const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(s.slice(i + 6, i + 12));
        if (hi >= 0xd800 && hi <= 0xdbff && low !== null) {
          push(utf8(0x10000 + ((hi - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00)), i, i + 12);
          i += 12;
        } else {
          push(utf8(hi >= 0xd800 && hi <= 0xdfff ? 0xfffd : hi), i, i + 6);
          i += 6;
        }
        continue;
      }
      const next = s.charCodeAt(i + 1);
      if (next >= 0x21 && next <= 0x7e && !/[0-9A-Za-z]/.test(s[i + 1]!)) {
        push([next], i, i + 2);
        i += 2;
        continue;
      }
    }
    if (decode && c === 0x26 /* & */) {
      const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,4}));/.exec(s.slice(i, i + 12));
      const cp = m === null ? undefined : m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : ENTITIES.get(m[3]!.toLowerCase());
      if (m !== null && cp !== undefined && cp <= 0x10ffff) {
        push(utf8(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp), i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    push(utf8(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp), i, i + width);
    i += width;
  }
  return { bytes, from, to };
}

/** A window of up to six canonical bytes as one number (exact: 48 bits). */
function key(bytes: readonly number[], at: number, length: number): number {
  let k = length; // the length is part of the key: a short secret's windows never equal a longer one's
  for (let j = 0; j < length; j++) k = k * 256 + bytes[at + j]!;
  return k;
}

/** The `access_token` values of a URL's query, decoded (leniently: a malformed escape stays as written). */
export function tokensInUrl(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const out: string[] = [];
  for (const pair of url.slice(q + 1).split('#')[0]!.split(/[&;]/)) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (lenientDecode(pair.slice(0, eq)).toLowerCase() !== 'access_token') continue;
    const raw = pair.slice(eq + 1);
    for (const v of new Set([raw, lenientDecode(raw)])) if (v !== '') out.push(v);
  }
  return out;
}

/** Percent-decode, `+` as a space; a `%` that starts no valid escape, or bytes that are not UTF-8, stay as written. */
export function lenientDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** A URL query parameter: its name, and its value up to the next separator. */
const QUERY_PARAM = /([?&;])((?:[A-Za-z0-9_.~-]|%[0-9a-fA-F]{2}){1,64})=([^&;#\s"'<>\\]*)/g;

/** Every `access_token` value in query parameters of the text, whatever the spelling of its name. */
function hideAccessTokenParams(s: string): string {
  return s.replace(QUERY_PARAM, (all, sep: string, name: string, value: string) =>
    value !== '' && value !== REDACTED && lenientDecode(name).toLowerCase() === 'access_token' ? `${sep}${name}=${REDACTED}` : all,
  );
}

/**
 * The redaction of a crawl: hides every secret given (empty and undefined
 * ones are ignored; `url`s add the `access_token` values of their query)
 * and every `access_token` query value. Pure, and idempotent.
 */
export function redactor(token?: string, ...urls: readonly string[]): (s: string) => string {
  const secrets = new Set<string>();
  if (token !== undefined && token !== '') secrets.add(token);
  for (const u of urls) for (const t of tokensInUrl(u)) secrets.add(t);
  const windows = new Set<number>();
  const lengths = new Set<number>();
  for (const secret of secrets) {
    for (const c of [canonical(secret, true), canonical(secret, false)]) {
      const n = Math.min(PIECE, c.bytes.length);
      if (n === 0) continue;
      lengths.add(n);
      for (let i = 0; i + n <= c.bytes.length; i++) windows.add(key(c.bytes, i, n));
    }
  }
  const sizes = [...lengths];
  return (s) => {
    const text = hideAccessTokenParams(s);
    if (windows.size === 0) return text;
    const c = canonical(text, true);
    // Text characters covered by a secret's window: [start, end) runs, merged.
    const covered = new Uint8Array(text.length + 1);
    let any = false;
    for (let i = 0; i < c.bytes.length; i++) {
      for (const n of sizes) {
        if (i + n > c.bytes.length || !windows.has(key(c.bytes, i, n))) continue;
        any = true;
        for (let k = c.from[i]!; k < c.to[i + n - 1]!; k++) covered[k] = 1;
      }
    }
    if (!any) return text;
    let out = '';
    for (let k = 0; k < text.length; ) {
      if (covered[k] === 1) {
        while (covered[k] === 1) k++;
        out += REDACTED;
      } else {
        let e = k;
        while (e < text.length && covered[e] !== 1) e++;
        out += text.slice(k, e);
        k = e;
      }
    }
    return out;
  };
}
