// Step 3: TypeScript types, one named export per component, from the bundled
// spec. All components are compiled in one pass under $defs so that each type
// is declared once and named by its title.
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';
import { rewriteRefs } from './generate-schemas.mjs';

const DEF_REF = /^#\/\$defs\/(\w+)$/;

// A `$ref` with its own description (a property such as `cds_created`) would
// make json-schema-to-typescript declare a copy (`DateTime1`); `tsType` names
// the component's type instead and keeps the property's description as JSDoc.
function namedRefs(node) {
  if (Array.isArray(node)) return node.map(namedRefs);
  if (node === null || typeof node !== 'object') return node;
  const match = typeof node.$ref === 'string' ? DEF_REF.exec(node.$ref) : null;
  if (match && Object.keys(node).length > 1) {
    const { $ref, ...annotations } = node;
    return { ...annotations, tsType: match[1] };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, namedRefs(v)]));
}

// `KnownFormat | string` collapses to `string` in editors, which then offer
// no completion. The extension branch of a string union beside a `$ref` to a
// string enum becomes `string & {}`: the same values, and `kwh_fwd` stays
// suggested.
function completableStrings(node) {
  if (Array.isArray(node)) return node.map(completableStrings);
  if (node === null || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, completableStrings(v)]));
  if (Array.isArray(out.anyOf) && out.anyOf.some((b) => typeof b?.$ref === 'string')) {
    out.anyOf = out.anyOf.map((b) => (b?.type === 'string' && b.enum === undefined && b.const === undefined ? { ...b, tsType: '(string & {})' } : b));
  }
  return out;
}

const ANNOTATIONS_OF_ANY_STRING = new Set(['type', 'minLength', 'description', 'x-cds-recommended']);

/**
 * A schema that constrains nothing (only annotations: a field the text does
 * not define, whose shape only the recommended profile gives, such as 2024
 * `related_eacs`) is any JSON value: `unknown`, not the index-signature
 * object json-schema-to-typescript would make of it.
 */
function anyValueType(node) {
  if (typeof node.description !== 'string') return undefined;
  return Object.keys(node).every((k) => k === 'description' || k === 'title' || k === 'examples' || k.startsWith('x-')) ? 'unknown' : undefined;
}

/**
 * An "open enumeration" is `anyOf: [known values, any other string]`: the
 * draft lists values but Clients must accept others (2026 model). Plain
 * translation gives `'a' | 'b' | string`, which TypeScript collapses to
 * `string` and editors then offer no completion; `(string & {})` keeps the
 * known values visible while still accepting any string.
 */
function openEnumType(node) {
  if (!Array.isArray(node.anyOf) || node.anyOf.length !== 2) return undefined;
  const [known, other] = node.anyOf;
  const anyString = other?.type === 'string' && Object.keys(other).every((k) => ANNOTATIONS_OF_ANY_STRING.has(k));
  if (!anyString) return undefined;
  if (Array.isArray(known?.enum) && known.enum.every((v) => typeof v === 'string')) {
    return `${known.enum.map((v) => JSON.stringify(v)).join(' | ')} | (string & {})`;
  }
  const ref = typeof known?.$ref === 'string' ? DEF_REF.exec(known.$ref) : null;
  return ref && Object.keys(known).length === 1 ? `${ref[1]} | (string & {})` : undefined;
}

/**
 * A "type switch" is `allOf` of `if: {type: …} then: {$ref}` items (the 2026
 * ValueFormat): each value matches exactly one branch, so its type is the
 * union of the branches' types, which TypeScript narrows on `type`.
 */
function typeSwitchType(node) {
  if (!Array.isArray(node.allOf) || node.allOf.length === 0) return undefined;
  const names = node.allOf.map((item) => (item?.if && typeof item.then?.$ref === 'string' ? DEF_REF.exec(item.then.$ref)?.[1] : undefined));
  return names.every((n) => n !== undefined) ? names.join(' | ') : undefined;
}

/** Adds `tsType` where the plain translation would lose information (see above). */
function tsTypes(node) {
  if (Array.isArray(node)) return node.map(tsTypes);
  if (node === null || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, tsTypes(v)]));
  const tsType = openEnumType(node) ?? typeSwitchType(node) ?? anyValueType(node);
  return tsType === undefined ? out : { ...out, tsType };
}

export async function generateTypes(outDir, document = readJson(join(outDir, 'openapi.json'))) {
  const schemas = document.components?.schemas ?? {};
  const names = Object.keys(schemas).sort();
  const toDef = (n) => `#/$defs/${n}`;
  const defs = Object.fromEntries(names.map((n) => [n, completableStrings(namedRefs(tsTypes(rewriteRefs(schemas[n], toDef))))]));
  const wrapper = {
    title: 'UsageSegmentsComponents',
    description: 'Every component schema of the Usage Segments API, by name.',
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, { $ref: toDef(n) }])),
    required: names,
    additionalProperties: false,
    $defs: defs,
  };
  const source = await compile(wrapper, 'UsageSegmentsComponents', {
    bannerComment: `/* ${GENERATED_NOTE} */`,
    // Objects without an explicit `additionalProperties` get no index
    // signature, so a misspelled property name does not compile.
    additionalProperties: false,
    unreachableDefinitions: true,
    // JSON imports widen arrays to T[]; tuples from minItems would reject the
    // spec's own examples when they are imported as JSON.
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    format: true,
    style: { singleQuote: true, printWidth: 100 },
  });
  writeText(join(outDir, 'types.ts'), source);
  return source;
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) await generateTypes(modelOutputDir(outputDir(), model));
