/**
 * The single registry of problem codes. Every code the checker can report is
 * listed here with everything that decides when it is reported: its level,
 * its source class, the modes it needs (strict, revision), what strict mode
 * adds to it, and the models it applies to. The collector gates on these
 * fields, `docs/rules.md` is rendered from this list, and tests derive their
 * lists from it.
 */
import { INTERVAL_TOLERANCE_MS, MIX_TOLERANCE, NET_TOLERANCE } from './tolerance.js';

export type Level = 'error' | 'warning';

/**
 * Where a rule comes from (see the design note on source classes): a MUST of
 * the group's draft, a shape the group's examples use, a meeting proposal, or
 * our decision where the texts are silent.
 */
export type SourceClass = 'draft' | 'example' | 'proposal' | 'decision';

/** The document models: the 2024 draft (with the 2024-08-08 proposals) and the 2026 development draft. */
export type Model = '2024' | '2026';

/** A rule as written below: everything but its level, which follows from its class. */
interface RuleDefinition {
  /** Stable machine-readable code. */
  readonly code: string;
  /** Where the rule comes from. */
  readonly sourceClass: SourceClass;
  /**
   * A decision that is nevertheless an error, and why. Only two kinds of
   * decision may be: one that only fixes a representation (none among the
   * codes: those live in `schema`), and a finding about the checker rather
   * than the document (`internal-error`).
   */
  readonly errorBecause?: string;
  /** The models whose documents the rule checks. */
  readonly models: readonly Model[];
  /** One-sentence description of what the rule checks. */
  readonly summary: string;
  /** Reported only when the `strict` option is set. */
  readonly strictOnly?: boolean;
  /**
   * A rule reported in every mode whose `strict` mode reports more: what it
   * adds (rendered in `docs/rules.md`). Checks ask the collector
   * (`widened(code)`) whether to report the wider findings, never the mode.
   */
  readonly strictAdds?: string;
  /** Reported only by `checkRevision` / `checkRevisionChain`. */
  readonly revisionOnly?: boolean;
  /** Reported only when the caller passes the Server Metadata (`serverMetadata` option, `--server-metadata`). */
  readonly metadataOnly?: boolean;
}

export interface Rule extends RuleDefinition {
  /** `error` makes a document invalid; `warning` does not. Derived from the class (`levelFor`). */
  readonly level: Level;
}

/**
 * The level a class gives (the design note's table): what the draft, the
 * examples' vocabulary or a proposal's vocabulary require is an error; our
 * own decisions are warnings, so that a document that meets every MUST of
 * the draft never gets an error. A proposal's rule between documents (the
 * Option 1 revision contract) is an error only in the mode that names it
 * (`revisionOnly`).
 */
export function levelFor(rule: Pick<RuleDefinition, 'sourceClass' | 'errorBecause'>): Level {
  if (rule.sourceClass !== 'decision') return 'error';
  return rule.errorBecause === undefined ? 'warning' : 'error';
}

const BOTH: readonly Model[] = ['2024', '2026'];
const ONLY_2024: readonly Model[] = ['2024'];
const ONLY_2026: readonly Model[] = ['2026'];

