/**
 * 2024 date-times in 2026 form. The 2024 draft asks for an "ISO8601
 * datetime" (2024-09 §11.1 L447), the 2026 draft for RFC 3339 (§2), which is
 * one profile of ISO 8601. An ISO 8601 date-time in another spelling (basic
 * format `20240201T000000Z`, an ordinal date `2024-032` or week date
 * `2024-W05-4`, no seconds or no minutes, a fraction of the hour or minute,
 * an offset `+0000` or `+01`, a comma before the fraction) names the same
 * instant in RFC 3339 form, exactly; one without an offset names no instant,
 * and is read as UTC (an assumption the caller reports).
 */
import { withoutTrailingZeros } from './decimal.js';

/** RFC 3339 as the 2026 schema spells it (any length: a long fraction is the checker's concern, not the converter's). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The date-times the 2024 schema (spec/2024 DateTime) accepts: a calendar,
 * ordinal or week date, basic or extended; a time of day to the hour, minute
 * or second with an optional fraction of its last unit; an optional offset.
 * Anchored, no nested repetition: linear.
 */
const ISO8601 =
  /^(\d{4})-?(?:(\d{2})-?(\d{2})|(\d{3})|W(\d{2})-?(\d))[Tt](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?(?:[.,](\d+))?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

export interface Rewritten {
  readonly text: string;
  /** True when the source had no offset and UTC was assumed. */
  readonly utcAssumed: boolean;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInYear = (y: number): number => (isLeap(y) ? 366 : 365);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ISO weekday (Monday 1 … Sunday 7) of 4 January of year y (proleptic Gregorian; no Date, whose years 0–99 shift). */
function weekdayOfJan4(y: number): number {
  // Days from 1 January 0000 to 4 January of y: 365 a year plus a leap day for each leap year before y (year 0 is one).
  const days = 365 * y + Math.ceil(y / 4) - Math.ceil(y / 100) + Math.ceil(y / 400) + 3;
  return ((days + 5) % 7) + 1; // day 0, 1 January 0000, is a Saturday (ISO 6)
}

/** Number of ISO weeks in year y: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
function weeksInYear(y: number): number {
  const jan1 = ((weekdayOfJan4(y) + 3) % 7) + 1; // 1 January is three days before 4 January
  return jan1 === 4 || (jan1 === 3 && isLeap(y)) ? 53 : 52;
}

/** Year, month and day of day `ordinal` (1-based) of year y; undefined when out of the year. */
function fromOrdinal(y: number, ordinal: number): [number, number, number] | undefined {
  if (ordinal < 1 || ordinal > daysInYear(y)) return undefined;
  let rest = ordinal;
  for (let m = 0; m < 12; m++) {
    const n = m === 1 && isLeap(y) ? 29 : MONTH_DAYS[m]!;
    if (rest <= n) return [y, m + 1, rest];
    rest -= n;
  }
  return undefined;
}

/** Year, month and day of ISO week `w`, weekday `d` of week-year y (the week may start in December or end in January). */
function fromWeek(y: number, w: number, d: number): [number, number, number] | undefined {
  if (w < 1 || w > weeksInYear(y) || d < 1 || d > 7) return undefined;
  // Week 1 is the week of 4 January: its Monday is day 4 - (weekday of 4 January - 1) of the year.
  let ordinal = 7 * (w - 1) + d + 4 - weekdayOfJan4(y);
  let year = y;
  if (ordinal < 1) ordinal += daysInYear(--year);
  else if (ordinal > daysInYear(y)) ordinal -= daysInYear(year++);
  return year < 0 || year > 9999 ? undefined : fromOrdinal(year, ordinal);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Minutes, seconds and the seconds' fraction digits of `frac` (decimal digits) of one unit of `unitSeconds` seconds, exactly. */
function splitFraction(frac: string, unitSeconds: number): [number, number, string] {
  const scale = 10n ** BigInt(frac.length);
  const scaled = BigInt(frac) * BigInt(unitSeconds); // the fraction in seconds, times scale
  const whole = Number(scaled / scale);
  const digits = withoutTrailingZeros((scaled % scale).toString().padStart(frac.length, '0'));
  return [Math.floor(whole / 60), whole % 60, digits];
}

/** The RFC 3339 spelling of an ISO 8601 date-time that is not RFC 3339 already; undefined when it is, or when it is not a date-time this can read. */
export function toRfc3339(s: unknown): Rewritten | undefined {
  if (typeof s !== 'string' || RFC3339.test(s)) return undefined;
  const m = ISO8601.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, ord, wk, wd, h, mi, sec, frac, off] = m;
  let date: string;
  if (mo !== undefined) date = `${y}-${mo}-${d}`;
  else {
    const ymd = ord !== undefined ? fromOrdinal(Number(y), Number(ord)) : fromWeek(Number(y), Number(wk), Number(wd));
    if (ymd === undefined) return undefined;
    date = `${pad(ymd[0], 4)}-${pad(ymd[1], 2)}-${pad(ymd[2], 2)}`;
  }
  let minute = mi ?? '00';
  let second = sec ?? '00';
  let fraction = frac ?? '';
  if (frac !== undefined && sec === undefined) {
    // A fraction of the hour or of the minute: the same instant in whole minutes and seconds and a fraction of the second.
    const [fm, fs, digits] = splitFraction(frac, mi === undefined ? 3600 : 60);
    minute = pad(Number(minute) + fm, 2);
    second = pad(fs, 2);
    fraction = digits;
  }
  let offset: string;
  if (off === undefined) offset = 'Z';
  else if (off === 'Z' || off === 'z') offset = 'Z';
  else offset = `${off.slice(0, 3)}:${off.length > 3 ? off.slice(-2) : '00'}`;
  const text = `${date}T${h}:${minute}:${second}${fraction === '' ? '' : `.${fraction}`}${offset}`;
  return RFC3339.test(text) ? { text, utcAssumed: off === undefined } : undefined;
}
