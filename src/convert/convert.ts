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
import { convertTargets, findModel } from '../models/registry.js';
import { detectModel } from '../validate.js';
import { at, Notes, type Assumption, type Loss, type LossKind, type Obj } from './notes.js';
import { segmentTo2024 } from './to-2024.js';
import { segmentTo2026 } from './to-2026.js';

export type { Model };
/**
 * The models the converter handles, as the model registry lists them when
 * this module loads (a model registered later is in `convertTargets()` of
 * src/models/registry.ts, which the command line asks).
 */
export const MODELS: readonly Model[] = convertTargets() as readonly Model[];

/**
 * One module per document shape the converter writes, keyed by the shape a
 * model entry names as its `converter`: a segment of the other shape goes
 * in, one of this shape comes out.
 */
const INTO = new Map<string, (seg: Obj, base: string, notes: Notes) => Obj>([
  ['2024', segmentTo2024],
  ['2026', segmentTo2026],
]);

/** The converter shape of a model (the registry's edge), or undefined when the converter does not handle it. */
function shapeOf(model: string): string | undefined {
  const shape = findModel(model)?.converter;
  return shape !== undefined && INTO.has(shape) ? shape : undefined;
}

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
  const model = detectModel(doc) as Model;
  if (shapeOf(model) === undefined) return undefined;
  const columns = findModel(model)!.adapter.columnsField;
  const readable = (seg: unknown) => isObject(seg) && Array.isArray(seg[columns]);
  if (!Array.isArray(doc.usage_segments)) return readable(doc) ? model : undefined;
  if (doc.usage_segments.length === 0) return 'either';
  return doc.usage_segments.every(readable) ? model : undefined;
}

/** Convert a segment or a listing page to `to`. Never changes its input. Throws `ConvertInputError` on input that is neither. */
export function convert(doc: unknown, to: Model): ConvertResult {
  const into = shapeOf(to);
  if (into === undefined) throw new TypeError(`convert: cannot convert to ${String(to)}; the converter's models are ${convertTargets().join(', ')}`);
  const model = modelOf(doc);
  if (model === undefined) {
    throw new ConvertInputError(
      'not a usage segment or listing page of either model: a 2024 segment has `format` (strings), a 2026 segment `formats` (objects); a page has `usage_segments` with segments of one model',
    );
  }
  // A page with no segment reads as a model of the other shape (of any shape when there is none).
  const from: Model = model === 'either' ? ((convertTargets().find((m) => shapeOf(m) !== into) ?? to) as Model) : model;
  const notes = new Notes();
  if (shapeOf(from) === into) return { from, to, document: structuredClone(doc), losses: [], assumptions: [] };
  const write = INTO.get(into)!;
  const one = (seg: Obj, base: string) => write(seg, base, notes);
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
