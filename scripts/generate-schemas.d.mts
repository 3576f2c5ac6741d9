// Types for generate-schemas.mjs, for the tests that import it.
export function rewriteRefs(node: unknown, toRef: (name: string) => string, used?: Set<string>): unknown;
export function withoutVendorKeywords<T>(node: T): T;
export function standaloneSchemas(document: unknown, model: string): Record<string, Record<string, unknown>>;
export function generateSchemas(outDir: string, model: string, document?: unknown): Record<string, Record<string, unknown>>;
