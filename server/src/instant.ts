import { parseDateTime } from 'cds-usage-segments';

/**
 * A sortable key for an RFC 3339 instant: the UTC time with a nine-digit
 * fraction ("2024-01-18T17:00:00.000000000Z"). Plain string comparison of two
 * keys is chronological comparison of the instants (RFC 3339 years have four
 * digits), so SQLite can compare and index them as TEXT. Digits past the
 * nanosecond are dropped. Returns null for anything that is not an RFC 3339
 * date-time with an offset.
 */
export function instantKey(s: string): string | null {
  const ms = parseDateTime(s);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  if (iso.length !== 24) return null; // outside years 0000–9999
  return `${iso.slice(0, 23)}${subMillisecond(s)}Z`;
}

/** The six fraction digits after the millisecond, zero-padded ("" → "000000"). */
function subMillisecond(s: string): string {
  const dot = s.indexOf('.', 19);
  if (dot !== 19) return '000000';
  let end = dot + 1;
  while (end < s.length && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
  return s.slice(dot + 4, Math.min(end, dot + 10)).padEnd(6, '0');
}

/**
 * Turn an instant key into one that sorts in the opposite order, by mapping
 * every digit d to 9 − d. Used for `cds_modified`, which the draft orders
 * newest first, so that every column of the listing's sort key ascends and a
 * keyset cursor can compare whole rows at once.
 */
export function descendingKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    out += c >= 48 && c <= 57 ? String.fromCharCode(105 - c) : key[i];
  }
  return out;
}

/**
 * ISO 8601 date-time with an offset, as the 2024 draft words its `before`
 * and `after` filters ("an ISO8601 datetime", 2024-09 §11.5 L508–509):
 * RFC 3339's profile, and also the basic format (`20240101T000000Z`), a
 * comma before the fraction, reduced precision (hours, or hours and
 * minutes) and offsets as `±hh` or `±hhmm`. Rewritten to RFC 3339 and keyed
 * by `instantKey`; null when it is none of these. A date-time without an
 * offset names no instant (local time of an unknown place): null too.
 */
export function iso8601Key(s: string): string | null {
  const direct = instantKey(s);
  if (direct !== null) return direct;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2})(?::(\d{2})([.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(?:(\d{2})(?:(\d{2})([.,]\d+)?)?)?(Z|[+-]\d{2}(?:\d{2})?)$/i.exec(s);
  if (m === null) return null;
  const [, y, mo, d, h, mi, sec, frac, off] = m as unknown as [string, string, string, string, string, string | undefined, string | undefined, string | undefined, string];
  const offset = /^z$/i.test(off) ? 'Z' : `${off.slice(0, 3)}:${off.length > 3 ? off.slice(-2) : '00'}`;
  return instantKey(`${y}-${mo}-${d}T${h}:${mi ?? '00'}:${sec ?? '00'}${frac === undefined ? '' : `.${frac.slice(1)}`}${offset}`);
}
