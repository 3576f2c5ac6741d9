import { RULES, ruleApplies, ruleWidened, type Code, type Level, type RuleGate } from './registry.js';

/** One finding of the checker. */
export interface Problem {
  /** Stable rule code, see `RULES`. */
  code: Code;
  /** Human-readable explanation. */
  message: string;
  /** RFC 6901 JSON Pointer into the checked document ("" = the root). */
  path: string;
  /** `cds_usagesegment_id` of the segment concerned, when known. */
  segmentId?: string;
  /** For revision checks: index of the document in the chain (0 = previous/first). */
  doc?: number;
}

/** Result of `validate`, `checkRevision` and `checkRevisionChain`. */
export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  valid: boolean;
  /** Up to `MAX_PROBLEMS` errors, and beyond that the first error of each code not yet listed. */
  errors: Problem[];
  /** Up to `MAX_PROBLEMS` warnings, and beyond that the first warning of each code not yet listed. */
  warnings: Problem[];
  /** Number of errors found beyond those kept in `errors`. */
  omittedErrors: number;
  /** Number of warnings found beyond those kept in `warnings`. */
  omittedWarnings: number;
  /** True when `omittedErrors + omittedWarnings > 0`. */
  truncated: boolean;
}

/** This many errors (and this many warnings) are kept, plus the first of every code: the cap never hides a kind of problem. */
export const MAX_PROBLEMS = 100;

/** What `Collector.mark` remembers: how many problems were listed and counted, and the codes listed. */
export interface CollectorMark {
  readonly errors: number;
  readonly warnings: number;
  readonly omittedErrors: number;
  readonly omittedWarnings: number;
  readonly listed: readonly string[];
}

/** Default gate: a plain `validate` of a 2024 document. */
const DEFAULT_GATE: RuleGate = { strict: false, revision: false, model: '2024', metadata: false };

/** A path or message, or a function that builds it (called only when the problem is listed). */
type Lazy = string | (() => string);

/**
 * Collects problems with a cap and counts the rest. It reads the registry:
 * a code whose rule does not apply under the gate (strict-only without
 * `strict`, revision-only outside a revision check, another model) is not
 * reported, and checks ask `enabled(code)` to skip the work altogether.
 * A rule that strict mode widens (`strictAdds`) reports its wider findings
 * when `widened(code)`: checks never test the mode themselves.
 *
 * Past the cap a problem is only counted, unless it is the first of its code
 * (so every kind of problem found is listed at least once). Producers pass
 * paths and messages as functions, or ask `listing(code)` first, so that
 * nothing past the cap is formatted: a page of 20,000 overlapping segments
 * costs 20,000 counts, not 20,000 messages.
 */
export class Collector {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  omittedErrors = 0;
  omittedWarnings = 0;
  /** Index in the chain of the document being checked (revision checks; set on each problem as `doc`); undefined otherwise. */
  docIndex: number | undefined = undefined;
  /** The modes and model of the check; private, so that checks ask `enabled`/`widened` and never test a mode. */
  private readonly gate: RuleGate;
  /** Level of each code whose rule applies under the gate. */
  private readonly levels: ReadonlyMap<string, Level>;
  /** Codes whose wider, strict-mode findings are reported under the gate. */
  private readonly widenedCodes: ReadonlySet<string>;
  /** Codes with at least one listed problem. */
  private readonly listedCodes = new Set<string>();

  constructor(gate: Partial<RuleGate> = {}, readonly cap: number = MAX_PROBLEMS) {
    this.gate = { ...DEFAULT_GATE, ...gate };
    this.levels = new Map(RULES.filter((r) => ruleApplies(r, this.gate)).map((r) => [r.code, r.level]));
    this.widenedCodes = new Set(RULES.filter((r) => ruleWidened(r, this.gate)).map((r) => r.code));
  }

  /** Is `code` reported under this collector's gate? */
  enabled(code: Code): boolean {
    return this.levels.has(code);
  }

  /** Does `code` report what the registry says strict mode adds to it (`strictAdds`)? */
  widened(code: Code): boolean {
    return this.widenedCodes.has(code);
  }

  /** Would a problem of `code` be listed now? False when it would only be counted (or is not reported at all). */
  listing(code: Code): boolean {
    const level = this.levels.get(code);
    if (level === undefined) return false;
    return (level === 'error' ? this.errors : this.warnings).length < this.cap || !this.listedCodes.has(code);
  }

  /**
   * For a producer of many problems of one code (a hostile page's thousands
   * of overlaps): true when a problem of `code` would not be listed now, and
   * then it is counted as `add` would count it (or dropped, when the code
   * is not reported); false when it would be listed: the caller builds its
   * path and message and calls `add`. Saves a closure per problem past the cap.
   */
  countPastCap(code: Code): boolean {
    const level = this.levels.get(code);
    if (level === undefined) return true;
    if (this.listing(code)) return false;
    if (level === 'error') this.omittedErrors++;
    else this.omittedWarnings++;
    return true;
  }

  /** Report a problem: listed (its path and message built) while `listing(code)`, else counted. */
  add(code: Code, path: Lazy, message: Lazy, segmentId?: unknown): void {
    const level = this.levels.get(code);
    if (level === undefined) return;
    if (!this.listing(code)) {
      if (level === 'error') this.omittedErrors++;
      else this.omittedWarnings++;
      return;
    }
    this.listedCodes.add(code);
    const p: Problem = { code, message: typeof message === 'string' ? message : message(), path: typeof path === 'string' ? path : path() };
    if (typeof segmentId === 'string') p.segmentId = segmentId;
    if (this.docIndex !== undefined) p.doc = this.docIndex;
    (level === 'error' ? this.errors : this.warnings).push(p);
  }

  /**
   * Where the collector stands now, for `restore`: a check that may find it
   * cannot finish (the one-pass check of a page, rules/one-pass.ts) takes
   * back what it reported before the full checks run.
   */
  mark(): CollectorMark {
    return { errors: this.errors.length, warnings: this.warnings.length, omittedErrors: this.omittedErrors, omittedWarnings: this.omittedWarnings, listed: [...this.listedCodes] };
  }

  /** Forget every problem reported since `mark` was taken. */
  restore(mark: CollectorMark): void {
    this.errors.length = mark.errors;
    this.warnings.length = mark.warnings;
    this.omittedErrors = mark.omittedErrors;
    this.omittedWarnings = mark.omittedWarnings;
    this.listedCodes.clear();
    for (const code of mark.listed) this.listedCodes.add(code);
  }

  /** Errors found so far, listed or not. */
  get errorCount(): number {
    return this.errors.length + this.omittedErrors;
  }

  /** Warnings found so far, listed or not. */
  get warningCount(): number {
    return this.warnings.length + this.omittedWarnings;
  }

  result(): ValidationResult {
    return {
      valid: this.errorCount === 0,
      errors: this.errors,
      warnings: this.warnings,
      omittedErrors: this.omittedErrors,
      omittedWarnings: this.omittedWarnings,
      truncated: this.omittedErrors + this.omittedWarnings > 0,
    };
  }
}
