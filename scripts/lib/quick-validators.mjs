// The checker's quick check of the documents Servers send (a usage segment,
// a listing page): "does it pass the recommended profile, its value sets
// aside?", as one boolean.
//
// Why (issue 24.7): on a page of many small segments the schema pass was most
// of the check's cost. The full pass copies every segment with `values`
// emptied (the value rules' own fast path reads them) and runs the
// recommended validator, which collects every error verbosely and validates
// every member of every segment, although the segments of a page mostly
// repeat each other's members (the same related ids, format, interval,
// created and modified times). The quick check needs no copies: it checks a
// segment member by member, each member with its own compiled subschema,
// and skips a member equal to the same member of the segment it passed just
// before (src/models/quick.ts). Only a document that fails it takes the full
// pass, which finds the errors.
//
// Derived, not written: the schemas are the published recommended profile
// (generated/<model>/schemas/recommended/) with one change: the `values`
// member's `items` becomes `true`, which is what emptying `values` did. The
// plan splits an object schema into `required` and one compiled validator
// per member of `properties`; that split is exact for an object schema that
// has no other keyword, so any other keyword stops the build (as does any
// keyword on `values` that reads its count or content).
import { join } from 'node:path';
import { createRequire } from 'node:module';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { GENERATED_NOTE, readJson } from './generated-files.mjs';
import { createAjv } from './ajv.mjs';

const require = createRequire(import.meta.url);

/** Keywords that say nothing about validity (annotations, identifiers, definitions). */
const WORDS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'examples']);
/** Keywords the `values` member may carry: its type, its items (left out), and words. */
const VALUES_KEYWORDS = new Set(['type', 'items', ...WORDS]);

function fail(where, what) {
  throw new Error(`quick validators: ${where} ${what}; the quick check (scripts/lib/quick-validators.mjs) cannot be derived exactly`);
}

/** Only these keywords (besides words) on `node`, else stop. */
function only(node, allowed, where) {
  const other = Object.keys(node).filter((k) => !WORDS.has(k) && !allowed.includes(k));
  if (other.length > 0) fail(where, `has ${other.join(', ')}`);
}

/** The plan of an object schema: `type: object`, its `required`, one validator per member of `properties`. */
function objectPlan(schema, where, exportPrefix, refOf, interpreted = null) {
  if (schema === null || typeof schema !== 'object') fail(where, 'is not a schema');
  only(schema, ['type', 'required', 'properties'], where);
  if (schema.type !== 'object') fail(where, 'is not `type: object`');
  const members = Object.keys(schema.properties ?? {});
  return {
    required: [...(schema.required ?? [])],
    // A member the runtime reads itself (the page's segments) gets no validator of its own.
    members: members.map((name, i) => (name === interpreted ? { name, check: null, ref: null } : { name, check: `${exportPrefix}${i}`, ref: refOf(name) })),
  };
}

/** A JSON Pointer token (RFC 6901). */
const token = (name) => name.replaceAll('~', '~0').replaceAll('/', '~1');

/** The segment schema with the items of `values` unconstrained (a copy). */
function withoutValueItems(segment, where) {
  const values = segment?.properties?.values;
  if (values === null || typeof values !== 'object') fail(where, 'has no values member');
  only(values, [...VALUES_KEYWORDS], `${where}.properties.values`);
  return { ...segment, properties: { ...segment.properties, values: { ...values, items: true } } };
}

/**
 * The quick schema (the recommended UsageSegmentList, `values` items left
 * out, one document holding both objects) and the plan over it: the page's
 * members, its `usage_segments` read through the segment's plan.
 */
