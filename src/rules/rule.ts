/**
 * A rule's definition, after Ajv's keyword modules (one file per keyword,
 * exporting its name, what it applies to, its code and its error message):
 * each rule is one module under `src/rules/<where>/` (`segment/`, `values/`,
 * `formats/`, `page/`, `timeline/`) exporting one object with the code it
 * reports, what of the document it reads, its check and its message. The
 * code's level, source class and advice stay in the rule registry
 * (`src/registry.ts`), which drives the docs.
 *
 * The drivers (`checkPage`, `checkSegment`, the value loop, the timeline)
 * call each definition by name where its part of the document is read, so
 * every call site sees one function (monomorphic) and no rule list is walked
 * per segment or per value.
 */
import type { Code } from '../registry.js';

export interface RuleModule {
  /** The code it reports (the registry holds its level, source class and advice). */
  readonly code: Code;
  /** What of the document it reads, in words. */
  readonly reads: string;
  /** The check: reads its part of the document and reports what it finds (each rule's own arguments). */
  readonly check?: (...args: never[]) => unknown;
  /** `check` in two, for a driver that reads before it reports (segment/date-time.ts: the date-time memo's order): `read` finds without reporting, `report` reports what `read` found unusable. */
  readonly read?: (...args: never[]) => unknown;
  readonly report?: (...args: never[]) => void;
  /** Whether the rule speaks for a part (a column, a type) where the driver asks before calling `check`. */
  readonly applies?: (...args: never[]) => boolean;
  /** The message of a finding (byte for byte what the collector receives). */
  readonly message: (...args: never[]) => string;
}
