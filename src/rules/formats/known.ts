/** The 2026 draft's value types and their Value Formats' members, from the spec (read by the Value Format rules). */
import { KNOWN_VALUE_TYPES, OBJECT_PROPERTIES, VALUE_FORMAT_BY_TYPE } from '../../models/generated-2026.js';

/** The value types the draft defines. */
export const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_VALUE_TYPES);

/** Members of each defined type's Value Format, from the spec. */
export const FORMAT_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  KNOWN_VALUE_TYPES.map((t) => [t, new Set<string>(OBJECT_PROPERTIES[VALUE_FORMAT_BY_TYPE[t]])]),
);