export function quickPlan(outDir) {
  const list = readJson(join(outDir, 'schemas', 'recommended', 'UsageSegmentList.json'));
  const schema = { ...list, $id: list.$id.replace('/recommended/', '/quick/'), $defs: { ...list.$defs, UsageSegment: withoutValueItems(list.$defs?.UsageSegment, 'UsageSegmentList.$defs.UsageSegment') } };
  const segments = schema.properties?.usage_segments;
  if (segments === null || typeof segments !== 'object') fail('UsageSegmentList', 'has no usage_segments member');
  only(segments, ['type', 'items'], 'UsageSegmentList.properties.usage_segments');
  if (segments.type !== 'array' || segments.items?.$ref !== '#/$defs/UsageSegment' || Object.keys(segments.items).length !== 1) fail('UsageSegmentList.properties.usage_segments', 'is not an array of UsageSegment');
  const page = objectPlan(schema, 'UsageSegmentList', 'page', (name) => `${schema.$id}#/properties/${token(name)}`, 'usage_segments');
  const segment = objectPlan(schema.$defs.UsageSegment, 'UsageSegment', 'segment', (name) => `${schema.$id}#/$defs/UsageSegment/properties/${token(name)}`);
  const instantLength = instantMaxLength(schema.$defs.DateTime);
  for (const m of segment.members) if (m.check !== null && instantLength !== null && isDateTimeRef(schema.$defs.UsageSegment.properties[m.name])) m.instant = instantLength;
  return { schema, plan: { segments: 'usage_segments', page, segment } };
}

/** A member whose schema is the model's DateTime and nothing else (words aside). */
function isDateTimeRef(member) {
  if (member === null || typeof member !== 'object') return false;
  return member.$ref === '#/$defs/DateTime' && Object.keys(member).every((k) => k === '$ref' || WORDS.has(k));
}

/**
 * The DateTime schema's `maxLength` (Infinity without one), when the schema
 * is a string with nothing but patterns, a format and a length: only then
 * can a string the checker reads as an RFC 3339 instant be taken to pass it
 * (the shortcut in `objectFunction`; test/models/quick-instant.test.ts
 * checks the claim on the generated validators). Null otherwise: no shortcut.
 */
function instantMaxLength(def) {
  if (def === null || typeof def !== 'object' || def.type !== 'string') return null;
  const allowed = new Set(['type', 'pattern', 'format', 'maxLength', 'allOf', ...WORDS]);
  if (Object.keys(def).some((k) => !allowed.has(k))) return null;
  if (def.format !== undefined && def.format !== 'date-time') return null;
  if (def.allOf !== undefined && !def.allOf.every((s) => Object.keys(s).every((k) => k === 'pattern' || WORDS.has(k)))) return null;
  return typeof def.maxLength === 'number' ? def.maxLength : Infinity;
}

/** A JavaScript string literal of `name` (a member read as `o[<literal>]`, which V8 reads as a named property). */
const lit = (name) => JSON.stringify(name);

/**
 * The function that reads one object through its plan: Ajv's `type:
 * object`, its `required` (a member reads as absent when undefined, as in
 * Ajv's compiled code), and each present member through its validator,
 * unless `p` (an object that passed the same plan just before) has the same
 * value there: a validator's verdict depends on its value only.
 */
function objectFunction(fnName, plan, recordSame) {
  const lines = [`function ${fnName}(o, p, instant) {`, '  if (!(o && typeof o == "object" && !Array.isArray(o))) return false;'];
  const required = new Set(plan.required);
  // A required member the plan reads itself (a page's segments) is asked for here; the others as they are read below.
  const unread = plan.required.filter((r) => !plan.members.some((m) => m.name === r && m.check !== null));
  if (unread.length > 0) lines.push(`  if (${unread.map((r) => `o[${lit(r)}] === undefined`).join(' || ')}) return false;`);
  lines.push('  let v;');
  if (recordSame) lines.push('  let pv;', '  let bits = 0;');
  plan.members.forEach((m, bit) => {
    if (m.check === null) return;
    const prev = `p[${lit(m.name)}]`;
    lines.push(`  v = o[${lit(m.name)}];`);
    // Read once: a required member's absence fails here (Ajv's \`required\`; the verdict is all that is read, not which keyword failed first).
    const isRequired = required.has(m.name);
    if (isRequired) lines.push('  if (v === undefined) return false;');
    // Past that line a required member is present: no second test of it.
    const present = isRequired ? '' : 'v !== undefined && ';
    // A date-time the checker reads as an RFC 3339 instant (\`instant\`, given by the one-pass check: src/time.ts parseInstant)
    // passes the DateTime schema (instantMaxLength): its two regular expressions are not run, and the rules read the instant from parseInstant's memo.
    const validator = m.instant === undefined ? `${m.check}(v, OPTIONS)` : `((instant != null && typeof v == "string" && v.length <= ${m.instant} && instant(v) !== null) || ${m.check}(v, OPTIONS))`;
    if (!recordSame) {
      lines.push(`  if (${present}!(p !== null && same(v, ${prev})) && !${validator}) return false;`);
      return;
    }
    // Bit ${bit}: the member equals (or is absent like) the same member of the segment before.
    // \`v === pv\` first and \`same\` only for an object: the members that differ from one
    // segment to the next are mostly strings (id, start, end), decided without a call.
    lines.push(
      `  if (p !== null && (v === (pv = ${prev}) || (typeof v == "object" && v !== null && same(v, pv)))) bits |= ${2 ** bit};`,
      `  else if (${present}!${validator}) return false;`,
    );
  });
  if (recordSame) lines.push('  sameBits = bits;');
  lines.push('  return true;', '}');
  return lines.join('\n');
}

