/**
 * The catalogue of spec-diff rule ids: the single source of truth for what
 * each change kind means and whom it breaks. The differ, the renderers,
 * `docs/diff-rules.md` and the golden tests all read this list.
 *
 * Stability contract: an id, once released, never changes meaning. A rule
 * whose meaning must change gets a new id; the old one stays, marked
 * `retired`, so that reports of older versions still read correctly.
 *
 * "Breaking for Clients": a Client written against the old description can
 * fail against a Server that follows the new one. "Breaking for Servers": a
 * Server that follows the old description no longer conforms to the new one
 * (or must do new work to conform). Response bodies are written by Servers
 * and read by Clients; filters (query parameters) are written by Clients and
 * read by Servers; that is why several rules exist once per side.
 */

export type DiffArea = 'operation' | 'filter' | 'security' | 'body' | 'column' | 'listing' | 'prose';

export interface DiffRule {
  /** Stable id (kebab-case); never reused with another meaning. */
  readonly id: string;
  readonly area: DiffArea;
  /** What the change is, in one sentence. */
  readonly meaning: string;
  readonly breaksClients: boolean;
  readonly breaksServers: boolean;
  /** Why the two flags are what they are, for reviewers. */
  readonly why: string;
}

export const DIFF_RULES = [
  // — operations —
  {
    id: 'operation-removed',
    area: 'operation',
    meaning: 'An operation (method and path) is no longer described.',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients calling it get nothing; Servers may keep serving it.',
  },
  {
    id: 'operation-added',
    area: 'operation',
    meaning: 'A new operation (method and path) is described.',
    breaksClients: false,
    breaksServers: true,
    why: 'Old Clients never call it; a Server must now implement it.',
  },
  {
    id: 'operation-path-changed',
    area: 'operation',
    meaning: 'An operation (same method and `operationId`) is described under another path.',
    breaksClients: true,
    breaksServers: true,
    why: 'Both drafts publish the URL in metadata, but Clients and Servers that use the described path must move.',
  },
  {
    id: 'response-status-removed',
    area: 'operation',
    meaning: 'A documented response status of an operation is no longer described.',
    breaksClients: false,
    breaksServers: true,
    why: 'Clients may keep handling it; a Server that still answers with it no longer follows the description.',
  },
  {
    id: 'response-status-added',
    area: 'operation',
    meaning: 'An operation documents a new response status.',
    breaksClients: true,
    breaksServers: false,
    why: 'A Client may receive a status it does not handle; Servers need not use it.',
  },
  // — filters (query parameters, written by Clients) —
  {
    id: 'filter-removed',
    area: 'filter',
    meaning: 'A query parameter (filter) is no longer described.',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients that filter with it get unfiltered or rejected requests; Servers may drop it.',
  },
  {
    id: 'filter-added',
    area: 'filter',
    meaning: 'A new optional query parameter (filter) is described.',
    breaksClients: false,
    breaksServers: true,
    why: 'Both drafts make Servers support every listed filter, so a new one is work for every Server.',
  },
  {
    id: 'filter-became-required',
    area: 'filter',
    meaning: 'A query parameter is now required (or a new required one is added).',
    breaksClients: true,
    breaksServers: false,
    why: 'Requests of old Clients without it become invalid.',
  },
  {
    id: 'filter-became-optional',
    area: 'filter',
    meaning: 'A required query parameter is now optional.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers must now answer requests without it.',
  },
  {
    id: 'filter-type-changed',
    area: 'filter',
    meaning: "A query parameter's value type changed (e.g. string to integer).",
    breaksClients: true,
    breaksServers: true,
    why: 'Old requests no longer parse on a new Server, and the reverse.',
  },
  {
    id: 'filter-value-narrowed',
    area: 'filter',
    meaning: "A query parameter accepts fewer values (tighter pattern, length, bound or enum).",
    breaksClients: true,
    breaksServers: false,
    why: 'Values old Clients send may now be rejected.',
  },
  {
    id: 'filter-value-widened',
    area: 'filter',
    meaning: 'A query parameter accepts more values (looser pattern, length, bound or a new enum value).',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers must now accept values they could reject before.',
  },
  {
    id: 'filter-serialization-changed',
    area: 'filter',
    meaning: "A query parameter's location or serialization changed (`in`, `style`, `explode`, e.g. space- vs comma-separated lists).",
    breaksClients: true,
    breaksServers: true,
    why: 'Both sides must agree on how a list is written on the wire.',
  },
  {
    id: 'filter-semantics-changed',
    area: 'filter',
    meaning: 'What a filter matches changed, as declared by its `x-cds-filter` annotation (the field compared, or the comparison).',
    breaksClients: true,
    breaksServers: true,
    why: 'The same request now selects other segments.',
  },
  // — security —
  {
    id: 'security-alternative-removed',
    area: 'security',
    meaning: 'An operation no longer accepts one of its security requirement alternatives (scheme and scopes).',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients holding only that grant are refused.',
  },
  {
    id: 'security-alternative-added',
    area: 'security',
    meaning: 'An operation accepts a new security requirement alternative.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers must now honour a grant they could refuse before.',
  },
  {
    id: 'scope-added',
    area: 'security',
    meaning: 'A security requirement alternative needs an additional scope.',
    breaksClients: true,
    breaksServers: false,
    why: 'Tokens of old Clients lack the scope.',
  },
  {
    id: 'scope-removed',
    area: 'security',
    meaning: 'A security requirement alternative needs one scope fewer.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers must now answer tokens without that scope.',
  },
  {
    id: 'security-scheme-changed',
    area: 'security',
    meaning: 'A security scheme used by an operation changed its type, flow, URLs or defined scopes.',
    breaksClients: true,
    breaksServers: true,
    why: 'How tokens are obtained or what they may name changed for both sides.',
  },
  // — response bodies (written by Servers, read by Clients) —
  {
    id: 'field-removed',
    area: 'body',
    meaning: 'A property of a response object is no longer described.',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients reading it no longer find it; Servers may keep sending it (unknown fields are ignored).',
  },
  {
    id: 'field-added',
    area: 'body',
    meaning: 'A new optional property of a response object is described.',
    breaksClients: false,
    breaksServers: false,
    why: 'Both drafts make Clients ignore unknown fields; Servers need not send it.',
  },
  {
    id: 'required-field-added',
    area: 'body',
    meaning: 'A new required property of a response object is described.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers must now send it; Clients ignore what they do not know.',
  },
  {
    id: 'field-renamed',
    area: 'body',
    meaning: 'A property of a response object was renamed (same schema under a new name, or a declared rename).',
    breaksClients: true,
    breaksServers: true,
    why: 'Clients look for the old name; Servers must write the new one.',
  },
  {
    id: 'field-became-required',
    area: 'body',
    meaning: 'An optional property of a response object is now required.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers must now always send it.',
  },
  {
    id: 'field-became-optional',
    area: 'body',
    meaning: 'A required property of a response object is now optional.',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients can no longer count on it.',
  },
  {
    id: 'type-changed',
    area: 'body',
    meaning: "A response value's JSON type changed to an unrelated one (e.g. number to string).",
    breaksClients: true,
    breaksServers: true,
    why: 'Neither side reads or writes the other version.',
  },
  {
    id: 'type-widened',
    area: 'body',
    meaning: 'A response value allows more JSON types (e.g. `null` added).',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients may receive a type they do not handle.',
  },
  {
    id: 'type-narrowed',
    area: 'body',
    meaning: 'A response value allows fewer JSON types (e.g. `null` no longer allowed).',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers writing the dropped type no longer conform.',
  },
  {
    id: 'enum-value-added',
    area: 'body',
    meaning: 'A closed list of values (`enum`/`const`) in a response gains a value.',
    breaksClients: true,
    breaksServers: false,
    why: 'A Client that handles every listed value meets a new one (the 2026 draft asks Clients to ignore unknown values, but a closed list promised otherwise).',
  },
  {
    id: 'enum-value-removed',
    area: 'body',
    meaning: 'A closed list of values (`enum`/`const`) in a response loses a value.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers writing that value no longer conform.',
  },
  {
    id: 'constraint-narrowed',
    area: 'body',
    meaning: 'A response value is constrained more tightly (`maxLength`, `minimum`, `pattern`, `format`, `minItems`, `uniqueItems`, …).',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers writing values now out of bounds no longer conform.',
  },
  {
    id: 'constraint-widened',
    area: 'body',
    meaning: 'A response value is constrained more loosely (a bound, pattern or format dropped or relaxed).',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients may receive values outside what they were promised.',
  },
  {
    id: 'one-of-branch-added',
    area: 'body',
    meaning: 'A `oneOf`/`anyOf` in a response gains an alternative shape.',
    breaksClients: true,
    breaksServers: false,
    why: 'Clients may receive a shape they do not parse.',
  },
  {
    id: 'one-of-branch-removed',
    area: 'body',
    meaning: 'A `oneOf`/`anyOf` in a response loses an alternative shape.',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers writing that shape no longer conform.',
  },
  {
    id: 'additional-properties-narrowed',
    area: 'body',
    meaning: 'A response object allows fewer unknown properties (`additionalProperties` became `false` or a tighter schema).',
    breaksClients: false,
    breaksServers: true,
    why: 'Servers that extend the object no longer conform.',
  },
  {
    id: 'additional-properties-widened',
    area: 'body',
    meaning: 'A response object allows more unknown properties (`additionalProperties` became `true`, was dropped, or is looser).',
    breaksClients: false,
    breaksServers: false,
    why: 'Both drafts make Clients ignore unknown fields.',
  },
  // — the usage-segment domain —
  {
    id: 'value-key-changed',
    area: 'column',
    meaning: 'The key that carries the number in a value object changed (e.g. `v` to `eu`).',
    breaksClients: true,
    breaksServers: true,
    why: 'Every value of the column is read and written under another key.',
  },
  {
    id: 'column-format-added',
    area: 'column',
    meaning: 'A column format (2024 `format` string, 2026 value format `type`) is newly defined.',
    breaksClients: false,
    breaksServers: false,
    why: 'Clients ignore columns they do not know (both drafts); Servers need not use it.',
  },
  {
    id: 'column-format-removed',
    area: 'column',
    meaning: 'A column format (2024 `format` string, 2026 value format `type`) is no longer defined.',
    breaksClients: true,
    breaksServers: true,
    why: 'Clients lose the data they read from it; Servers writing it no longer follow the description.',
  },
  {
    id: 'units-changed',
    area: 'column',
    meaning: 'The units of a value changed: the `x-units` annotation differs, or the allowed values of a `units` field changed.',
    breaksClients: true,
    breaksServers: true,
    why: 'The same number means another quantity.',
  },
  {
    id: 'ordering-changed',
    area: 'listing',
    meaning: 'The order of a listing changed, as declared by the `x-cds-ordering` annotation.',
    breaksClients: true,
    breaksServers: true,
    why: 'Clients that merge or stop early rely on the order; Servers must sort differently.',
  },
  {
    id: 'paging-changed',
    area: 'listing',
    meaning: 'The paging of a listing changed, as declared by the `x-cds-paging` annotation (page size, link style).',
    breaksClients: true,
    breaksServers: true,
    why: 'Clients page through listings by these rules.',
  },
  {
    id: 'prose-changed',
    area: 'prose',
    meaning: 'The description of an operation, filter or listing changed; ordering, paging and filter meaning may be stated only there, so a reviewer should read it.',
    breaksClients: false,
    breaksServers: false,
    why: 'Not decidable by a machine; reported for review only.',
  },
] as const satisfies readonly DiffRule[];

export type DiffRuleId = (typeof DIFF_RULES)[number]['id'];

const BY_ID = new Map<string, DiffRule>(DIFF_RULES.map((r) => [r.id, r]));

/** The catalogue entry of a rule id (throws on an unknown id: a programming error). */
export function getDiffRule(id: DiffRuleId): DiffRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown diff rule ${id}`);
  return rule;
}
