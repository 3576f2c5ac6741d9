// Redocly plugin for this package's spec conventions.
// - Preprocessor `inline-example-refs`: Redocly CLI 2 keeps `$ref` inside an
//   Example's `value` literally, so lint would check `{$ref: ...}` against the
//   schema and the bundle and docs would show the pointer. Examples live in
//   spec/examples/ as plain JSON (tests read the same files), so this replaces
//   every `{"$ref": "<file>.json"}` inside an example value by the file's
//   content before lint, bundle and docs run.
// - Rule `title-matches-file`: a component schema's title equals its file name,
//   because json-schema-to-typescript names the generated types from titles.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function sourceDir(ctx) {
  const ref = ctx.location.source.absoluteRef;
  return dirname(ref.startsWith('file:') ? fileURLToPath(ref) : ref);
}

function isFileRef(node) {
  return (
    node !== null &&
    typeof node === 'object' &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1 &&
    typeof node.$ref === 'string' &&
    node.$ref.endsWith('.json')
  );
}

// Returns the value with file refs replaced; `seen` stops a file that refers to itself.
function inline(node, dir, seen) {
  if (isFileRef(node)) {
    const file = resolve(dir, node.$ref);
    if (seen.has(file)) throw new Error(`example ${file} refers to itself`);
    const content = JSON.parse(readFileSync(file, 'utf8'));
    return inline(content, dirname(file), new Set([...seen, file]));
  }
  if (Array.isArray(node)) return node.map((item) => inline(item, dir, seen));
  if (node !== null && typeof node === 'object') {
    const out = {};
    for (const [key, child] of Object.entries(node)) out[key] = inline(child, dir, seen);
    return out;
  }
  return node;
}

function InlineExampleRefs() {
  return {
    Example: {
      enter(example, ctx) {
        if (!('value' in example)) return;
        try {
          example.value = inline(example.value, sourceDir(ctx), new Set());
        } catch (error) {
          ctx.report({ message: `cannot inline example: ${error.message}`, location: ctx.location.child('value') });
        }
      },
    },
  };
}

function TitleMatchesFile() {
  return {
    NamedSchemas: {
      Schema: {
        enter(schema, ctx) {
          const ref = ctx.location.source.absoluteRef;
          if (!/\.ya?ml$/.test(ref) || !ref.includes('/components/schemas/')) return;
          if (ctx.location.pointer !== '#/') return; // only the file's root schema
          const expected = basename(ref).replace(/\.ya?ml$/, '');
          if (schema.title !== expected) {
            ctx.report({
              message: `title "${schema.title}" must equal the file name "${expected}"`,
              location: ctx.location.child('title'),
            });
          }
        },
      },
    },
  };
}

export default function cdsPlugin() {
  return {
    id: 'cds',
    preprocessors: {
      oas3: { 'inline-example-refs': InlineExampleRefs },
    },
    rules: {
      oas3: { 'title-matches-file': TitleMatchesFile },
    },
  };
}
