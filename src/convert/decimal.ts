/**
 * Moving a number's decimal point by whole powers of ten, exactly: the
 * shift is done on the decimal digits of the number's shortest text (what
 * JSON.stringify writes), never by a binary multiplication, so 1234 Wh
 * becomes 1.234 kWh and not 1.2340000000000002. Both drafts ask Servers to
 * keep decimal precision; a converter must not add digits.
 */
export function shiftDecimal(n: number, places: number): number {
  if (places === 0 || n === 0 || !Number.isFinite(n)) return n;
  const text = String(n);
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  const exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const fraction = dot === -1 ? 0 : mantissa.length - dot - 1;
  // Number() rounds a decimal text to the nearest double correctly.
  return Number(`${digits}e${exponent - fraction + places}`);
}

/** `s` without its trailing `0`s, in one pass from the end (`/0+$/` backtracks quadratically on a long run of zeros that is not at the end). */
export function withoutTrailingZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48 /* 0 */) end--;
  return s.slice(0, end);
}
