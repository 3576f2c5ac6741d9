function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The segments of a document: a listing page's `usage_segments`, or the document itself. */
export function segmentsOf(doc: unknown): unknown[] {
  if (isObject(doc) && Array.isArray(doc.usage_segments)) return doc.usage_segments;
  return [doc];
}

export { isObject };
