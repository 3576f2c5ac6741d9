/**
 * The value rules, in one place: what a value of each column kind must look
 * like. The schema layer's fast path, the rules' value loop and the reader
 * all ask these predicates, so they cannot disagree.
 */
import { isObject } from '../json.js';
import { KIND_ENERGY, KIND_EXTENSION, KIND_GAP, KIND_READING, KIND_SHARE, KIND_SUPPLY_MIX, type Column } from './column.js';

/** A finite number (`x - x` is 0 only for finite numbers; cheaper than Number.isFinite on unknowns). */
function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && x - x === 0;
}

/** The number of an energy value (`{"v": <finite number>}` in 2024), or undefined when the value does not have that shape. */
export function energyNumber(v: unknown, key: string): number | undefined {
  if (!isObject(v)) return undefined;
  const x = v[key];
  return isFiniteNumber(x) ? x : undefined;
}

/**
 * `energyNumber(v, key) !== undefined`, as a boolean. A loop that asks it of
 * every value (the value rules' fast path) then never boxes the amount: a
 * number-or-undefined result made V8 allocate a heap number per value (heap
 * profile of a 20,000-segment page: 1.3 MB per check).
 */
export function isEnergyValue(v: unknown, key: string): boolean {
  return isObject(v) && isFiniteNumber(v[key]);
}

/** The reason of a gap value (`{"reason_type": <non-empty string>}`), or undefined. */
export function gapReason(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const r = v.reason_type;
  return typeof r === 'string' && r.length > 0 ? r : undefined;
}

/** What is wrong with one supply-mix component (the schema's rules: `type` a non-empty string, `mix` from 0 to 1, `gco2_per_kwh` absent or a finite number ≥ 0), or undefined when nothing is. */
function componentFault(c: unknown): string | undefined {
  if (!isObject(c)) return 'is not an object';
  const t = c.type;
  const m = c.mix;
  if (typeof t !== 'string' || t.length === 0) return 'needs a non-empty string type';
  if (typeof m !== 'number' || !(m >= 0 && m <= 1)) return 'needs a mix from 0 to 1';
  if (!Object.prototype.hasOwnProperty.call(c, 'gco2_per_kwh')) return undefined;
  const g = c.gco2_per_kwh;
  return isFiniteNumber(g) && g >= 0 ? undefined : 'needs gco2_per_kwh to be a number ≥ 0 when present';
}

/** What is wrong with a supply-mix value (a non-empty array of well-formed components), or undefined when nothing is. */
export function supplyMixFault(v: unknown): string | undefined {
  if (!Array.isArray(v)) return 'it is not an array';
  if (v.length === 0) return 'it is empty';
  for (let j = 0; j < v.length; j++) {
    const fault = componentFault(v[j]);
    if (fault !== undefined) return `component ${j} ${fault}`;
  }
  return undefined;
}

/** A supply-mix value: a non-empty array of well-formed components. */
export function supplyMixOk(v: unknown): v is Record<string, unknown>[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (let j = 0; j < v.length; j++) if (componentFault(v[j]) !== undefined) return false;
  return true;
}

/** Sum of the `mix` shares of a well-formed supply-mix value. */
export function supplyMixSum(v: readonly Record<string, unknown>[]): number {
  let sum = 0;
  for (let j = 0; j < v.length; j++) sum += v[j]!.mix as number;
  return sum;
}

/** The string of a reading value (`{"r": <string>}` in 2026), or undefined when the value does not have that shape. */
export function readingText(v: unknown, key: string): string | undefined {
  if (!isObject(v)) return undefined;
  const x = v[key];
  return typeof x === 'string' ? x : undefined;
}

