/**
 * 2024 date-times in 2026 form. The 2024 draft asks for an "ISO8601
 * datetime" (2024-09 §11.1 L447), the 2026 draft for RFC 3339 (§2), which is
 * one profile of ISO 8601. An ISO 8601 date-time in another spelling (basic
 * format `20240201T000000Z`, no seconds, an offset `+0000` or `+01`, a comma
 * before the fraction) names the same instant in RFC 3339 form, digit for
 * digit; one without an offset names no instant, and is read as UTC (an
 * assumption the caller reports).
 */

/** RFC 3339 as the 2026 schema spells it (any length: a long fraction is the checker's concern, not the converter's). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** ISO 8601 calendar date and time of day, basic or extended, seconds and fraction optional, offset optional. Anchored, no nested repetition: linear. */
const ISO8601 = /^(\d{4})-?(\d{2})-?(\d{2})[Tt](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

export interface Rewritten {
  readonly text: string;
  /** True when the source had no offset and UTC was assumed. */
  readonly utcAssumed: boolean;
}

/** The RFC 3339 spelling of an ISO 8601 date-time that is not RFC 3339 already; undefined when it is, or when it is not a date-time this can read. */
export function toRfc3339(s: unknown): Rewritten | undefined {
  if (typeof s !== 'string' || RFC3339.test(s)) return undefined;
  const m = ISO8601.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, off] = m;
  let offset: string;
  if (off === undefined) offset = 'Z';
  else if (off === 'Z' || off === 'z') offset = 'Z';
  else offset = `${off.slice(0, 3)}:${off.length > 3 ? off.slice(-2) : '00'}`;
  const text = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${frac === undefined ? '' : `.${frac}`}${offset}`;
  return RFC3339.test(text) ? { text, utcAssumed: off === undefined } : undefined;
}
