// Step 5: facts the checker needs from the spec (property names and required
// properties of each object schema, the known format strings or value types
// and the known values of their fields, length limits) as a TypeScript
// module, so the checker follows the spec without a hand-kept copy. Which
// facts a model has depends on its shape: `KnownFormat` (2024) or
// `KnownValueType` and `ValueFormat` (2026).
import { join } from 'node:path';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';
import { recommendedKeywords, withRecommended } from './lib/recommended.mjs';

const COMPONENT_REF = /^#\/components\/schemas\/(\w+)$/;
const refName = (node) => (typeof node?.$ref === 'string' ? COMPONENT_REF.exec(node.$ref)?.[1] : undefined);

function objectFacts(schemas) {
  const objectProperties = {};
  const objectRequired = {};
  for (const name of Object.keys(schemas).sort()) {
    const properties = schemas[name].properties;
    if (!properties) continue;
    objectProperties[name] = Object.keys(properties);
    objectRequired[name] = schemas[name].required ?? [];
  }
  return { objectProperties, objectRequired };
}

/** The length limits of the recommended profile (decisions: longer values are legal and draw a warning). */
function limits(textSchemas) {
  const schemas = { UsageSegmentList: withRecommended(textSchemas.UsageSegmentList), DateTime: withRecommended(textSchemas.DateTime) };
  const links = ['next', 'previous'].map((f) => schemas.UsageSegmentList?.properties?.[f]?.maxLength);
  if (typeof links[0] !== 'number' || links[0] !== links[1]) throw new Error('next and previous need one maxLength');
  const dateTimeMaxLength = schemas.DateTime?.maxLength;
  if (typeof dateTimeMaxLength !== 'number') throw new Error('DateTime has no maxLength');
  return { linkMaxLength: links[0], dateTimeMaxLength };
}

/**
 * The 2024 vocabularies: `KnownFormat` is their union (an `anyOf` of enums,
 * each with its source class in `x-cds-source`); a plain enum has the
 * schema's own class.
 */
function vocabularies2024(schemas) {
  const vocabularies = (schemas.KnownFormat.anyOf ?? [schemas.KnownFormat]).map((s) => (refName(s) !== undefined ? schemas[refName(s)] : s));
  const formatClasses = {};
  for (const v of vocabularies) {
    if (!Array.isArray(v?.enum)) throw new Error('KnownFormat: a vocabulary has no enum');
    for (const f of v.enum) formatClasses[f] ??= v['x-cds-source']?.class ?? null;
  }
  return { knownFormats: Object.keys(formatClasses), formatClasses };
}

/**
 * The known values of a field, when its schema is an open enumeration
 * (`anyOf: [{enum}, {type: string}]`), a reference to one, or either of them
 * or `null`; otherwise undefined.
 */
