import { RULES, ruleApplies, type Code, type Level, type RuleGate } from './registry.js';

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
  /** Up to `MAX_PROBLEMS` errors. */
  errors: Problem[];
  /** Up to `MAX_PROBLEMS` warnings. */
  warnings: Problem[];
  /** Number of errors found beyond those kept in `errors`. */
  omittedErrors: number;
  /** Number of warnings found beyond those kept in `warnings`. */
  omittedWarnings: number;
  /** True when `omittedErrors + omittedWarnings > 0`. */
  truncated: boolean;
}

/** At most this many errors (and this many warnings) are kept. */
export const MAX_PROBLEMS = 100;

/** Default gate: a plain `validate` of a 2024 document. */
const DEFAULT_GATE: RuleGate = { strict: false, revision: false, model: '2024' };

/**
 * Collects problems with a cap and counts the rest. It reads the registry:
 * a code whose rule does not apply under the gate (strict-only without
 * `strict`, revision-only outside a revision check, another model) is not
 * reported, and checks ask `enabled(code)` to skip the work altogether.
 */
export class Collector {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  omittedErrors = 0;
  omittedWarnings = 0;
  /** Index in the chain of the document being checked (revision checks; set on each problem as `doc`); undefined otherwise. */
  docIndex: number | undefined = undefined;
  readonly gate: RuleGate;
  /** Level of each code whose rule applies under the gate. */
  private readonly levels: ReadonlyMap<string, Level>;

  constructor(gate: Partial<RuleGate> = {}, readonly cap: number = MAX_PROBLEMS) {
    this.gate = { ...DEFAULT_GATE, ...gate };
    this.levels = new Map(RULES.filter((r) => ruleApplies(r, this.gate)).map((r) => [r.code, r.level]));
  }

  /** Is `code` reported under this collector's gate? */
  enabled(code: Code): boolean {
    return this.levels.has(code);
  }

  add(code: Code, path: string, message: string, segmentId?: unknown): void {
    const level = this.levels.get(code);
    if (level === undefined) return;
    const p: Problem = { code, message, path };
    if (typeof segmentId === 'string') p.segmentId = segmentId;
    if (this.docIndex !== undefined) p.doc = this.docIndex;
    if (level === 'error') {
      if (this.errors.length < this.cap) this.errors.push(p);
      else this.omittedErrors++;
    } else {
      if (this.warnings.length < this.cap) this.warnings.push(p);
      else this.omittedWarnings++;
    }
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
