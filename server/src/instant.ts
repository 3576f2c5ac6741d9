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
