/**
 * `unknown-enum`: a listed field's value of a defined type's Value Format
 * outside the draft's list, and a type the draft does not define that is a
 * near miss of one it does (unless the Server Metadata declares it). Unless
 * the rule is widened (strict mode, see the registry), a field's value is
 * reported only when it looks like a slip.
 */
import type { CheckContext } from '../../context.js';
import { ownEntry, show } from '../../json.js';
import { KNOWN_FIELD_VALUES, KNOWN_VALUE_TYPES } from '../../models/generated-2026.js';
import { nearestKnown } from '../../near-miss.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';
import { KNOWN_TYPES } from './known.js';

const FIELD_LISTS = KNOWN_FIELD_VALUES as Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** A type the draft does not define, not declared by the Server Metadata: a near miss of a defined type. */
function checkType(type: string, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
  if (ctx.declaredTypes !== null && ctx.declaredTypes.has(type)) return;
  const near = nearestKnown(type, KNOWN_VALUE_TYPES);
  if (near !== undefined) ctx.collector.add('unknown-enum', ptr(base, 'formats', i, 'type'), `type ${show(type)} is not a value type of the draft; did you mean ${show(near)}?`, id);
}

export const unknownEnum = {
  code: 'unknown-enum',
  reads: 'the type of each Value Format of a 2026 segment, and the fields the draft lists values for',
  check(f: Record<string, unknown>, type: string, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
    if (!KNOWN_TYPES.has(type)) {
      checkType(type, i, base, ctx, id);
      return;
    }
    const lists = ownEntry(FIELD_LISTS, type); // `type` is data: "constructor" must not find Object's
    if (lists === undefined) return;
    const every = ctx.collector.widened('unknown-enum');
    for (const field in lists) {
      const v = f[field];
      if (typeof v !== 'string') continue; // absent, null, or a schema error
      const list = lists[field]!;
      if (list.includes(v)) continue;
      const near = nearestKnown(v, list);
      if (near === undefined && !every) continue;
      ctx.collector.add('unknown-enum', ptr(base, 'formats', i, field), unknownEnum.message(field, v, type, list, near), id);
    }
  },
  /** A field's value outside the draft's list (a type's near miss says `type … is not a value type of the draft; did you mean …?`). */
  message(field: string, v: string, type: string, list: readonly string[], near: string | undefined): string {
    const hint = near !== undefined ? `; did you mean ${show(near)}?` : '; Clients ignore it';
    return `${field} ${show(v)} is not one of the draft's values for ${type} (${list.join(', ')})${hint}`;
  },
} as const satisfies RuleModule;
