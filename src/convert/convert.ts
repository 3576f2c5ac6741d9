/**
 * Converting usage segments and listing pages between the 2024 model and the
 * 2026 development draft, by the mapping table (`mapping.ts`). Nothing the
 * target cannot say is dropped silently: every loss is named with a JSON
 * Pointer into the input, and every value the target requires but the source
 * lacks is named as an assumption with its pointer into the output. Each
 * direction has its module (`to-2026.ts`, `to-2024.ts`).
 */
import { isObject, setMember } from '../json.js';
import type { Model } from '../registry.js';
import { detectModel } from '../validate.js';
import { at, Notes, type Assumption, type Loss, type LossKind, type Obj } from './notes.js';
import { segmentTo2024 } from './to-2024.js';
import { segmentTo2026 } from './to-2026.js';

export type { Model };
export const MODELS: readonly Model[] = ['2024', '2026'];

export type { Assumption, Loss, LossKind };

export interface ConvertResult {
  readonly from: Model;
  readonly to: Model;
  readonly document: unknown;
  readonly losses: readonly Loss[];
  readonly assumptions: readonly Assumption[];
}

/** The input is not a usage segment or listing page of a known model. */
export class ConvertInputError extends Error {}

/**
 * The model of a segment or listing page, by the checker's own detection
 * (`detectModel` of validate.ts: `formats` is 2026, `format` 2024), once the
 * input is one the converter can read: a segment with its model's column
 * list, or a page whose segments all have the page's model. A page with no
 * segment is the same in both models (`either`); anything else is undefined.
 */
function modelOf(doc: unknown): Model | 'either' | undefined {
  if (!isObject(doc)) return undefined;
  const model = detectModel(doc);
  const columns = model === '2026' ? 'formats' : 'format';
  const readable = (seg: unknown) => isObject(seg) && Array.isArray(seg[columns]);
  if (!Array.isArray(doc.usage_segments)) return readable(doc) ? model : undefined;
  if (doc.usage_segments.length === 0) return 'either';
  return doc.usage_segments.every(readable) ? model : undefined;
}

/** Convert a segment or a listing page to `to`. Never changes its input. Throws `ConvertInputError` on input that is neither. */
export function convert(doc: unknown, to: Model): ConvertResult {
  const model = modelOf(doc);
  if (model === undefined) {
    throw new ConvertInputError(
      'not a usage segment or listing page of either model: a 2024 segment has `format` (strings), a 2026 segment `formats` (objects); a page has `usage_segments` with segments of one model',
    );
  }
  const from: Model = model === 'either' ? (to === '2024' ? '2026' : '2024') : model;
  const notes = new Notes();
  if (from === to) return { from, to, document: structuredClone(doc), losses: [], assumptions: [] };
  const one = (seg: Obj, base: string) => (to === '2026' ? segmentTo2026(seg, base, notes) : segmentTo2024(seg, base, notes));
  const d = doc as Obj;
  if (Array.isArray(d.usage_segments)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(d)) {
      if (k !== 'usage_segments') setMember(out, k, structuredClone(v));
    }
    const segments = d.usage_segments.map((seg, i) => one(seg as Obj, at('', 'usage_segments', i)));
    return { from, to, document: { usage_segments: segments, ...out }, losses: notes.losses, assumptions: notes.assumptions };
  }
  return { from, to, document: one(d, ''), losses: notes.losses, assumptions: notes.assumptions };
}