export function knownValues(node, schemas, seen = new Set()) {
  const name = refName(node);
  if (name !== undefined) {
    if (seen.has(name)) return undefined;
    return knownValues(schemas[name], schemas, new Set([...seen, name]));
  }
  if (!Array.isArray(node?.anyOf)) return undefined;
  for (const branch of node.anyOf) {
    if (Array.isArray(branch.enum)) return branch.enum;
    const inner = refName(branch) !== undefined ? knownValues(branch, schemas, seen) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function facts2026(schemas) {
  const knownValueTypes = schemas.KnownValueType?.enum;
  if (!Array.isArray(knownValueTypes)) throw new Error('KnownValueType has no enum');
  const formatByType = {};
  for (const item of schemas.ValueFormat?.allOf ?? []) {
    const type = item.if?.properties?.type?.const;
    if (type !== undefined) formatByType[type] = refName(item.then);
  }
  const valueObjectByType = {};
  const valueKeys = {};
  const knownFieldValues = {};
  for (const type of knownValueTypes) {
    const format = formatByType[type];
    if (!format || !schemas[format]) throw new Error(`ValueFormat has no branch for ${type}`);
    // Each defined type's value object is named after its Value Format.
    const valueObject = format.replace(/Format$/, '');
    if (!schemas[valueObject]) throw new Error(`no value object ${valueObject} for ${format}`);
    valueObjectByType[type] = valueObject;
    valueKeys[type] = schemas[valueObject].required ?? [];
    if (valueKeys[type].length !== 1) throw new Error(`${valueObject} must require exactly its value key`);
    knownFieldValues[type] = {};
    for (const [field, schema] of Object.entries(schemas[format].properties ?? {})) {
      const values = knownValues(schema, schemas);
      if (values !== undefined) knownFieldValues[type][field] = values;
    }
  }
  return {
    knownValueTypes,
    valueFormatByType: formatByType,
    valueObjectByType,
    valueKeyByType: Object.fromEntries(Object.entries(valueKeys).map(([t, [k]]) => [t, k])),
    knownFieldValues,
  };
}

const constant = (doc, name, value) => [`/** ${doc} */`, `export const ${name} = ${JSON.stringify(value, null, 2)} as const;`, ''];

export function specFactsSource(document) {
  const schemas = document.components?.schemas ?? {};
  const { objectProperties, objectRequired } = objectFacts(schemas);
  const { linkMaxLength, dateTimeMaxLength } = limits(schemas);
  const lines = [
    `// ${GENERATED_NOTE}`,
    '',
    ...constant('Property names each object schema of the spec defines, in spec order.', 'OBJECT_PROPERTIES', objectProperties),
    ...constant('Required property names of each object schema.', 'OBJECT_REQUIRED', objectRequired),
  ];
  if (schemas.KnownFormat) {
    const { knownFormats, formatClasses } = vocabularies2024(schemas);
    lines.push(
      ...constant('The format strings this version of the spec defines (`KnownFormat`).', 'KNOWN_FORMATS', knownFormats),
      ...constant('The source class of each known format: the `x-cds-source` class of its vocabulary.', 'FORMAT_CLASSES', formatClasses),
    );
  } else {
    const f = facts2026(schemas);
    lines.push(
      ...constant('The value types the draft defines (`KnownValueType`).', 'KNOWN_VALUE_TYPES', f.knownValueTypes),
      ...constant('The Value Format schema of each defined value type.', 'VALUE_FORMAT_BY_TYPE', f.valueFormatByType),
      ...constant('The value object schema of each defined value type.', 'VALUE_OBJECT_BY_TYPE', f.valueObjectByType),
      ...constant('The key that holds the value in a value object of each defined type (`eu`, `ed`, …).', 'VALUE_KEY_BY_TYPE', f.valueKeyByType),
      ...constant(
        'Per defined value type, the fields of its Value Format whose values the draft lists (open enumerations: other values are accepted and warned about).',
        'KNOWN_FIELD_VALUES',
        f.knownFieldValues,
      ),
    );
  }
  lines.push(
    ...constant(
      'Every keyword of the recommended profile (our decisions): `Component#/pointer` of the keyword → the warning code the checker reports it under, and for `required` the properties it adds.',
      'RECOMMENDED_KEYWORDS',
      recommendedKeywords(schemas),
    ),
    '/** Recommended `maxLength` of the `next` and `previous` links of a listing page (`link-length`). */',
    `export const LINK_MAX_LENGTH = ${linkMaxLength};`,
    '',
    '/** Recommended `maxLength` of a `DateTime` (`date-time-length`). */',
    `export const DATE_TIME_MAX_LENGTH = ${dateTimeMaxLength};`,
    '',
  );
  return lines.join('\n');
}

export function generateSpecFacts(outDir, document = readJson(join(outDir, 'openapi.json'))) {
  writeText(join(outDir, 'spec-facts.ts'), specFactsSource(document));
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) generateSpecFacts(modelOutputDir(outputDir(), model));
