// Step 5: facts the checker needs from the spec (property names and
// required properties of each object schema, the known format strings, length limits) as a
// TypeScript module, so the checker follows the spec without a hand-kept copy.
import { join } from 'node:path';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';

export function specFacts(document) {
  const schemas = document.components?.schemas ?? {};
  const objectProperties = {};
  const objectRequired = {};
  for (const name of Object.keys(schemas).sort()) {
    const properties = schemas[name].properties;
    if (!properties) continue;
    objectProperties[name] = Object.keys(properties);
    objectRequired[name] = schemas[name].required ?? [];
  }
  const knownFormats = schemas.KnownFormat?.enum;
  if (!Array.isArray(knownFormats)) throw new Error('KnownFormat has no enum');
  const links = ['next', 'previous'].map((f) => schemas.UsageSegmentList?.properties?.[f]?.maxLength);
  if (typeof links[0] !== 'number' || links[0] !== links[1]) throw new Error('next and previous need one maxLength');
  const dateTimeMaxLength = schemas.DateTime?.maxLength;
  if (typeof dateTimeMaxLength !== 'number') throw new Error('DateTime has no maxLength');
  return { objectProperties, objectRequired, knownFormats, linkMaxLength: links[0], dateTimeMaxLength };
}

export function generateSpecFacts(outDir, document = readJson(join(outDir, 'openapi.json'))) {
  const { objectProperties, objectRequired, knownFormats, linkMaxLength, dateTimeMaxLength } = specFacts(document);
  const source = [
    `// ${GENERATED_NOTE}`,
    '',
    '/** Property names each object schema of the spec defines, in spec order. */',
    `export const OBJECT_PROPERTIES = ${JSON.stringify(objectProperties, null, 2)} as const;`,
    '',
    '/** Required property names of each object schema. */',
    `export const OBJECT_REQUIRED = ${JSON.stringify(objectRequired, null, 2)} as const;`,
    '',
    '/** The format strings this version of the spec defines (`KnownFormat`). */',
    `export const KNOWN_FORMATS = ${JSON.stringify(knownFormats, null, 2)} as const;`,
    '',
    '/** `maxLength` of the `next` and `previous` links of a listing page. */',
    `export const LINK_MAX_LENGTH = ${linkMaxLength};`,
    '',
    '/** `maxLength` of a `DateTime`. */',
    `export const DATE_TIME_MAX_LENGTH = ${dateTimeMaxLength};`,
    '',
  ].join('\n');
  writeText(join(outDir, 'spec-facts.ts'), source);
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) generateSpecFacts(modelOutputDir(outputDir(), model));