const DEFINITIONS = [
  {
    code: 'schema',
    sourceClass: 'draft',
    models: BOTH,
    summary:
      'The document fails the JSON Schema: a required field is missing, a field has the wrong type, a date-time is not RFC 3339 with an offset, `interval` is not greater than 0, a `related_*` array repeats an id, a format string is malformed, or a value under a malformed format string is neither null, an object nor a supply-mix array. Also reported when the document is not a JSON object, or (`validateText`) not JSON. A field with a schema problem takes no part in the other rules.',
  },
  {
    code: 'value-set-length',
    sourceClass: 'draft',
    models: BOTH,
    summary: "A value set's length differs from the length of `format` (2026: `formats`, also when it is empty: then every value set must be empty).",
  },
  {
    code: 'value-type',
    sourceClass: 'example',
    models: BOTH,
    summary:
      'A value in a column of the examples\' or the proposals\' vocabulary is neither `null` nor the shape the examples and the minutes give it: `kwh_*` (and `_estimate`, `_raw`) need `{"v": <finite number>}`, `gap` needs `{"reason_type": <non-empty string>}`. (The draft\'s own formats have no defined value shape: see `value-shape`.) 2026: each defined type needs its own key, a finite number under `eu`, `ed`, `wu`, `gu`, `fu` or `c`, a string under `r` (meter readings), and `{"sm": <0 to 1>, "ci"?: <number>, "eacs"?: [<id>, …]}` for a supply-mix share; a type the draft does not define needs an object.',
  },
  {
    code: 'value-shape',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary:
      'A value in a column of the draft\'s §11.2 list is neither `null` nor the shape this package reads it with (the draft links value objects that do not exist): the numeric formats `{"v": <finite number>}`, `supply_mix` a non-empty array of `{"type", "mix"}` components (`type` a non-empty string, `mix` from 0 to 1, `gco2_per_kwh` a number ≥ 0 if present). `eacs` and extension formats take any value.',
  },
  {
    code: 'interval-arithmetic',
    sourceClass: 'draft',
    models: BOTH,
    summary:
      `Amounts over intervals: \`len(values) × interval\` differs from \`segment_end − segment_start\` by more than ${INTERVAL_TOLERANCE_MS} ms (exactly: the date-times at every digit they are written with, \`interval\` as the decimal it is written as). Readings at points in time (a segment whose columns are all instantaneous, 2024 \`demand_kw\`, 2026 \`meter_readings\` and demand \`starting\`/\`ending\`, or of unknown timing, 2024 \`eacs\`, extension formats and types the 2026 draft does not define): the last reading, \`(len(values) − 1) × interval\` after the start, falls after \`segment_end\` (**Decision**: how far before \`segment_end\` it may sit is not checked, the drafts do not say). 2026: not checked when \`values\` is empty (every value type withheld).`,
  },
  {
    code: 'segment-bounds',
    sourceClass: 'draft',
    models: BOTH,
    summary: '`segment_end` is earlier than `segment_start` (an equal one is allowed: a single reading, or no value sets).',
  },
  {
    code: 'timestamps',
    sourceClass: 'draft',
    models: BOTH,
    summary: '`cds_modified` is earlier than `cds_created`.',
  },
  {
    code: 'supply-mix-sum',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary: `The \`mix\` shares of one supply-mix value do not add up to 1 (tolerance ±${MIX_TOLERANCE}).`,
  },
  {
    code: 'duplicate-id',
    sourceClass: 'draft',
    models: BOTH,
    summary: 'The same `cds_usagesegment_id` appears twice in one listing page.',
  },
  {
    code: 'timeline-overlap',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'Two segments of one page with the same `related_*` ids and a shared measurement (`kwh_fwd`, `kwh_rev`, `kwh_net`, ignoring `_estimate`/`_raw`; a `gap` segment shares with every measurement, `supply_mix` with none) overlap in time, whatever their `interval`s (billing periods that overlap by an hour at a clock change are reported too); two `gap` segments never conflict with each other (a gap does not say which measurement it explains). Each segment is reported with the first segment it overlaps. 2026: the measurements as for `timeline-hole`.',
  },
  {
    code: 'timeline-hole',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'Among the segments of one page with the same `related_*` id sets, some time between the earliest start and the latest end of those with a measurement is covered by no segment with that measurement (whatever its `interval`) and no `gap` segment (a `gap` covers every measurement). 2026: the measurements are `electric_usage` per direction (or without one), `water_usage`, `natural_gas_usage` and `fuel_oil_usage`, ignoring `quality` and `units`; a column with a time-of-use, tier or season designation its type defines follows no timeline (a member the draft does not define for the type, such as `tou` on `water_usage`, is ignored); there is no `gap` type.',
  },
  {
    code: 'net-balance',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      `A value set holds \`kwh_net\`, \`kwh_fwd\` and \`kwh_rev\` of the same quality and \`net ≠ fwd + rev\` by more than ${NET_TOLERANCE} kWh (\`kwh_rev\` is negative). 2026: three \`electric_usage\` columns with directions \`forward\`, \`reverse\` and \`net\` that agree on \`quality\` (or all leave it out), \`units\`, \`tou\`, \`tier\`, \`season\` and \`related_meterdevices\` (as a set: the order of the ids does not matter), in their \`units\` (reverse is negative: the sign says the direction of flow).`,
  },
  {
    code: 'unknown-format',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'A format string is one or two edits from a known format, or differs from one only in letter case (a likely typo: the message says which was meant). 2026: only in strict mode (a near-miss of a defined Value Format `type` is `unknown-enum`).',
    strictAdds:
      'any other extension format, whose values clients ignore (2026: a Value Format `type` the draft does not define), except a type the caller\'s Server Metadata declares.',
  },
  {
    code: 'sign',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary:
      'A forward (delivered) column (`kwh_fwd`, its `_estimate`/`_raw`, `usage_fwd_kwh`) holds a negative amount; the examples write only exported energy as negative, so this is most likely a sign or column mix-up.',
  },
  {
    code: 'unknown-field',
    sourceClass: 'decision',
    models: BOTH,
    strictOnly: true,
    summary: 'An object has a property the specification does not define.',
  },
  {
    code: 'revision-id',
    sourceClass: 'proposal',
    models: BOTH,
    revisionOnly: true,
    summary: 'A revision changes `cds_usagesegment_id`.',
  },
  {
    code: 'revision-created',
    sourceClass: 'proposal',
    models: BOTH,
    revisionOnly: true,
    summary: 'A revision changes `cds_created`.',
  },
  {
    code: 'revision-span',
    sourceClass: 'proposal',
    models: BOTH,
    revisionOnly: true,
    summary: 'A revision changes `segment_start`, `segment_end` or `interval`.',
  },
  {
    code: 'revision-modified',
    sourceClass: 'proposal',
    models: BOTH,
    revisionOnly: true,
    summary: 'A revision does not strictly increase `cds_modified`.',
  },
  {
    code: 'duplicate-key',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'An object of the JSON text repeats a member name (RFC 8259 §4: names should be unique); `JSON.parse` keeps only the last value, which can hide a missing field. Reported from the text: by the CLI and `validateText`, not by `validate` of a parsed value.',
  },
  {
    code: 'format-index',
    sourceClass: 'draft',
    models: ONLY_2026,
    summary:
      'An `indexes` entry of a supply-mix or cost Value Format names no other column of the segment: it is the column itself, or at or past the number of `formats` (indexes count from 0).',
  },
  {
    code: 'duplicate-format-id',
    sourceClass: 'draft',
    models: ONLY_2026,
    summary:
      'Two Value Formats of one segment have the same `id`. **Decision** on the scope the draft leaves open: an id is unique within its segment; the same id in other segments is fine (the draft\'s own example reuses one across segments).',
  },
  {
    code: 'unknown-enum',
    sourceClass: 'decision',
    models: ONLY_2026,
    summary:
      'A Value Format field the draft lists values for (`units`, `direction`, `tou`, `tier`, `season`, `quality`, `demand_type`, `attribution`, `supply_type`) has a value outside the list for its type, or a `type` is one or two edits away from a defined type. **Decision**: Servers must use the lists but Clients must ignore unknown values, so this is a warning, never an error; by default a value outside the list is reported only when it is one or two edits (or only letter case) away from a listed value.',
    strictAdds: 'every other value outside the list of a field, not only a likely slip.',
  },
  {
    code: 'undeclared-type',
    sourceClass: 'draft',
    models: ONLY_2026,
    metadataOnly: true,
    summary:
      'A Value Format `type` is neither one of the eight the draft defines nor described in the Server Metadata\'s `cds_usagesegments_additional_value_types`. **Decision**: checked only when the caller passes the Server Metadata (`serverMetadata`, `--server-metadata FILE`); without it an undefined type is only a strict-mode `unknown-format` warning.',
  },
  {
    code: 'internal-error',
    sourceClass: 'decision',
    errorBecause: 'the checker failed on the input, so the document was not checked and cannot be called valid',
    models: BOTH,
    summary:
      'The checker itself failed on this input (a bug); the document is reported invalid rather than the checker throwing.',
  },
] as const satisfies readonly RuleDefinition[];

