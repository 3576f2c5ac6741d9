/**
 * The driver of the rules on a 2026 segment's Value Format objects
 * (`formats`), which have no 2024 counterpart: ids unique within the
 * segment, `indexes` naming other columns, enumerated field values from the
 * draft's lists, and (with the Server Metadata) types the draft defines or
 * the Server declares. Each rule is a module of formats/, called by name.
 */
import type { CheckContext } from '../context.js';
import { isObject } from '../json.js';
import type { Collector } from '../problems.js';
import { duplicateFormatId } from './formats/duplicate-format-id.js';
import { formatIndex } from './formats/format-index.js';
import { KNOWN_TYPES } from './formats/known.js';
import { metadataSchema } from './formats/metadata-schema.js';
import { undeclaredType } from './formats/undeclared-type.js';
import { unknownEnum } from './formats/unknown-enum.js';
import { formatUnknownField } from './formats/unknown-field.js';
import { withheldValues } from './formats/withheld-values.js';

/** `metadata-schema` (formats/metadata-schema.ts): the Server Metadata the caller passed, against the text's schema. */
export function checkServerMetadata(metadata: Record<string, unknown>, collector: Collector): void {
  metadataSchema.check(metadata, collector);
}

/** The types a Server Metadata object declares: the keys of its `cds_usagesegments_additional_value_types` and the descriptions' `type`s. */
export function declaredTypesOf(metadata: Record<string, unknown>): ReadonlySet<string> {
  const types = new Set<string>();
  const map = metadata.cds_usagesegments_additional_value_types;
  if (!isObject(map)) return types;
  for (const key of Object.keys(map)) {
    types.add(key);
    const d = map[key];
    if (isObject(d) && typeof d.type === 'string') types.add(d.type);
  }
  return types;
}

/** The rules on a 2026 segment's `formats` (the schema has run; malformed entries are skipped). */
export function checkValueFormats(seg: Record<string, unknown>, base: string, ctx: CheckContext, id: string | undefined): void {
  const formats = seg.formats;
  // Its codes are 2026-only in the registry: nothing to do for a 2024 document.
  if (!Array.isArray(formats) || !ctx.collector.enabled('duplicate-format-id')) return;
  const n = formats.length;
  withheldValues.check(formats, seg.values, base, ctx, id);
  duplicateFormatId.check(formats, base, ctx, id);
  for (let i = 0; i < n; i++) {
    const f: unknown = formats[i];
    if (!isObject(f) || typeof f.type !== 'string') continue;
    const type = f.type;
    if (!KNOWN_TYPES.has(type)) {
      // A type the draft does not define: a near miss of a defined one, and (with metadata) whether it is declared.
      unknownEnum.check(f, type, i, base, ctx, id);
      undeclaredType.check(type, i, base, ctx, id);
      continue;
    }
    if (formatIndex.applies(type)) formatIndex.check(f, i, n, base, ctx, id);
    unknownEnum.check(f, type, i, base, ctx, id);
    formatUnknownField.check(f, type, i, base, ctx, id);
  }
}
