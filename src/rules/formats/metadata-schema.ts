/**
 * `metadata-schema`: the Server Metadata the caller passed, against the
 * text's ServerMetadata schema (§5: the REQUIRED version, the URL, the value
 * types map REQUIRED beside `cds_usagesegments_api`, L852). Reported at the
 * document's root, since the metadata is not part of the document.
 */
import { validateServerMetadata } from '../../models/generated-2026.js';
import type { Collector } from '../../problems.js';
import { pruneErrors, schemaMessage, type AjvError } from '../../schema-errors.js';
import type { RuleModule } from '../rule.js';

export const metadataSchema = {
  code: 'metadata-schema',
  reads: 'the Server Metadata object the caller passes (serverMetadata option)',
  check(metadata: Record<string, unknown>, collector: Collector): void {
    if (!collector.enabled('metadata-schema') || validateServerMetadata(metadata)) return;
    for (const e of pruneErrors((validateServerMetadata.errors ?? []) as AjvError[])) collector.add('metadata-schema', '', metadataSchema.message(e));
  },
  message(error: AjvError): string {
    return `Server Metadata: ${schemaMessage(error).replace(/^document /, '(the object) ')}`;
  },
} as const satisfies RuleModule;
