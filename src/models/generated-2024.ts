/**
 * The 2024 model's generated outputs (spec facts, compiled validators, types):
 * the one way into generated/2024/ from src/, beside the package entry's
 * namespace export (src/index.ts). A new model gets a module like this one
 * (docs/adding-a-model.md); test/imports.test.ts keeps every other module out.
 */
export * from '../../generated/2024/spec-facts.js';
export * from '../../generated/2024/validators.js';
export * from '../../generated/2024/quick.js';
export type * from '../../generated/2024/types.js';
