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
   * A decision that is nevertheless an error, and why. Only a finding about
   * the checker rather than the document may be (`internal-error`): every
   * decision about a document, a representation included, is a warning.
   */
  readonly errorBecause?: string;
  /** The models whose documents the rule checks. */
  readonly models: readonly Model[];
  /** One-sentence description of what the rule checks. */
  readonly summary: string;
  /**
   * A code of the recommended profile (a decided keyword of
   * `schemas/recommended/`): what we recommend, why, and how to fix, as the
   * message says it after the value it is about.
   */
  readonly advice?: string;
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
      "The document fails the model's published JSON Schema, which holds only what its draft requires (`generated/<model>/schemas/*.json`): a REQUIRED field is missing, or a field is not of the type or list the draft states (a string, a list of strings, a number, an object, a URL, `null` only where the draft allows it; 2024: an ISO 8601 date-time; 2026: an RFC 3339 date-time, a Value Format field of a defined type as its type defines it), a `related_*` list repeats an id (2024-09 L461, 2026 L5461), or (2026) a value set entry is neither `null` nor an object. Also reported when the document is not a JSON object, or (`validateText`) not JSON. A field with a schema problem takes no part in the other rules. What this package only recommends (the recommended profile, `schemas/recommended/`) is never `schema`: it is reported under its own warning code.",
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
      'Two segments of one page with the same `related_*` ids and a shared measurement (each numeric format is one: `kwh_fwd`, `kwh_rev`, `kwh_net`, the draft formats `usage_*kwh`, `aggregated_kwh`, `demand_kw`, `water_*` and `gas_*`, with `_estimate`/`_raw` counting as their base format; a `gap` segment shares with every measurement, `supply_mix`, `eacs` and extension formats with none) overlap in time, whatever their `interval`s (billing periods that overlap by an hour at a clock change are reported too); two `gap` segments never conflict with each other (a gap does not say which measurement it explains). Each segment is reported with the first segment it overlaps. 2026: the measurements as for `timeline-hole`.',
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
    code: 'date-time-rfc3339',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary:
      'A date-time is ISO 8601, as the 2024 draft asks (2024-09 §11.1 L447), but not in RFC 3339 form with an offset (`20240201T000000Z`, `2024-02-01T00:00Z`, `+0000`, a comma fraction, an ordinal or week date, no offset). **Decision**: we recommend RFC 3339 with an explicit offset, as the 2026 draft requires (2026 L342), so that every Client parses it and places it on the timeline; the checker\'s timing rules skip a date-time in another form.',
    advice:
      'we recommend the RFC 3339 form with an explicit offset, for example 2024-02-01T00:00:00Z (what the 2026 draft requires and every date library parses); the timing rules did not check this field',
  },
  {
    code: 'date-time-length',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'A date-time is longer than 64 characters (a fraction of a second with dozens of digits). Legal, but no clock is that precise. **Decision**: we recommend at most 64 characters, so that a Client can bound what it reads.',
    advice: 'we recommend at most 64 characters (no clock needs more digits of a second); cut the fraction of a second',
  },
  {
    code: 'empty-id',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'An id is the empty string: `cds_usagesegment_id`, an entry of a `related_*` list, 2026: a Value Format `id` or `related_meterdevice`. The drafts type ids as strings and do not forbid `""`. **Decision**: we recommend a non-empty id, which a Client can show, filter by and tell apart from a missing one.',
    advice: 'we recommend a non-empty id: an empty one cannot be told apart from a missing one or used in a filter',
  },
  {
    code: 'empty-string',
    sourceClass: 'decision',
    models: ONLY_2026,
    summary:
      'A Value Format `type`, `units` or other listed field, or a Server Metadata text (`cds_customerdata_version`, a Value Type Description\'s `type`, `name`, `description`) is the empty string. The draft types them as strings. **Decision**: we recommend a non-empty value; an empty one tells a Client nothing.',
    advice: 'we recommend a non-empty value: an empty string tells a Client nothing; write the value or leave the field out where it is optional',
  },
  {
    code: 'link-absent',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'A listing page has no `next` or no `previous` member. Neither draft marks them REQUIRED (2024-09 §11.5 L502–503, 2026 §10.8.8 L5949–5952). **Decision**: we recommend always sending both, `null` at the ends of the list, so that a Client can tell the last page from a cut-off response.',
    advice: 'we recommend always sending next and previous, null at the ends of the list, so that a Client can tell the last page from a cut-off response',
  },
  {
    code: 'link-length',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      'A `next` or `previous` link is longer than 8,192 characters. Legal, but longer than the request lines HTTP servers commonly accept. **Decision**: we recommend at most 8,192 characters; the checker does not check the URL syntax of a longer link (its regular expression is not run on megabytes).',
    advice: 'we recommend at most 8,192 characters, a request-line length HTTP servers commonly accept; keep the state of the listing on the Server and link to it with a short token',
  },
  {
    code: 'format-spelling',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary:
      'An extension format string is not a lowercase identifier (`^[a-z][a-z0-9_]*$`, like every format the drafts and examples name), for example `acme:temp_c` or `Temp`. The draft lets extensions define formats and sets no spelling (2024-09 §11.2 L487). **Decision**: we recommend the spelling of the known formats, which every Client can use as a key.',
    advice: 'we recommend a lowercase identifier of letters, digits and underscores, like every format the draft names (for example acme_temp_c)',
  },
  {
    code: 'empty-format',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary:
      '`format` is `[]`. The draft requires the field, not an entry (2024-09 §11.1 L458). **Decision**: we recommend at least one column; a segment without columns carries no data.',
    advice: 'we recommend at least one column: a segment without columns carries no data; leave the segment out or name its columns',
  },
  {
    code: 'interval-not-positive',
    sourceClass: 'decision',
    models: BOTH,
    summary:
      '`interval` is 0 or negative. The drafts type it as a decimal number of seconds between values (2024-09 §11.1 L457, 2026 §10.8.1 L5453). **Decision**: we recommend a positive interval; the timing rules (`interval-arithmetic`, timelines) skip a segment whose interval is not.',
    advice: 'we recommend a positive number of seconds between value sets; the timing rules did not check this segment',
  },
  {
    code: 'currency-code',
    sourceClass: 'decision',
    models: ONLY_2026,
    summary:
      "A cost Value Format's `currency` is not three capital letters. The draft asks for an ISO 4217 currency code (§10.8.5.7.1 L5745), and ISO 4217 has numeric codes too (`\"840\"`). **Decision**: we recommend the alphabetic code (`USD`), which Clients and libraries recognise.",
    advice: 'we recommend the alphabetic ISO 4217 code (for example USD rather than 840), which Clients and currency libraries recognise',
  },
  {
    code: 'related-eacs-shape',
    sourceClass: 'decision',
    models: ONLY_2024,
    summary:
      '`related_eacs` is not a list of distinct non-empty id strings (for example `null`). The draft does not define the field (the examples carry it, ov-08 L560), so any value is legal. **Decision**: we recommend the shape of the other `related_*` lists, as in the examples, or leaving the field out.',
    advice: 'we recommend a list of distinct certificate ids, like the other related_* lists (as the examples write it), or leaving the field out',
  },
  {
    code: 'withheld-values',
    sourceClass: 'draft',
    models: ONLY_2026,
    summary:
      '`formats` is `[]` but `values` is not. A segment has no columns only when its authorization withholds every value type, and then its `values` is `[]` too (§7.2.8.1 L2727, which calls the member `format`). (`values` of `[]` beside columns is not reported: no sentence forbids a segment without value sets.)',
  },
  {
    code: 'metadata-schema',
    sourceClass: 'draft',
    models: ONLY_2026,
    metadataOnly: true,
    summary:
      "The Server Metadata the caller passes (`serverMetadata`, `--server-metadata FILE`) fails the draft's §5: `cds_customerdata_version` is missing or not a string (L836), `cds_usagesegments_api` is not a URL, `cds_usagesegments_additional_value_types` is missing although `cds_usagesegments_api` is there (L853–856) or is not a map of Value Type Descriptions (§10.8.6: `type`, `name`, `description`, `documentation` required). Reported at the document's root; the message names the metadata member.",
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
