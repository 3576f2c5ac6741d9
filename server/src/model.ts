import type { Model } from './db.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The model a segment is written in: `formats` (Value Format objects) is the
 * 2026 development draft, `format` (strings) the 2024 draft. null when it has
 * neither, so the checker decides what is wrong with it.
 */
export function segmentModel(segment: unknown): Model | null {
  if (!isObject(segment)) return null;
  if (Object.prototype.hasOwnProperty.call(segment, 'formats')) return '2026';
  if (Object.prototype.hasOwnProperty.call(segment, 'format')) return '2024';
  return null;
}

/** The segments of a document: a listing page's `usage_segments`, or the document itself. */
export function segmentsOf(doc: unknown): unknown[] {
  if (isObject(doc) && Array.isArray(doc.usage_segments)) return doc.usage_segments;
  return [doc];
}

export { isObject };
