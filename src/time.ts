/**
 * Linear-time RFC 3339 date-time parsing (no regular expressions), exact at
 * any precision: `YYYY-MM-DD[Tt]hh:mm:ss[.fraction]([Zz]|[+-]hh:mm)`.
 */

/**
 * An instant, exactly as precise as its text: whole epoch milliseconds plus
 * the fraction's digits beyond the millisecond (trailing zeros dropped, so
 * equal instants have equal parts and digit strings compare as decimals).
 */
export interface Instant {
  /** Epoch milliseconds, an integer. */
  readonly ms: number;
  /** Digits of the fraction after the third, without trailing zeros ('' for none). */
  readonly sub: string;
}

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (the
 * one Date uses), month 1..12: the era arithmetic of H. Hinnant's
 * `days_from_civil` (400-year eras of 146,097 days, the year taken to start
 * in March so that February's leap day falls last).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The last few date-times read and what they read as. Down a listing page
 * most date-times repeat one read just before: created and modified times
 * shared by every segment, each segment's start the previous one's end. A
 * hit costs a string comparison instead of a parse and a new object (the
 * instants are read-only, so one object may stand for both). Only strings
 * of at most `MEMO_MAX_LENGTH` characters are kept (the recommended longest
 * date-time): the memo never holds on to a hostile megabyte.
 */
const MEMO_SIZE = 4;
const MEMO_MAX_LENGTH = 64;
const memoText: (string | undefined)[] = new Array<string | undefined>(MEMO_SIZE).fill(undefined);
const memoInstant: (Instant | null)[] = new Array<Instant | null>(MEMO_SIZE).fill(null);
/** When each slot was last read or written (a count of lookups): a new entry replaces the least recently used. In turn (the first version) the new end of each segment pushed out the created and modified times, which were then read again: three parses per segment instead of one. */
const memoUsed = new Float64Array(MEMO_SIZE);
let memoClock = 0;
/** Date-times parsed so far (not found in the memo): `instantsRead`. */
let reads = 0;

/** How many date-times have been parsed, memo hits aside (tests: the memo's worth on a page). */
export function instantsRead(): number {
  return reads;
}

/** Parse an RFC 3339 date-time with explicit offset; null if invalid. A second 60 (leap second) rolls over, and only at 23:59 UTC. */
export function parseInstant(s: unknown): Instant | null {
  if (typeof s !== 'string') return null;
  if (s.length > MEMO_MAX_LENGTH) return readInstant(s);
  memoClock++;
  let oldest = 0;
  for (let i = 0; i < MEMO_SIZE; i++) {
    if (memoText[i] === s) {
      memoUsed[i] = memoClock;
      return memoInstant[i]!;
    }
    if (memoUsed[i]! < memoUsed[oldest]!) oldest = i;
  }
  const t = readInstant(s);
  memoText[oldest] = s;
  memoInstant[oldest] = t;
  memoUsed[oldest] = memoClock;
  return t;
}

/** `parseInstant` without the memo: the parse itself. */
function readInstant(s: string): Instant | null {
  reads++;
  const len = s.length;
  // No upper bound: the parse is linear, and a long fraction is legal (`date-time-length` is a warning).
  if (len < 20) return null;
  const year = digits(s, 0, 4);
  if (year < 0 || s.charCodeAt(4) !== 45 /* - */) return null;
  const month = digits(s, 5, 2);
  if (month < 1 || month > 12 || s.charCodeAt(7) !== 45) return null;
  const day = digits(s, 8, 2);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const t = s.charCodeAt(10);
  if (t !== 84 /* T */ && t !== 116 /* t */) return null;
  const hour = digits(s, 11, 2);
  if (hour < 0 || hour > 23 || s.charCodeAt(13) !== 58 /* : */) return null;
  const minute = digits(s, 14, 2);
  if (minute < 0 || minute > 59 || s.charCodeAt(16) !== 58) return null;
  const second = digits(s, 17, 2);
  if (second < 0 || second > 60) return null;
  let i = 19;
  let ms = 0;
  let sub = '';
  if (s.charCodeAt(i) === 46 /* . */) {
    i++;
    const start = i;
    while (i < len) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (i - start < 3) ms = ms * 10 + c;
      i++;
    }
    const n = i - start;
    if (n === 0) return null;
    if (n === 1) ms *= 100;
    else if (n === 2) ms *= 10;
    else if (n > 3) {
      let end = i;
      while (end > start + 3 && s.charCodeAt(end - 1) === 48) end--;
      sub = s.slice(start + 3, end);
    }
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */ || z === 122 /* z */) {
    i++;
  } else if (z === 43 /* + */ || z === 45 /* - */) {
    if (len !== i + 6) return null;
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || s.charCodeAt(i + 3) !== 58) return null;
    offsetMin = (oh * 60 + om) * (z === 43 ? 1 : -1);
    i += 6;
  } else {
    return null;
  }
  if (i !== len) return null;
  // Plain arithmetic, as Date.UTC counts (a second 60 rolls into the next minute), without its cost per call (four per segment) or its years 0..99 read as 1900..1999.
  const base = (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + ms;
  const ms0 = base - offsetMin * 60000;
  // A leap second is only ever the last second of a UTC day (23:59:60Z).
  if (second === 60 && !isLastUtcSecond(ms0)) return null;
  return { ms: ms0, sub };
}

/** Is `ms` (a second 60 rolled over into the next minute) the instant after 23:59:59 UTC, where a leap second sits? */
function isLastUtcSecond(ms: number): boolean {
  const d = new Date(ms - 1000);
  return d.getUTCHours() === 23 && d.getUTCMinutes() === 59 && d.getUTCSeconds() === 59;
}

/** Parse an RFC 3339 date-time with explicit offset to epoch ms (the fraction truncated to the millisecond); NaN if invalid. */
export function parseDateTime(s: unknown): number {
  const t = parseInstant(s);
  return t === null ? NaN : t.ms;
}

/** Negative, zero or positive as `a` is before, at or after `b` (exact). */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  return a.sub === b.sub ? 0 : a.sub < b.sub ? -1 : 1;
}

/** `b − a` in milliseconds: the whole milliseconds exactly, the rest to double precision. */
export function millisBetween(a: Instant, b: Instant): number {
  const whole = b.ms - a.ms;
  if (a.sub === b.sub) return whole;
  return whole + (Number(`0.${b.sub || '0'}`) - Number(`0.${a.sub || '0'}`));
}

/** Format epoch ms as an RFC 3339 UTC string; '' when `ms` is not a representable instant (never throws). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** Fraction digits after the millisecond that a message prints; more are cut with `…` (a message stays short whatever the input: a date-time may carry a megabyte of fraction). */
const MESSAGE_SUB_DIGITS = 9;

/** Format an instant as an RFC 3339 UTC string with the digits it needs, for messages: whole seconds as `…:00Z`, else its digits up to the nanosecond's thousandth, longer fractions cut with `…` ('' when not representable). */
export function formatInstant(t: Instant): string {
  const s = formatDateTime(t.ms);
  if (s === '') return s;
  if (t.sub.length > MESSAGE_SUB_DIGITS) return `${s.slice(0, -1)}${t.sub.slice(0, MESSAGE_SUB_DIGITS)}…Z`;
  if (t.sub !== '') return `${s.slice(0, -1)}${t.sub}Z`;
  return s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}
