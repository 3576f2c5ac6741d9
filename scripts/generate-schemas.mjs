// Step 2: one JSON Schema 2020-12 file per component schema, in two
// profiles: schemas/*.json hold what the model's draft requires (the text's
// keywords: a document that meets the text passes), schemas/recommended/*.json
// add this package's decisions (the `x-cds-recommended` keywords, see
// lib/recommended.mjs), which the checker reports as warnings. Each file is
// self-contained: the components it uses are copied under $defs, so any
// validator can load one file alone, in any order. The files carry standard
// keywords only: OpenAPI/Redoc vendor keywords (`x-…`) stay in the bundled
// OpenAPI documents, because Ajv's default strict mode rejects an unknown
// keyword and users compile these files with `new Ajv2020()` as it comes.
import { join } from 'node:path';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, schemaBaseUrl, writeJson } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';
import { withRecommended } from './lib/recommended.mjs';

/** The two published profiles: the folder under schemas/ and how a component schema reads in it. */
export const PROFILES = {
  text: { dir: '', component: (schema) => schema },
  recommended: { dir: 'recommended', component: (schema) => withRecommended(schema) },
};

/** The recommended profile as the checker compiles it: each decided keyword annotated with its code (`cdsDecided`, see lib/recommended.mjs). */
export const ANNOTATED = { dir: 'recommended', component: (schema) => withRecommended(schema, undefined, true) };

const COMPONENT_REF = /^#\/components\/schemas\/([A-Za-z0-9_]+)$/;

/** Rewrites component refs with `toRef(name)`, collecting the names used. */
export function rewriteRefs(node, toRef, used = new Set()) {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, toRef, used));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    const match = key === '$ref' && typeof value === 'string' ? COMPONENT_REF.exec(value) : null;
    if (match) {
      used.add(match[1]);
      out.$ref = toRef(match[1]);
    } else {
      out[key] = rewriteRefs(value, toRef, used);
    }
  }
  return out;
}

/** The component names `name` depends on, transitively, without itself. */
function dependencies(name, schemas) {
  const seen = new Set([name]);
  const queue = [name];
  while (queue.length > 0) {
    const used = new Set();
    rewriteRefs(schemas[queue.pop()], (n) => n, used);
    for (const dep of used) {
      if (!(dep in schemas)) throw new Error(`schema ${name} refers to missing component ${dep}`);
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  seen.delete(name);
  return [...seen].sort();
}

// Maps whose keys are names chosen by the spec (a property may be called
// `x-…`), not keywords.
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/** The meaning of each enum value, appended to the description it belongs to. */
function withEnumMeanings(description, meanings) {
  const list = Object.entries(meanings).map(([value, meaning]) => `- \`${value}\`: ${meaning}`);
  return [description, ...(list.length > 0 ? [list.join('\n')] : [])].filter(Boolean).join('\n\n');
}

/**
 * The schema without vendor keywords. `x-enumDescriptions` is not lost: its
 * meanings are listed in the `description`, which every validator and editor
 * shows.
 */
export function withoutVendorKeywords(node, inNameMap = false) {
  if (Array.isArray(node)) return node.map((item) => withoutVendorKeywords(item));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inNameMap && key.startsWith('x-')) continue;
    out[key] = withoutVendorKeywords(value, !inNameMap && NAME_MAPS.has(key));
  }
  const meanings = inNameMap ? undefined : node['x-enumDescriptions'];
  if (meanings && typeof meanings === 'object') out.description = withEnumMeanings(node.description, meanings);
  return out;
}

export function standaloneSchemas(document, model, profile = 'text') {
  const { dir, component } = typeof profile === 'string' ? PROFILES[profile] : profile;
  const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([n, s]) => [n, component(s)]));
  const toDef = (n) => `#/$defs/${n}`;
  const result = {};
  for (const name of Object.keys(schemas).sort()) {
    const defs = {};
    for (const dep of dependencies(name, schemas)) defs[dep] = rewriteRefs(schemas[dep], toDef);
    result[name] = withoutVendorKeywords({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${schemaBaseUrl(model)}${dir === '' ? '' : `${dir}/`}${name}.json`,
      $comment: GENERATED_NOTE,
      ...rewriteRefs(schemas[name], toDef),
      ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
    });
  }
  return result;
}

export function generateSchemas(outDir, model, document = readJson(join(outDir, 'openapi.json'))) {
  const result = {};
  for (const [profile, { dir }] of Object.entries(PROFILES)) {
    result[profile] = standaloneSchemas(document, model, profile);
    for (const [name, schema] of Object.entries(result[profile])) writeJson(join(outDir, 'schemas', dir, `${name}.json`), schema);
  }
  return result.text;
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) generateSchemas(modelOutputDir(outputDir(), model), model);