/**
 * Ajv's `maxLength`/`minLength` count a string's code points (its runtime
 * `ucs2length`, one pass over the string) on every string they check. A
 * string of n UTF-16 units has between n/2 and n code points, so its length
 * alone decides most strings: the count runs only when the units leave the
 * answer open (`n > max` for maxLength, `n < 2 × min` for minLength). Same
 * verdicts; the build stops on a call of the count in any other form.
 */
export function guardLengths(code) {
  const bound = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/.exec(code);
  if (bound === null) return code;
  const fn = bound[1];
  const guarded = code
    .replace(new RegExp(`\\b${fn}\\((\\w+)\\) > (\\d+)`, 'g'), (_, x, n) => `(${x}.length > ${n} && ${fn}(${x}) > ${n})`)
    .replace(new RegExp(`\\b${fn}\\((\\w+)\\) < (\\d+)`, 'g'), (_, x, n) => `(${x}.length < ${2 * Number(n)} && ${fn}(${x}) < ${n})`);
  const calls = guarded.match(new RegExp(`\\b${fn}\\(`, 'g'))?.length ?? 0;
  const guards = guarded.match(new RegExp(`\\.length [<>] \\d+ && ${fn}\\(`, 'g'))?.length ?? 0;
  if (calls !== guards) throw new Error(`quick validators: ${calls - guards} call(s) of Ajv's ucs2length in a form guardLengths does not know`);
  return guarded;
}

/**
 * Ajv's standalone code of every member's validator (first error only: only
 * the boolean is read), and the two checks over them: a segment, and a page
 * whose segments each skip the members equal to those of the segment that
 * passed before it.
 */
