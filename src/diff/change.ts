import { getDiffRule, type DiffRuleId } from './catalogue.js';

/** One classified change between two descriptions. */
export interface Change {
  readonly rule: DiffRuleId;
  /**
   * Where, as a JSON Pointer fragment into the description with every `$ref`
   * inlined, walked from the operation (`#/paths/~1api~1usagesegments/get/…`);
   * the same addressing Redocly's `diff` uses, so the two reports line up.
   */
  readonly location: string;
  /** Where the changed thing was in OLD, when that differs from `location` (a renamed field, a moved operation). */
  readonly oldLocation?: string;
  /** The named schema (component title or file) that holds the change, when there is one. */
  readonly component?: string;
  readonly message: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** From the catalogue entry of `rule` (copied so that JSON reports stand alone). */
  readonly breaksClients: boolean;
  readonly breaksServers: boolean;
}

/** Collects changes in walk order. */
export class ChangeLog {
  readonly changes: Change[] = [];

  add(rule: DiffRuleId, location: string, message: string, extra: { component?: string | undefined; before?: unknown; after?: unknown; oldLocation?: string } = {}): void {
    const r = getDiffRule(rule);
    const change: { -readonly [K in keyof Change]: Change[K] } = { rule, location, message, breaksClients: r.breaksClients, breaksServers: r.breaksServers };
    if (extra.oldLocation !== undefined) change.oldLocation = extra.oldLocation;
    if (extra.component !== undefined) change.component = extra.component;
    if (extra.before !== undefined) change.before = extra.before;
    if (extra.after !== undefined) change.after = extra.after;
    this.changes.push(change);
  }
}
