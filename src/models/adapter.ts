import type { Column, Columns } from '../columns/column.js';
import type { Model } from '../registry.js';
import { parseInstant } from '../time.js';

/**
 * What the rules need from a document model: how a segment's columns read in
 * the column model. One adapter per model (model-2024.ts; a 2026 adapter
 * reads `formats`), so the rules never branch on the model.
 */
export interface ModelAdapter {
  readonly id: Model;
  /** The segment member that describes the columns (2024: `format`), for paths in messages. */
  readonly columnsField: string;
  /** The measurements in bit order (`Columns.measurements`), named as the model names them. */
  readonly measurements: readonly string[];
  /** The segment's columns (none when the member is missing or not an array). */
  columnsOf(segment: Record<string, unknown>): Columns;
  /** Members the model defines for a usage segment and for a listing page (strict mode reports others). */
  readonly segmentMembers: ReadonlySet<string>;
  /** Members the model requires of a usage segment (model detection reads them, see models/registry.ts). */
  readonly segmentRequired: ReadonlySet<string>;
  readonly pageMembers: ReadonlySet<string>;
  /** The id lists that place a segment in a series (all of them, as sets), and those that may be absent (absent reads as empty). */
  readonly relatedFields: readonly string[];
  readonly optionalRelated: ReadonlySet<string>;
  /**
   * Segment members whose schema says `uniqueItems` (2024: every `related_*`
   * list). The schema pass checks them again itself: Ajv's compiled
   * uniqueItems keys a plain object by the item, so a repeated `"__proto__"`
   * finds the prototype and passes (issue 25.2). Absent: none.
   */
  readonly uniqueLists?: readonly string[];
  /** Members the model defines for a value of a column (for a 2024 supply mix: of one component); null when any member is allowed. */
  valueMembers(column: Column): ReadonlySet<string> | null;
  /** The model's compiled JSON Schema validators (generated at build time): the text's profile (errors)… */
  readonly validateSegment: CompiledValidator;
  readonly validatePage: CompiledValidator;
  /** …and the recommended profile (the text's keywords and our decisions). */
  readonly recommendSegment: CompiledValidator;
  readonly recommendPage: CompiledValidator;
  /**
   * The quick checks (generated/<model>/quick.ts, scripts/lib/quick-validators.mjs):
   * true when a document passes the recommended profile with the items of
   * `values` unchecked, which is what `recommendSegment`/`recommendPage` say
   * of the document with its value sets emptied; no errors, only the verdict.
   */
  readonly quickSegment: (data: unknown) => boolean;
  /** `same`, when given (one slot per segment), receives each segment's bits of members equal to the segment before it (see `relatedSameMask`). */
  readonly quickPage: (data: unknown, same?: Uint32Array) => boolean;
  /** The quick check of a page's own members (its segments aside), and of one of its segments after the one that passed before it (null for the first): the bits of the members the two share, or -1 when the segment fails. The one-pass check of a page reads these (rules/one-pass.ts). */
  readonly quickPageMembers: (data: unknown) => boolean;
  readonly quickSegmentAfter: (segment: unknown, previous: unknown) => number;
  /**
   * The bits of the `related_*` lists among the quick check's same-member
   * bits: a segment whose bits hold all of them lists the same ids as the
   * segment before it, so its series key is that segment's (rules/segment.ts).
   */
  readonly relatedSameMask: number;
  /** The bits of `uniqueLists` among the same-member bits (0 when there are none): a segment whose bits hold all of them repeats lists already checked for repeats. */
  readonly uniqueSameMask: number;

  /** The schema's structural check of `values`, never laxer than the model's ValueSet schema (see columns/values.ts). */
  valuesShapeOk(values: readonly unknown[]): boolean;
  /** The words of messages whose advice depends on what the model offers. */
  readonly words: ModelWords;
}

/** Advice that differs between models (the rules stay model-blind: they ask the adapter). */
export interface ModelWords {
  /** How to account for a stretch of a measurement's timeline that no segment covers (`timeline-hole`). */
  readonly holeRemedy: string;
  /** Why an extension column (a format or type the model does not define) draws `unknown-format` in strict mode. */
  extensionColumn(column: Column): string;
}

