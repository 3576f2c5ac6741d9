/** The loss report a conversion builds, and the small helpers both directions share. */

/** Why something did not cross whole. */
export type LossKind = 'no-counterpart' | 'approximate' | 'dropped';

export interface Loss {
  /** JSON Pointer into the input document. */
  readonly pointer: string;
  readonly kind: LossKind;
  readonly message: string;
}

export interface Assumption {
  /** JSON Pointer into the output document. */
  readonly pointer: string;
  readonly message: string;
}

export type Obj = Record<string, unknown>;

/** `base` with `tokens` appended as JSON Pointer tokens (the package's pointer helper). */
import { setMember } from '../json.js';
import { ptr as at } from '../pointer.js';
export { at };

/** The losses and assumptions of one conversion, in the order they are found. */
export class Notes {
  readonly losses: Loss[] = [];
  readonly assumptions: Assumption[] = [];
  loss(pointer: string, kind: LossKind, message: string): void {
    this.losses.push({ pointer, kind, message });
  }
  assume(pointer: string, message: string): void {
    this.assumptions.push({ pointer, message });
  }
}

export /** Ids for the output columns: the 2024 string, with `_2`, `_3`, … when it repeats. */
function idsFor(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}

/**
 * Copy the fields a model does not know (Server additions). One whose name
 * the target model uses (a 2024 Server's own `formats`, a 2026 Server's own
 * `format`) cannot cross: it is named as a loss instead of being overwritten.
 */
export function copyExtras(seg: Obj, known: ReadonlySet<string>, out: Obj, reserved: ReadonlySet<string>, where: { base: string; notes: Notes; to: string }): void {
  // Both models let Servers add fields that Clients ignore; they cross as they are.
  for (const [k, v] of Object.entries(seg)) {
    if (known.has(k)) continue;
    if (reserved.has(k)) {
      where.notes.loss(at(where.base, k), 'dropped', `the Server's own member "${k}" has the name of a ${where.to} segment field, so it cannot cross; dropped`);
      continue;
    }
    setMember(out, k, structuredClone(v));
  }
}
