// The package's recommended profile: the keywords each schema node lists in
// its `x-cds-recommended` entries (our decisions, each with the warning code
// the checker reports it under), merged into the text's schema. The default
// published schemas hold the text's keywords only; the recommended ones
// (schemas/recommended/) hold both. One function merges, and the same walk
// says where each decided keyword lands, so the checker maps a failing
// keyword of the recommended validator back to its code (spec-facts.ts
// RECOMMENDED_KEYWORDS).

export const RECOMMENDED_KEY = 'x-cds-recommended';

/**
 * The annotation the checker's own compiled validators carry (never the
 * published files): on a node, its decided keywords → `{ code, missing? }`,
 * `*` for every keyword of a node that only a decision brought. Ajv's
 * verbose errors give the failing keyword's `parentSchema`, so the checker
 * reads the code there.
 */
export const DECIDED_KEY = 'cdsDecided';

/** Every object node of a decided subschema, marked as the decision's. */
function markDecided(node, code) {
  if (Array.isArray(node)) return node.map((item) => markDecided(item, code));
  if (node === null || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, markDecided(v, code)]));
  return { ...out, [DECIDED_KEY]: { '*': { code } } };
}

// Maps whose keys are names chosen by the spec (a property may be called
// `x-…`), not keywords.
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/**
 * One node with its recommendations merged: a keyword the node lacks is
 * added to it, `required` is extended, and an entry that would overwrite a
 * keyword of the text goes whole into `allOf` (appended, so the text's own
 * `allOf` entries keep their places). `found(path, code, missing)` is told
 * the schema path of each added keyword relative to the node (for
 * `required`, with the properties it adds).
 */
function mergeNode(node, entries, found, annotate) {
  const out = { ...node };
  const decided = {};
  for (const { code, schema: given } of entries) {
    const schema = annotate ? Object.fromEntries(Object.entries(given ?? {}).map(([k, v]) => [k, k === 'required' ? v : markDecided(v, code)])) : given;
    if (typeof code !== 'string' || schema === null || typeof schema !== 'object') throw new Error(`${RECOMMENDED_KEY}: an entry needs a code and a schema`);
    const clashes = Object.keys(schema).some((k) => k !== 'required' && k in out);
    if (clashes) {
      const allOf = [...(out.allOf ?? [])];
      for (const k of Object.keys(schema)) found(`/allOf/${allOf.length}/${k}`, code, k === 'required' ? schema.required : undefined);
      allOf.push(annotate ? { ...schema, [DECIDED_KEY]: { '*': { code } } } : schema);
      out.allOf = allOf;
      continue;
    }
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'required') {
        out.required = [...(out.required ?? []), ...v];
        found('/required', code, v);
        decided.required = { code, missing: [...v] };
      } else {
        out[k] = v;
        found(`/${k}`, code, undefined);
        decided[k] = { code };
      }
    }
  }
  return annotate && Object.keys(decided).length > 0 ? { ...out, [DECIDED_KEY]: decided } : out;
}

/**
 * The schema with every `x-cds-recommended` merged in (the entries stay, as
 * vendor keywords, for the caller to strip). `found(pointer, code, missing)`
 * receives each decided keyword's JSON pointer from the schema's root.
 */
export function withRecommended(node, found = () => {}, annotate = false, at = '', inNameMap = false) {
  if (Array.isArray(node)) return node.map((item, i) => withRecommended(item, found, annotate, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    const token = key.replaceAll('~', '~0').replaceAll('/', '~1'); // a JSON Pointer token (RFC 6901)
    const child = `${at}/${token}`;
    out[key] = !inNameMap && key.startsWith('x-') ? value : withRecommended(value, found, annotate, child, !inNameMap && NAME_MAPS.has(key));
  }
  const entries = inNameMap ? undefined : node[RECOMMENDED_KEY];
  if (!Array.isArray(entries)) return out;
  return mergeNode(out, entries, (path, code, missing) => found(`${at}${path}`, code, missing), annotate);
}

/**
 * Every decided keyword of the component schemas: `Component#/pointer` →
 * `{ code, missing? }` (`missing`: the properties a decided `required` adds).
 * (The checker reads the code from the annotated validators; this table is
 * for tests and documents: which decided keyword lives where.)
 */
export function recommendedKeywords(schemas) {
  const table = {};
  for (const name of Object.keys(schemas).sort()) {
    withRecommended(schemas[name], (pointer, code, missing) => {
      table[`${name}#${pointer}`] = missing === undefined ? { code } : { code, missing: [...missing] };
    });
  }
  return table;
}
