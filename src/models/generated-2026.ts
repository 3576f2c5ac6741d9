/**
 * The 2026 model's generated outputs (spec facts, compiled validators, types, typed columns):
 * the one way into generated/2026/ from src/, beside the package entry's
 * namespace export (src/index.ts). A new model gets a module like this one
 * (docs/adding-a-model.md); test/imports.test.ts keeps every other module out.
 */
export * from '../../generated/2026/spec-facts.js';
export * from '../../generated/2026/validators.js';
export * from '../../generated/2026/quick.js';
export * from '../../generated/2026/columns.js';
export type * from '../../generated/2026/types.js';
