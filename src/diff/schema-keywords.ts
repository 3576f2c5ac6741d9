/** Keyword comparisons of two schemas that need no walk below them: units, type, closed values, bounds. */
import type { DiffRuleId } from './catalogue.js';
import { bound, closedValues, list, subset, types, type Log, type Obj, type Role, type Walk } from './schema-common.js';

const UPPER = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties', 'maxContains'] as const;
const LOWER = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties', 'minContains'] as const;

export function compareUnits(os: Obj, ns: Obj, log: Log): void {
  if (JSON.stringify(os['x-units']) !== JSON.stringify(ns['x-units'])) {
    log('units-changed', `x-units changed from ${JSON.stringify(os['x-units']) ?? 'absent'} to ${JSON.stringify(ns['x-units']) ?? 'absent'}`, os['x-units'], ns['x-units']);
  }
}

export function compareTypes(os: Obj, ns: Obj, role: Role, log: Log): void {
  const ot = types(os);
  const nt = types(ns);
  if (ot === undefined && nt === undefined) return;
  if (ot && nt && subset(ot, nt) && subset(nt, ot)) return;
  const message = `type changed from ${list(ot)} to ${list(nt)}`;
  const widened = ot !== undefined && (nt === undefined || subset(ot, nt));
  const narrowed = nt !== undefined && (ot === undefined || subset(nt, ot));
  if (role === 'filter') {
    log(widened ? 'filter-value-widened' : narrowed ? 'filter-value-narrowed' : 'filter-type-changed', message, os.type, ns.type);
  } else {
    log(widened ? 'type-widened' : narrowed ? 'type-narrowed' : 'type-changed', message, os.type, ns.type);
  }
}

export function compareClosed(os: Obj, ns: Obj, walk: Walk, log: Log): void {
  const ov = closedValues(os);
  const nv = closedValues(ns);
  if (ov === undefined && nv === undefined) return;
  const units = walk.prop === 'units';
  if (ov === undefined || nv === undefined) {
    const tighter = ov === undefined;
    const what = tighter ? `now limited to ${nv!.join(', ')}` : `no longer limited to ${ov!.join(', ')}`;
    log(units ? 'units-changed' : bound(walk.role, tighter), `values ${what}`, ov && JSON.parse(`[${ov.join(',')}]`), nv && JSON.parse(`[${nv.join(',')}]`));
    return;
  }
  const oldSet = new Set(ov);
  const newSet = new Set(nv);
  for (const v of ov) {
    if (newSet.has(v)) continue;
    const rule: DiffRuleId = units ? 'units-changed' : walk.role === 'column' ? 'column-format-removed' : walk.role === 'filter' ? 'filter-value-narrowed' : 'enum-value-removed';
    log(rule, `value ${v} removed`, JSON.parse(v), undefined);
  }
  for (const v of nv) {
    if (oldSet.has(v)) continue;
    const rule: DiffRuleId = units ? 'units-changed' : walk.role === 'column' ? 'column-format-added' : walk.role === 'filter' ? 'filter-value-widened' : 'enum-value-added';
    log(rule, `value ${v} added`, undefined, JSON.parse(v));
  }
}

export function compareBounds(os: Obj, ns: Obj, role: Role, log: Log): void {
  // An upper bound tightens when it falls, a lower bound when it rises; a bound that appears tightens.
  for (const [keys, sign] of [[UPPER, -1], [LOWER, 1]] as const) {
    for (const k of keys) {
      const a = typeof os[k] === 'number' ? (os[k] as number) : undefined;
      const b = typeof ns[k] === 'number' ? (ns[k] as number) : undefined;
      if (a === b) continue;
      const tighter = a === undefined || (b !== undefined && (b - a) * sign > 0);
      log(bound(role, tighter), `${k} changed from ${a ?? 'none'} to ${b ?? 'none'}`, a, b);
    }
  }
  for (const k of ['pattern', 'format', 'multipleOf'] as const) {
    const a = os[k];
    const b = ns[k];
    if (a === b) continue;
    const message = `${k} changed from ${JSON.stringify(a) ?? 'none'} to ${JSON.stringify(b) ?? 'none'}`;
    if (a === undefined) log(bound(role, true), message, a, b);
    else if (b === undefined) log(bound(role, false), message, a, b);
    else {
      // Two different patterns or formats: neither contains the other in general.
      log(bound(role, true), message, a, b);
      log(bound(role, false), message, a, b);
    }
  }
  if (Boolean(os.uniqueItems) !== Boolean(ns.uniqueItems)) {
    log(bound(role, Boolean(ns.uniqueItems)), `uniqueItems changed from ${Boolean(os.uniqueItems)} to ${Boolean(ns.uniqueItems)}`, os.uniqueItems, ns.uniqueItems);
  }
}
