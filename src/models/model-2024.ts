/**
 * The 2024 model's adapter: a segment's `format` strings become the column
 * model the rules run on (see columns/column.ts).
 */
import { KIND_ANY, KIND_ENERGY, KIND_EXTENSION, KIND_GAP, KIND_INVALID, KIND_SUPPLY_MIX, summarize, type Column, type Columns } from '../columns/column.js';
import { OBJECT_PROPERTIES, OBJECT_REQUIRED } from './generated-2024.js';
import { modelAdapter, type ModelAdapter } from './adapter.js';
import { QUICK_SEGMENT_MEMBERS, quickPageMembers, quickSegmentAfter, quickUsageSegment, quickUsageSegmentList, validateUsageSegment, validateUsageSegmentList, validateUsageSegmentRecommended, validateUsageSegmentListRecommended } from './generated-2024.js';
import { valuesShapeOk } from '../columns/values.js';
import { MEASUREMENTS, parseFormat, type ColumnSpec } from '../formats.js';
import { show } from '../json.js';

/** The 2024 measurements, in bit order: the numeric format families (see formats.ts). */
export const MEASUREMENTS_2024: readonly string[] = MEASUREMENTS;

/** The value object's member that holds the number of every 2024 numeric format. */
export const ENERGY_VALUE_KEY = 'v';

/** A column with nothing but a kind, a label and a timing. */
function plain(kind: Column['kind'], label: string, spec: { timing?: Column['timing'] }, extra: Partial<Column> = {}): Column {
  return {
    kind,
    label,
    measurement: null,
    direction: null,
    quality: null,
    valueKey: null,
    timing: spec.timing ?? 'unknown',
    shapeAssumed: false,
    suggestion: null,
    ...extra,
  };
}

function columnOf(spec: ColumnSpec): Column {
  switch (spec.kind) {
    case 'energy':
      return {
        kind: KIND_ENERGY,
        label: spec.format,
        measurement: spec.measurement,
        direction: spec.direction,
        quality: spec.quality,
        valueKey: ENERGY_VALUE_KEY,
        timing: spec.timing,
        shapeAssumed: spec.shapeAssumed,
        suggestion: null,
      };
    case 'gap':
      return plain(KIND_GAP, spec.format, spec);
    case 'supply_mix':
      return plain(KIND_SUPPLY_MIX, spec.format, spec, { shapeAssumed: spec.shapeAssumed });
    case 'eacs':
      return plain(KIND_ANY, spec.format, spec);
    case 'extension':
      return plain(KIND_EXTENSION, spec.format, {}, { suggestion: spec.suggestion });
    default:
      // Not a format string (a schema error): no label, since the value may not even print (`{"toString": 1}`, 100,000-deep arrays).
      return plain(KIND_INVALID, typeof spec.format === 'string' ? spec.format : '', {}, { suggestion: spec.suggestion });
  }
}

/** Known formats map to shared frozen columns (the classification is the hot path of big pages). */
const KNOWN_COLUMNS = new Map<ColumnSpec, Column>();

function cachedColumnOf(spec: ColumnSpec): Column {
  if (!Object.isFrozen(spec)) return columnOf(spec);
  let c = KNOWN_COLUMNS.get(spec);
  if (c === undefined) KNOWN_COLUMNS.set(spec, (c = Object.freeze(columnOf(spec))));
  return c;
}

/**
 * The last list of format strings read, a copy (a caller may change its
 * document between checks), and its columns (read-only to every rule; not
 * frozen, which slows the value loops' reads): the segments of a page
 * mostly share one list, and each is read twice (schema pass and rules).
 */
let lastFormat: readonly string[] | null = null;
let lastColumns: Columns | null = null;

/** Same strings in the same order. */
function sameFormat(a: readonly unknown[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A 2024 segment's columns (anything but an array of `format` strings gives none). */
export function columns2024(format: unknown): Columns {
  if (!Array.isArray(format)) return summarize([], MEASUREMENTS_2024);
  if (lastFormat !== null && sameFormat(format, lastFormat)) return lastColumns!;
  const columns = summarize(
    format.map((f) => cachedColumnOf(parseFormat(f))),
    MEASUREMENTS_2024,
  );
  if (format.every((f) => typeof f === 'string')) {
    lastFormat = [...(format as string[])];
    lastColumns = columns;
  }
  return columns;
}

/** Members of the value objects of each kind (from the spec, see generated/spec-facts.ts). */
const VALUE_MEMBERS: ReadonlyMap<number, ReadonlySet<string>> = new Map<number, ReadonlySet<string>>([
  [KIND_ENERGY, new Set<string>(OBJECT_PROPERTIES.EnergyValue)],
  [KIND_GAP, new Set<string>(OBJECT_PROPERTIES.GapValue)],
  [KIND_SUPPLY_MIX, new Set<string>(OBJECT_PROPERTIES.SupplyMixComponent)],
]);

/** The 2024 model for the rules. `related_eacs` is not required (a Decision): absent reads as empty. */
export const MODEL_2024: ModelAdapter = modelAdapter('2024', 'format', MEASUREMENTS_2024, columns2024, { OBJECT_PROPERTIES, OBJECT_REQUIRED }, { validateUsageSegment, validateUsageSegmentList, validateUsageSegmentRecommended, validateUsageSegmentListRecommended, quickUsageSegment, quickUsageSegmentList, quickPageMembers, quickSegmentAfter, QUICK_SEGMENT_MEMBERS }, {
  // RelatedIds has uniqueItems (spec/2024/components/schemas/RelatedIds.yaml; test/models/unique-lists.test.ts checks this against the schema);
  // related_eacs, which the draft does not define, only in the recommended profile (issue 20).
  uniqueLists: OBJECT_PROPERTIES.UsageSegment.filter((f) => f.startsWith('related_') && f !== 'related_eacs'),
  valueMembers: (column) => VALUE_MEMBERS.get(column.kind) ?? null,
  valuesShapeOk,
  words: {
    // The meeting's proposal: a `gap` segment (with a reason) covers a stretch without data.
    holeRemedy: 'disclose it with a gap segment',
    extensionColumn: (column) => `format ${show(column.label)} is an extension format; clients ignore its values`,
  },
});
