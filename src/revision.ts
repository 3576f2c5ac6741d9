import type { SchemaOutcome } from './context.js';
import { isObject, show } from './json.js';
import { Collector, type ValidationResult } from './problems.js';
import type { Model } from './registry.js';
import { compareInstants, parseInstant, type Instant } from './time.js';
import { detectModel, modelOptions, reportDuplicateKeys, validateInto, type ValidateOptions } from './validate.js';
import { modelEntry } from './models/registry.js';

export interface RevisionOptions extends Pick<ValidateOptions, 'model' | 'serverMetadata'> {
  /** Also report `unknown-field` and `unknown-format` warnings. Default false. */
  strict?: boolean;
  /** The JSON text each document was parsed from (by index; undefined where unknown): repeated member names are reported (`duplicate-key`). */
  texts?: readonly (string | undefined)[];
}

/** One document of a pair, with what its schema pass rejected. */
interface Checked {
  doc: Record<string, unknown>;
  schema: SchemaOutcome | null;
}

/** A member the schema accepted (a rejected one takes no part in the comparison). */
function accepted(d: Checked, field: string): unknown {
  const exact = d.schema?.exact;
  return exact != null && exact.has('/' + field) ? undefined : d.doc[field];
}

function instantOf(d: Checked, field: string): Instant | null {
  return parseInstant(accepted(d, field));
}

function comparePair(prev: Checked, next: Checked, c: Collector): void {
  const id0 = accepted(prev, 'cds_usagesegment_id');
  const id1 = accepted(next, 'cds_usagesegment_id');
  const rawId = next.doc.cds_usagesegment_id;
  const sid = typeof rawId === 'string' ? rawId : undefined;
  if (typeof id0 === 'string' && typeof id1 === 'string' && id0 !== id1) {
    c.add('revision-id', '/cds_usagesegment_id', `revision changes cds_usagesegment_id from ${show(id0)} to ${show(id1)}`, sid);
  }
  const cr0 = instantOf(prev, 'cds_created');
  const cr1 = instantOf(next, 'cds_created');
  if (cr0 !== null && cr1 !== null && compareInstants(cr0, cr1) !== 0) {
    c.add('revision-created', '/cds_created', `revision changes cds_created from ${show(prev.doc.cds_created)} to ${show(next.doc.cds_created)}`, sid);
  }
  for (const f of ['segment_start', 'segment_end'] as const) {
    const a = instantOf(prev, f);
    const b = instantOf(next, f);
    if (a !== null && b !== null && compareInstants(a, b) !== 0) {
      c.add('revision-span', '/' + f, `revision changes ${f} from ${show(prev.doc[f])} to ${show(next.doc[f])}`, sid);
    }
  }
  const i0 = accepted(prev, 'interval');
  const i1 = accepted(next, 'interval');
  if (typeof i0 === 'number' && typeof i1 === 'number' && i0 !== i1) {
    c.add('revision-span', '/interval', `revision changes interval from ${i0} to ${i1}`, sid);
  }
  const m0 = instantOf(prev, 'cds_modified');
  const m1 = instantOf(next, 'cds_modified');
  if (m0 !== null && m1 !== null && compareInstants(m1, m0) <= 0) {
    c.add('revision-modified', '/cds_modified', `cds_modified ${show(next.doc.cds_modified)} is not later than the previous revision's ${show(prev.doc.cds_modified)}`, sid);
  }
}

/**
 * Check a chain of revisions of one usage segment, oldest first (a settlement
 * run is a chain longer than two). Every document is validated as a segment;
 * every problem carries `doc`, the index of the document it points into.
 * Revision problems point into the later document of the pair.
 */
export function checkRevisionChain(docs: readonly unknown[], options: RevisionOptions = {}): ValidationResult {
  return checkRevisionChainCounted(docs, options).result;
}

/** Errors and warnings (listed or beyond the cap) that point into one document of a chain. */
export interface ProblemTotals {
  errors: number;
  warnings: number;
}

/** The one model a chain is checked against: forced, or the first document's (a revision keeps its model). */
function chainModel(docs: readonly unknown[], model: Model | 'auto'): Model {
  return model !== 'auto' ? model : detectModel(Array.isArray(docs) ? docs.find(isObject) : undefined);
}

/**
 * `checkRevisionChain`, plus how many problems (listed or not) point into each
 * document, for the CLI's per-file counts (not part of the package's API).
 * Counted here, by the growth of the collector's totals while each document is
 * checked, so that the collector itself knows nothing of files.
 */
export function checkRevisionChainCounted(docs: readonly unknown[], options: RevisionOptions = {}): { result: ValidationResult; totalsByDoc: ProblemTotals[]; model: Model } {
  const { model: modelOpt, declaredTypes } = modelOptions('checkRevisionChain', options);
  const model = chainModel(docs, modelOpt);
  const entry = modelEntry(model);
  const c = new Collector({ strict: options?.strict === true, revision: true, model: entry.rules, metadata: declaredTypes !== null });
  const n = Array.isArray(docs) ? docs.length : 0;
  const totalsByDoc: ProblemTotals[] = Array.from({ length: n }, () => ({ errors: 0, warnings: 0 }));
  const inDoc = (i: number, check: () => void): void => {
    c.docIndex = i;
    const errors = c.errorCount;
    const warnings = c.warningCount;
    try {
      check();
    } finally {
      const t = totalsByDoc[i];
      if (t !== undefined) {
        t.errors += c.errorCount - errors;
        t.warnings += c.warningCount - warnings;
      }
    }
  };
  try {
    if (!Array.isArray(docs)) throw new TypeError('checkRevisionChain expects an array of documents');
    const checked: (Checked | null)[] = [];
    for (let i = 0; i < n; i++) {
      inDoc(i, () => {
        const text = options?.texts?.[i];
        if (typeof text === 'string') reportDuplicateKeys(text, c);
        const schema = validateInto(docs[i], 'segment', c, entry.adapter, declaredTypes);
        const doc: unknown = docs[i];
        checked.push(isObject(doc) ? { doc, schema } : null);
      });
    }
    for (let i = 1; i < n; i++) {
      const prev = checked[i - 1];
      const next = checked[i];
      if (prev != null && next != null) inDoc(i, () => comparePair(prev, next, c));
    }
  } catch (e) {
    const report = () => c.add('internal-error', '', `checker failed: ${e instanceof Error ? e.message : String(e)}`);
    if (c.docIndex === undefined) report();
    else inDoc(c.docIndex, report);
  }
  return { result: c.result(), totalsByDoc, model };
}

/** Check that `next` is a valid revision of `previous` (both are validated too; `doc` is 0 or 1). */
export function checkRevision(previous: unknown, next: unknown, options: RevisionOptions = {}): ValidationResult {
  return checkRevisionChain([previous, next], options);
}
