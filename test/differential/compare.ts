/**
 * The differential property: the checker's verdict and the naive model's
 * (test/differential/naive.ts) agree on every code the naive model covers.
 * Exact `code path` lists where the docs fix the place; for
 * `timeline-overlap`, which of two overlapping segments carries the warning
 * is the checker's choice, so: it reports one at least when any overlap
 * exists, none otherwise, and only segments that overlap an earlier one.
 */
import { validate } from '../../src/index.js';
import { naiveCheck, type Model } from './naive.js';

/** Codes compared by exact path. `schema` only for the list paths the naive model knows (a repeated related id). */
const EXACT = new Set(['value-set-length', 'interval-arithmetic', 'duplicate-id', 'duplicate-format-id', 'net-balance', 'timeline-hole']);
const RELATED_LIST = /\/related_[a-z]+$/;

/** A description of every disagreement (empty: they agree). `seen` counts the codes the naive model found, so that a run can show it met every rule. */
export function disagreements(doc: Record<string, unknown>, model: Model, seen?: Map<string, number>): string[] {
  const r = validate(doc, { model });
  const problems = [...r.errors, ...r.warnings];
  const out: string[] = [];
  if (problems.some((p) => p.code === 'internal-error')) out.push(`internal-error: ${problems.find((p) => p.code === 'internal-error')!.message}`);
  const checker = [
    ...new Set(problems.filter((p) => EXACT.has(p.code) || (p.code === 'schema' && RELATED_LIST.test(p.path))).map((p) => `${p.code} ${p.path}`)),
  ].sort();
  const naive = naiveCheck(doc, model);
  if (seen !== undefined) {
    for (const x of naive.exact) seen.set(x.split(' ')[0]!, (seen.get(x.split(' ')[0]!) ?? 0) + 1);
    if (naive.overlapCandidates.size > 0) seen.set('timeline-overlap', (seen.get('timeline-overlap') ?? 0) + 1);
    seen.set('documents', (seen.get('documents') ?? 0) + 1);
  }
  const missing = naive.exact.filter((x) => !checker.includes(x));
  const extra = checker.filter((x) => !naive.exact.includes(x));
  if (missing.length > 0) out.push(`checker misses: ${missing.join(', ')}`);
  if (extra.length > 0) out.push(`checker adds: ${extra.join(', ')}`);
  const overlaps = problems.filter((p) => p.code === 'timeline-overlap').map((p) => p.path);
  const outside = overlaps.filter((p) => !naive.overlapCandidates.has(p));
  if (outside.length > 0) out.push(`timeline-overlap on segments that overlap no earlier one: ${outside.join(', ')}`);
  if (naive.overlapCandidates.size > 0 && overlaps.length === 0) out.push(`timeline-overlap missing: ${[...naive.overlapCandidates].join(', ')} overlap`);
  return out;
}