/** A 2026 supply-mix share as the draft defines it, or undefined: `sm` a ratio from 0 to 1, `ci` absent or a finite number, `eacs` absent or an array of non-empty strings. */
export function shareOf(v: unknown): { sm: number; ci: number | undefined; eacs: string[] | undefined } | undefined {
  if (!isObject(v)) return undefined;
  const sm = v.sm;
  if (typeof sm !== 'number' || !(sm >= 0 && sm <= 1)) return undefined;
  const ci = v.ci;
  if (ci !== undefined && !isFiniteNumber(ci)) return undefined;
  const eacs = v.eacs;
  if (eacs !== undefined) {
    if (!Array.isArray(eacs)) return undefined;
    for (let j = 0; j < eacs.length; j++) if (typeof eacs[j] !== 'string' || (eacs[j] as string).length === 0) return undefined;
  }
  return { sm, ci: ci as number | undefined, eacs: eacs as string[] | undefined };
}

/** What a value of one column kind must be: the predicate and the words for `value-type` messages. */
interface ValueRule {
  ok(v: unknown, column: Column): boolean;
  shape(column: Column): string;
}

/** The value rule of each column kind (invalid columns accept anything: the column is the problem). */
const VALUE_RULES: Readonly<Record<number, ValueRule>> = {
  [KIND_ENERGY]: { ok: (v, c) => energyNumber(v, c.valueKey ?? 'v') !== undefined, shape: (c) => `null or {"${c.valueKey ?? 'v'}": <finite number>}` },
  [KIND_GAP]: { ok: (v) => gapReason(v) !== undefined, shape: () => 'null or {"reason_type": <non-empty string>}' },
  [KIND_SUPPLY_MIX]: { ok: supplyMixOk, shape: () => 'null or a non-empty array of {"type", "mix"} components' },
  [KIND_READING]: { ok: (v, c) => readingText(v, c.valueKey ?? 'r') !== undefined, shape: (c) => `null or {"${c.valueKey ?? 'r'}": <string>} (a reading is a string, not a number)` },
  [KIND_SHARE]: { ok: (v) => shareOf(v) !== undefined, shape: () => 'null or {"sm": <number from 0 to 1>, "ci"?: <finite number>, "eacs"?: [<non-empty string>, …]}' },
  // 2024 extension formats take any JSON value (a Decision: no text
  // constrains them); a 2026 type the draft does not define has a value
  // object like every other type.
  [KIND_EXTENSION]: { ok: (v, c) => c.type === undefined || isObject(v), shape: () => 'null or an object' },
  // No rule: 2024 `eacs` (KIND_ANY) takes any JSON value (a Decision: no text
  // constrains it); invalid columns accept anything (the column is the problem).
};

/** Does a non-null value have the shape its column requires? (Invalid columns accept anything: the column is the problem.) */
export function valueOk(column: Column, v: unknown): boolean {
  const rule = VALUE_RULES[column.kind];
  return rule === undefined || rule.ok(v, column);
}

/** The shape a column's values must have, in words, for `value-type` messages. */
export function expectedShape(column: Column): string {
  return VALUE_RULES[column.kind]?.shape(column) ?? 'null or an object';
}

/** Every value set an array, and every value in it null or of a shape `ok` accepts. */
function everyValue(values: readonly unknown[], ok: (v: unknown) => boolean): boolean {
  for (let k = 0; k < values.length; k++) {
    const vs = values[k];
    if (!Array.isArray(vs)) return false;
    for (let i = 0; i < vs.length; i++) if (vs[i] !== null && !ok(vs[i])) return false;
  }
  return true;
}

/**
 * Structural check of `values` equivalent to (never laxer than) the schema's
 * ValueSet/Value definitions: every value set an array (a value may be any
 * JSON: its shape depends on its column and is a rule's business). When it
 * fails, the compiled validator runs on the whole segment to produce the
 * exact errors.
 */
export function valuesShapeOk(values: readonly unknown[]): boolean {
  for (let k = 0; k < values.length; k++) if (!Array.isArray(values[k])) return false;
  return true;
}

/**
 * The same structural check for the 2026 schema, whose value objects are
 * objects only: every value set an array, every value null or a
 * (non-array) object.
 */
export function valuesShapeOk2026(values: readonly unknown[]): boolean {
  return everyValue(values, isObject);
}