/** A compiled validator as generated/<model>/validators.ts exports it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** The spec facts of a model (generated/<model>/spec-facts.ts) that the member sets come from. */
interface ObjectFacts {
  readonly OBJECT_PROPERTIES: { readonly UsageSegment: readonly string[]; readonly UsageSegmentList: readonly string[] };
  readonly OBJECT_REQUIRED: { readonly UsageSegment: readonly string[] };
}

/**
 * The members an adapter reads from its model's schemas: those of a segment
 * and of a page, the `related_*` id lists, and those lists the schema does not
 * require (absent reads as empty).
 */
export function membersFromSpec({ OBJECT_PROPERTIES, OBJECT_REQUIRED }: ObjectFacts): Pick<ModelAdapter, 'segmentMembers' | 'segmentRequired' | 'pageMembers' | 'relatedFields' | 'optionalRelated'> {
  const related = OBJECT_PROPERTIES.UsageSegment.filter((f) => f.startsWith('related_'));
  const required = new Set(OBJECT_REQUIRED.UsageSegment);
  return {
    segmentMembers: new Set(OBJECT_PROPERTIES.UsageSegment),
    segmentRequired: required,
    pageMembers: new Set(OBJECT_PROPERTIES.UsageSegmentList),
    relatedFields: related,
    optionalRelated: new Set(related.filter((f) => !required.has(f))),
  };
}

/** What differs between models beyond their spec facts: how columns and values read, and the words of advice. */
type ModelParts = Pick<ModelAdapter, 'valueMembers' | 'valuesShapeOk' | 'words' | 'uniqueLists'>;

/**
 * An adapter from a model's facts: `columnsField` is read with `columns`, the
 * member sets come from the spec facts, the validators are the generated ones.
 */
export function modelAdapter(
  id: Model,
  columnsField: string,
  measurements: readonly string[],
  columns: (described: unknown) => Columns,
  facts: ObjectFacts,
  validators: {
    validateUsageSegment: CompiledValidator;
    validateUsageSegmentList: CompiledValidator;
    validateUsageSegmentRecommended: CompiledValidator;
    validateUsageSegmentListRecommended: CompiledValidator;
    quickUsageSegment: (data: unknown) => boolean;
    quickUsageSegmentList: (data: unknown, same?: Uint32Array) => boolean;
    quickPageMembers: (data: unknown) => boolean;
    quickSegmentAfter: (segment: unknown, previous: unknown, instant?: ((text: string) => unknown) | null) => number;
    /** The segment members in the order of the quick check's same-member bits. */
    QUICK_SEGMENT_MEMBERS: readonly string[];
  },
  parts: ModelParts,
): ModelAdapter {
  const members = membersFromSpec(facts);
  return {
    id,
    columnsField,
    measurements,
    columnsOf: (segment) => columns(segment[columnsField]),
    ...members,
    validateSegment: validators.validateUsageSegment,
    validatePage: validators.validateUsageSegmentList,
    recommendSegment: validators.validateUsageSegmentRecommended,
    recommendPage: validators.validateUsageSegmentListRecommended,
    quickSegment: validators.quickUsageSegment,
    quickPage: validators.quickUsageSegmentList,
    quickPageMembers: validators.quickPageMembers,
    // Date-times are read as the rules read them (parseInstant, whose memo then answers the rules): one parse instead of the schema's two regular expressions.
    quickSegmentAfter: (segment, previous) => validators.quickSegmentAfter(segment, previous, parseInstant),
    relatedSameMask: sameMask(validators.QUICK_SEGMENT_MEMBERS, members.relatedFields),
    uniqueSameMask: parts.uniqueLists === undefined ? 0 : sameMask(validators.QUICK_SEGMENT_MEMBERS, parts.uniqueLists),
    ...parts,
  };
}

/** The bits of `fields` among `members` (bit i: member i); 0 when one of them is missing, so that nothing is taken as the same. */
function sameMask(members: readonly string[], fields: readonly string[]): number {
  let mask = 0;
  for (const f of fields) {
    const bit = members.indexOf(f);
    if (bit < 0) return 0;
    mask |= 2 ** bit;
  }
  return mask >>> 0;
}
