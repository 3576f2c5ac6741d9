/**
 * Reading OpenAPI descriptions for the differ: one file or a split spec whose
 * files point at each other with relative `$ref`s, YAML or JSON.
 *
 * Why not bundle first: the build bundles with Redocly CLI and dereferences
 * with @apidevtools/json-schema-ref-parser, both development tools (the
 * latter's current major wants a newer Node than the package supports). The
 * differ only needs to follow a `$ref` when it reaches one, so it resolves
 * lazily here, with `yaml` as its one runtime dependency; a test checks that
 * the split spec and its Redocly bundle compare equal.
 */
import { isObject } from '../json.js';
import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { createRequire } from 'node:module';
import { escapeToken, parsePointer, resolvePointer } from '../pointer.js';

/** Bad input to the differ: the message names the file (and `$ref`) concerned. */
export class DiffInputError extends Error {}

/** A node of a description: its value and where it is defined. */
export interface SpecNode {
  readonly value: unknown;
  /** The document that defines it (a file path, or a name for an in-memory document). */
  readonly uri: string;
  /** JSON Pointer of the value inside that document. */
  readonly pointer: string;
}

const MAX_REF_HOPS = 64;

let yaml: typeof import('yaml') | undefined;

/** The YAML parser, required the first time a description is not JSON: the CLI's other commands never load it (it is a third of the CLI's start-up). */
function yamlParser(): typeof import('yaml') {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml;
}

/** Parse description text: JSON when it parses as JSON, YAML otherwise. */
export function parseSpecText(text: string, name: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // a YAML flow mapping also starts with "{": fall through
    }
  }
  try {
    // `maxAliasCount` stops alias-expansion bombs ("billion laughs").
    return yamlParser().parse(text, { maxAliasCount: 1000, uniqueKeys: true }) as unknown;
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new DiffInputError(`${name}: neither JSON nor YAML (${first})`);
  }
}

/** The documents of one description (the root and the files its `$ref`s reach). */
export class SpecSet {
  private readonly docs = new Map<string, unknown>();

  private constructor(
    readonly rootUri: string,
    private readonly inMemory: boolean,
  ) {}

  /** A description from a file; its relative `$ref`s are read from disk when reached. */
  static fromFile(path: string): SpecSet {
    const set = new SpecSet(resolvePath(path), false);
    set.load(set.rootUri, path);
    return set;
  }

  /** A description already in memory; only local `$ref`s (`#/…`) can be followed. */
  static fromDocument(doc: unknown, name = 'document'): SpecSet {
    const set = new SpecSet(name, true);
    set.docs.set(name, doc);
    return set;
  }

  get root(): SpecNode {
    return { value: this.docs.get(this.rootUri), uri: this.rootUri, pointer: '' };
  }

  private load(uri: string, shownAs: string): unknown {
    if (this.docs.has(uri)) return this.docs.get(uri);
    let text: string;
    try {
      text = readFileSync(uri, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new DiffInputError(`${shownAs}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
    }
    const doc = parseSpecText(text, shownAs);
    this.docs.set(uri, doc);
    return doc;
  }

  /**
   * Follow `$ref`s until the node is not a reference. Keywords written beside
   * a `$ref` (OpenAPI 3.1 allows a `description` there) override the
   * target's, as they would after bundling.
   */
  follow(node: SpecNode): SpecNode {
    let cur = node;
    let siblings: Record<string, unknown> = {};
    for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
      const v = cur.value;
      if (!isObject(v) || typeof v.$ref !== 'string') {
        if (Object.keys(siblings).length === 0 || !isObject(v)) return cur;
        return { value: { ...v, ...siblings }, uri: cur.uri, pointer: cur.pointer };
      }
      const { $ref, ...rest } = v;
      siblings = { ...rest, ...siblings };
      cur = this.target(cur, $ref as string);
    }
    throw new DiffInputError(`${node.uri}#${node.pointer}: more than ${MAX_REF_HOPS} chained $refs (a reference cycle?)`);
  }

  private target(from: SpecNode, ref: string): SpecNode {
    const hash = ref.indexOf('#');
    const file = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
    let uri = from.uri;
    if (file !== '') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(file)) {
        throw new DiffInputError(`${from.uri}#${from.pointer}: $ref "${ref}" is remote; only local files are read`);
      }
      if (this.inMemory) {
        throw new DiffInputError(`${from.uri}#${from.pointer}: $ref "${ref}" points to a file, but the document was given in memory`);
      }
      uri = resolvePath(dirname(from.uri), file);
    }
    const doc = this.load(uri, file === '' ? from.uri : file);
    try {
      parsePointer(fragment);
    } catch {
      throw new DiffInputError(`${from.uri}#${from.pointer}: $ref "${ref}" has a fragment that is not a JSON Pointer`);
    }
    const found = resolvePointer(doc, fragment);
    if (!found.found) throw new DiffInputError(`${from.uri}#${from.pointer}: $ref "${ref}" points nowhere`);
    return { value: found.value, uri, pointer: fragment };
  }
}

/** A child of a node (no `$ref` followed). */
export function child(node: SpecNode, key: string | number): SpecNode {
  const v = node.value;
  const value = Array.isArray(v) ? v[key as number] : isObject(v) ? v[key as string] : undefined;
  return { value, uri: node.uri, pointer: [node.pointer, escapeToken(key)].join('/') };
}
