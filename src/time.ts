/**
 * Linear-time RFC 3339 date-time parsing (no regular expressions).
 * Accepts `YYYY-MM-DD[Tt]hh:mm:ss[.fraction]([Zz]|[+-]hh:mm)` and returns
 * epoch milliseconds (fraction truncated to the millisecond), or NaN.
 */

import { DATE_TIME_MAX_LENGTH } from '../generated/2024/spec-facts.js';

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

/** Parse an RFC 3339 date-time with explicit offset to epoch ms; NaN if invalid. */
export function parseDateTime(s: unknown): number {
  if (typeof s !== 'string') return NaN;
  const len = s.length;
  if (len < 20 || len > DATE_TIME_MAX_LENGTH) return NaN;
  const year = digits(s, 0, 4);
  if (year < 0 || s.charCodeAt(4) !== 45 /* - */) return NaN;
  const month = digits(s, 5, 2);
  if (month < 1 || month > 12 || s.charCodeAt(7) !== 45) return NaN;
  const day = digits(s, 8, 2);
  if (day < 1 || day > daysInMonth(year, month)) return NaN;
  const t = s.charCodeAt(10);
  if (t !== 84 /* T */ && t !== 116 /* t */) return NaN;
  const hour = digits(s, 11, 2);
  if (hour < 0 || hour > 23 || s.charCodeAt(13) !== 58 /* : */) return NaN;
  const minute = digits(s, 14, 2);
  if (minute < 0 || minute > 59 || s.charCodeAt(16) !== 58) return NaN;
  const second = digits(s, 17, 2);
  if (second < 0 || second > 60) return NaN; // 60: leap second, rolls over
  let i = 19;
  let ms = 0;
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
    if (n === 0) return NaN;
    if (n === 1) ms *= 100;
    else if (n === 2) ms *= 10;
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */ || z === 122 /* z */) {
    i++;
  } else if (z === 43 /* + */ || z === 45 /* - */) {
    if (len !== i + 6) return NaN;
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || s.charCodeAt(i + 3) !== 58) return NaN;
    offsetMin = (oh * 60 + om) * (z === 43 ? 1 : -1);
    i += 6;
  } else {
    return NaN;
  }
  if (i !== len) return NaN;
  let base = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year < 100) {
    // Date.UTC maps years 0..99 to 1900..1999; set the year explicitly.
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second, ms);
    base = d.getTime();
  }
  return base - offsetMin * 60000;
}

/** Format epoch ms as an RFC 3339 UTC string; '' when `ms` is not a representable instant (never throws). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