export type Code = (typeof DEFINITIONS)[number]['code'];

/** Every rule, with its level derived from its class. */
export const RULES: readonly (Rule & { readonly code: Code })[] = DEFINITIONS.map((r) => Object.freeze({ ...r, level: levelFor(r) }));

const BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r as Rule]));

/** The modes and model of one check, which decide which rules run. */
export interface RuleGate {
  /** The `strict` option is set. */
  readonly strict: boolean;
  /** A revision check (`checkRevision`, `checkRevisionChain`). */
  readonly revision: boolean;
  /** The model of the documents checked. */
  readonly model: Model;
  /** The caller passed the Server Metadata. */
  readonly metadata: boolean;
}

/** Is the rule reported under `gate` (its strict-only, revision-only, metadata-only and model flags)? */
export function ruleApplies(rule: Rule, gate: RuleGate): boolean {
  if (rule.strictOnly === true && !gate.strict) return false;
  if (rule.revisionOnly === true && !gate.revision) return false;
  if (rule.metadataOnly === true && !gate.metadata) return false;
  return rule.models.includes(gate.model);
}

/** Does the rule report its wider, strict-mode findings (`strictAdds`) under `gate`? */
export function ruleWidened(rule: Rule, gate: RuleGate): boolean {
  return rule.strictAdds !== undefined && gate.strict && ruleApplies(rule, gate);
}

/** Look up a rule by its code. */
export function getRule(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/** The level of a code (throws for an unregistered code: programming error). */
export function levelOf(code: Code): Level {
  const r = BY_CODE.get(code);
  if (!r) throw new Error(`unregistered code ${code}`);
  return r.level;
}
