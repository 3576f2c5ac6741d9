// Step 6 (models with Value Format objects, 2026): `columns.ts`, the typed
// pairing of each Value Format with its entries. A JSON document cannot tie
// `values[k][i]` to `formats[i]` in a type, so consumers would need casts;
// `columnsOf` does the pairing once and returns a union discriminated by
// `known` and `type`, so `if (c.known && c.type === 'electric_usage')`
// narrows `c.values` to `(ElectricUsageValue | null)[]`.
import { join } from 'node:path';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';

/** True when the model describes columns with Value Format objects. */
export function hasValueFormats(document) {
  return document.components?.schemas?.KnownValueType !== undefined;
}

export function columnsSource(document) {
  const schemas = document.components.schemas;
  const types = schemas.KnownValueType.enum;
  const formatOf = {};
  for (const item of schemas.ValueFormat.allOf) {
    const type = item.if?.properties?.type?.const;
    if (type !== undefined) formatOf[type] = item.then.$ref.split('/').pop();
  }
  const pairs = types.map((t) => {
    if (!formatOf[t]) throw new Error(`ValueFormat has no branch for ${t}`);
    return { type: t, format: formatOf[t], value: formatOf[t].replace(/Format$/, '') };
  });
  const imported = [...new Set([...pairs.flatMap((p) => [p.format, p.value]), 'KnownValueType', 'OtherValueObject', 'UsageSegment', 'ValueFormat'])].sort();
  return [
    `// ${GENERATED_NOTE}`,
    `import type {\n${imported.map((n) => `  ${n},`).join('\n')}\n} from './types.js';`,
    '',
    '/** For each value type the draft defines: its Value Format and its value object. */',
    'export interface ValueTypes {',
    ...pairs.map((p) => `  ${p.type}: { format: ${p.format}; value: ${p.value} };`),
    '}',
    '',
    '/** A Value Format of one of the defined types. */',
    'export type KnownValueFormat = ValueTypes[KnownValueType][\'format\'];',
    '',
    '/** A column of a defined type: its position, its Value Format, and its entry in every value set (`null` where missing). */',
    'export type KnownColumn = {',
    '  [T in KnownValueType]: { known: true; type: T; index: number; format: ValueTypes[T][\'format\']; values: (ValueTypes[T][\'value\'] | null)[] };',
    '}[KnownValueType];',
    '',
    '/** A column of a type the draft does not define (a Server\'s declared type or an extension\'s); Clients may skip it. */',
    'export interface OtherColumn {',
    '  known: false;',
    '  type: string;',
    '  index: number;',
    '  format: ValueFormat;',
    '  values: (OtherValueObject | null)[];',
    '}',
    '',
    '/** One column of a segment; narrow with `known`, then `type`. */',
    'export type Column = KnownColumn | OtherColumn;',
    '',
    `const KNOWN_TYPES: ReadonlySet<string> = new Set(${JSON.stringify(types)});`,
    '',
    '/**',
    ' * The columns of a segment: `formats[i]` paired with entry `i` of every value set.',
    ' * Meant for a segment the checker found valid: entries are not checked against',
    ' * their column\'s type here (that is the checker\'s `value-type` rule), and an',
    ' * entry missing from a short value set reads as `null`.',
    ' */',
    'export function columnsOf(segment: UsageSegment): Column[] {',
    '  return segment.formats.map((format, index): Column => {',
    '    const values = segment.values.map((set) => set[index] ?? null);',
    '    // The casts state the pairing the draft defines (§10.8.4): entry i follows formats[i].',
    '    return KNOWN_TYPES.has(format.type)',
    '      ? ({ known: true, type: format.type, index, format, values } as KnownColumn)',
    '      : { known: false, type: format.type, index, format, values: values as (OtherValueObject | null)[] };',
    '  });',
    '}',
    '',
  ].join('\n');
}

export function generateColumns(outDir, document = readJson(join(outDir, 'openapi.json'))) {
  if (!hasValueFormats(document)) return false;
  writeText(join(outDir, 'columns.ts'), columnsSource(document));
  return true;
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) generateColumns(modelOutputDir(outputDir(), model));