export function quickModule({ plan, schema }) {
  const ajv = createAjv({ allErrors: false, code: { source: true, esm: false, optimize: true } });
  ajv.addSchema(schema);
  const refs = {};
  for (const m of [...plan.page.members, ...plan.segment.members]) if (m.check !== null) refs[m.check] = m.ref;
  const ajvCode = guardLengths(standaloneCode(ajv, refs).replace(/exports\.(\w+) = (\w+);/g, 'const $1 = $2;'));
  // Each member validator is called with one shared options object: called bare, Ajv's signature
  // (`{instancePath = "", …, dynamicAnchors = {}} = {}`) allocates two objects per call, on every
  // member of every segment. Shared is sound while no validator writes to dynamicAnchors
  // (only $dynamicAnchor would), which this checks.
  if (/dynamicAnchors\s*(\[|\.)/.test(ajvCode)) throw new Error('quick validators: a validator writes to dynamicAnchors; the shared options object would carry it from one call to the next');
  return [
    `// ${GENERATED_NOTE}`,
    `// Ajv ${require('ajv/package.json').version} standalone code, one validator per member, and the quick check over them (scripts/lib/quick-validators.mjs).`,
    ajvCode,
    '/** The options every member validator is called with (see scripts/lib/quick-validators.mjs). */',
    'const OPTIONS = Object.freeze({ instancePath: "", dynamicAnchors: Object.freeze({}) });',
    '/** The same value for a validator: the same primitive or object, or arrays of the same primitives. */',
    'function same(a, b) {',
    '  if (a === b) return true;',
    '  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;',
    '  for (let i = 0; i < a.length; i++) { const x = a[i]; if (x !== b[i] || (typeof x == "object" && x !== null)) return false; }',
    '  return true;',
    '}',
    '/** The members of the last segment read that equal those of the segment before it, as bits in the order of QUICK_SEGMENT_MEMBERS. */',
    'let sameBits = 0;',
    objectFunction('segmentPasses', plan.segment, true),
    objectFunction('pagePasses', plan.page, false),
    'exports.quickUsageSegment = function quickUsageSegment(data) { return segmentPasses(data, null, null); };',
    '/** The page\'s own members (its segments aside). */',
    'exports.quickPageMembers = function quickPageMembers(data) { return pagePasses(data, null, null); };',
    '/** One segment of a page: the bits of its members equal to those of `p` (the segment that passed before it, or null), or -1 when it fails; `instant` (or null) reads a date-time as an RFC 3339 instant, null when it is none. */',
    'exports.quickSegmentAfter = function quickSegmentAfter(s, p, instant) { return segmentPasses(s, p, instant) ? sameBits >>> 0 : -1; };',
    '/** `same`, when given (one slot per segment), receives each segment\'s bits of members equal to the segment before it. */',
    'exports.quickUsageSegmentList = function quickUsageSegmentList(data, same) {',
    '  if (!pagePasses(data, null, null)) return false;',
    `  const list = data[${lit(plan.segments)}];`,
    '  if (list === undefined) return true;',
    '  if (!Array.isArray(list)) return false;',
    '  let p = null;',
    '  for (let i = 0; i < list.length; i++) {',
    '    const s = list[i];',
    '    if (!segmentPasses(s, p, null)) return false;',
    '    if (same !== undefined && i < same.length) same[i] = sameBits;',
    '    p = s;',
    '  }',
    '  return true;',
    '};',
    '',
  ].join('\n');
}

/** The typed entry of the quick check, loading quick.cjs on first use (internal to the checker: the model's index.ts does not export it). */
export function quickTypedModule(model, plan) {
  const names = plan.segment.members.map((m) => m.name);
  // The bits are a Uint32Array's: a segment of more members would need another encoding.
  if (names.length > 32) throw new Error(`quick validators: a segment of ${names.length} members; the same-member bits hold 32`);
  return [
    `// ${GENERATED_NOTE}`,
    `// The ${model} model's quick check (internal to the checker): true when a document`,
    '// passes the recommended profile with the items of `values` unchecked.',
    '// quick.cjs is required the first time one of them is called.',
    "import { createRequire } from 'node:module';",
    '',
    'interface Compiled {',
    '  quickUsageSegment(data: unknown): boolean;',
    '  quickUsageSegmentList(data: unknown, same?: Uint32Array): boolean;',
    '  quickPageMembers(data: unknown): boolean;',
    '  quickSegmentAfter(segment: unknown, previous: unknown, instant: ((text: string) => unknown) | null): number;',
    '}',
    '',
    '/** The segment members in the order of the bits `quickUsageSegmentList` writes into `same` (bit i: member i). */',
    `export const QUICK_SEGMENT_MEMBERS: readonly string[] = ${JSON.stringify(names)};`,
    '',
    'let compiled: Compiled | undefined;',
    '',
    'function load(): Compiled {',
    "  compiled ??= createRequire(import.meta.url)('./quick.cjs') as Compiled;",
    '  return compiled;',
    '}',
    '',
    '/** True when a usage segment passes the recommended profile, the items of `values` unchecked. */',
    'export const quickUsageSegment = (data: unknown): boolean => load().quickUsageSegment(data);',
    '/** True when a listing page passes the recommended profile, the items of its segments\' `values` unchecked; `same` (one slot per segment) receives the bits of the members each segment shares with the one before it. */',
    'export const quickUsageSegmentList = (data: unknown, same?: Uint32Array): boolean => load().quickUsageSegmentList(data, same);',
    '/** True when a listing page\'s own members (its segments aside) pass the recommended profile. */',
    'export const quickPageMembers = (data: unknown): boolean => load().quickPageMembers(data);',
    '/**',
    ' * One segment of a page (`previous`: the segment that passed just before it, or null): the bits of the members it shares with `previous`,',
    ' * or -1 when it fails the recommended profile, the items of `values` unchecked. `instant` reads a date-time as an RFC 3339 instant (null when it is',
    ' * none): a date-time it reads passes without the schema\'s regular expressions (scripts/lib/quick-validators.mjs).',
    ' */',
    'export const quickSegmentAfter = (segment: unknown, previous: unknown, instant: ((text: string) => unknown) | null = null): number => load().quickSegmentAfter(segment, previous, instant);',
    '',
  ].join('\n');
}
