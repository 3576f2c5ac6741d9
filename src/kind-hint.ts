/**
 * A hint for when `kind: 'auto'` has probably picked the wrong kind. Auto
 * detection looks for `usage_segments` only, so a page that spells it
 * differently (`usageSegments`, `UsageSegments`, `usage-segments`, …) is
 * checked as a segment and draws one "missing required property" error per
 * segment field; the hint says what happened and how to fix it.
 */
import { OBJECT_REQUIRED } from './models/generated-2024.js';

const PAGE_KEY = 'usage_segments';
const PAGE_LINKS = ['next', 'previous'];

/** A key folded for comparison: lower case, without `_`, `-` and spaces. */
const fold = (key: string): string => key.toLowerCase().replace(/[-_ ]/g, '');

const LOOKALIKES = new Set(['usagesegments', 'usagesegment', 'segments', 'usagesegmentlist']);

/**
 * Why a document that auto detection took for a usage segment is probably a
 * listing page, and what to change; null when nothing suggests that.
 */
export function kindHint(doc: unknown): string | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const keys = Object.keys(doc);
  if (keys.includes(PAGE_KEY)) return null;
  const lookalike = keys.find((k) => LOOKALIKES.has(fold(k)));
  if (lookalike !== undefined) {
    return `this looks like a listing page with its segments under ${JSON.stringify(lookalike)}; a page holds them under "${PAGE_KEY}" (rename the property), so it was checked as a single usage segment`;
  }
  const segmentFields = new Set<string>(OBJECT_REQUIRED.UsageSegment);
  if (!keys.some((k) => segmentFields.has(k)) && keys.some((k) => PAGE_LINKS.includes(k))) {
    return `this looks like a listing page (it has ${keys.filter((k) => PAGE_LINKS.includes(k)).map((k) => JSON.stringify(k)).join(' and ')}) but has no "${PAGE_KEY}" array, so it was checked as a single usage segment; add "${PAGE_KEY}"`;
  }
  return null;
}
