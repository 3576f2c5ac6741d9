// The package's subpath exports (package.json "exports"), one list for the
// tests that check them: manifest.test.ts (package.json itself, npm test) and
// lint.test.ts (what attw resolves in the packed package, test:slow).
// docs/adding-a-model.md: a new model adds its subpaths here.
export const EXPORTS: readonly string[] = [
  '.', './package.json', './diff', './convert', './espi',
  // The 2024 model under its own name, and the names it had before there were two models (aliases).
  './2024', './2024/openapi.deref.json', './2024/openapi.json', './2024/openapi.yaml', './2024/schemas/*.json', './2024/schemas/recommended/*.json', './2024/types', './2024/validators',
  './2026', './2026/openapi.deref.json', './2026/openapi.json', './2026/openapi.yaml', './2026/schemas/*.json', './2026/schemas/recommended/*.json', './2026/types', './2026/validators',
  './openapi.deref.json', './openapi.json', './openapi.yaml', './schemas/*.json', './schemas/recommended/*.json', './types', './validators',
];
