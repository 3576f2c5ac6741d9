// Issue 25 audit: objects keyed by data. A name from a document ("__proto__", "constructor", "toString") looked up in
// a plain object finds Object.prototype's members, and written into one (`out["__proto__"] = v`) sets the prototype
// instead of a member. Each place found is here with what it did and what it does now.
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert/convert.js';
import { validate } from '../../../src/index.js';
import { codes, page, segment, segment2026 } from '../../helpers/documents.js';

type Doc = Record<string, unknown>;
const parse = (text: string): Doc => JSON.parse(text) as Doc;
/** A document through JSON text, so that a "__proto__" member is an own member as JSON.parse makes it. */
const viaText = (doc: Doc): Doc => parse(JSON.stringify(doc));

/** `doc` with an own member `name` (JSON.parse semantics, even for "__proto__"). */
function withMember(doc: Doc, name: string, v: unknown): Doc {
  const out = viaText(doc);
  Object.defineProperty(out, name, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

describe('the converter keeps every member whatever its name (src/convert/notes.ts copyExtras, convert.ts, to-2024.ts, to-2026.ts)', () => {
  it('a 2024 segment member "__proto__" crosses to 2026 as a member (it used to set the output\'s prototype)', () => {
    const r = convert(withMember(segment({}), '__proto__', { z: 1 }), '2026');
    const out = r.document as Doc;
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(out)).__proto__).toEqual({ z: 1 });
  });

  it('a value member "__proto__" crosses both ways', () => {
    const to2026 = convert(viaText(segment({ values: JSON.parse('[[{"v":1,"__proto__":{"q":2}}]]') as unknown[] })), '2026').document as Doc;
    expect(JSON.stringify(to2026.values)).toBe('[[{"eu":1,"__proto__":{"q":2}}]]');
    const to2024 = convert(viaText(segment2026({ formats: [{ id: 'f', type: 'electric_usage', units: 'kWh', direction: 'forward' }], values: JSON.parse('[[{"eu":1,"__proto__":3}]]') as unknown[] })), '2024').document as Doc;
    expect(JSON.stringify(to2024.values)).toBe('[[{"v":1,"__proto__":3}]]');
  });

  it('a page member "__proto__" crosses', () => {
    const r = convert(withMember(page(segment({})), '__proto__', 'x'), '2026');
    expect(JSON.stringify(r.document)).toContain('"__proto__":"x"');
  });

  const directions: { given: Doc; want: string[] }[] = [
    // Used to give the format `kwh_function toString() { [native code] }…` (the direction found Object.prototype.toString).
    { given: { direction: 'toString', quality: 'valid' }, want: ['cds2026_electric_usage'] },
    { given: { direction: 'constructor' }, want: ['cds2026_electric_usage'] },
    // A quality named like an Object member used to append the member's source text to the format.
    { given: { direction: 'forward', quality: 'constructor' }, want: ['kwh_fwd'] },
    { given: { direction: 'forward', quality: '__proto__' }, want: ['kwh_fwd'] },
  ];
  for (const c of directions) {
    it(`2026 → 2024, electric_usage ${JSON.stringify(c.given)}: format ${JSON.stringify(c.want)}`, () => {
      const seg = viaText(segment2026({ formats: [{ id: 'f', type: 'electric_usage', units: 'kWh', ...c.given }], values: [[{ eu: 1 }]] }));
      expect((convert(seg, '2024').document as Doc).format).toEqual(c.want);
    });
  }

  it('units named like an Object member have no 2024 counterpart (src/convert/to-2024.ts UNIT_SCALES lookup)', () => {
    const seg = viaText(segment2026({ formats: [{ id: 'f', type: 'water_usage', units: 'constructor' }], values: [[{ wu: 1 }]] }));
    expect((convert(seg, '2024').document as Doc).format).toEqual(['cds2026_water_usage']);
  });
});

describe('the checker reads names from data only from its own tables', () => {
  it('a Value Format type "constructor" (src/rules/formats.ts FIELD_LISTS) is an undefined type, no enum lookup on Object', () => {
    const seg = viaText(segment2026({ formats: [{ id: 'f', type: 'constructor', units: 'kWh', tou: 'x' }], values: [[{}]] }));
    expect(codes(validate(seg, { strict: true }))).toEqual([['unknown-format', '/formats/0']]);
  });

  it('2026 related ids in another order are the same series (src/rules/segment.ts relatedKeyOf reads sets)', () => {
    const r = validate(page(segment2026({ related_accounts: ['a', 'b'] }), segment2026({ cds_usagesegment_id: 's2', related_accounts: ['b', 'a'] })));
    expect(codes(r)).toEqual([['timeline-overlap', '/usage_segments/1']]);
  });

  it('2026 related ids repeated are a schema error, as in 2024 (issue 20: §10.8.1 L5461 is 2024-09 L461), and that segment leaves the timeline', () => {
    const r = validate(page(segment2026({ related_accounts: ['a', 'a', 'b'] }), segment2026({ cds_usagesegment_id: 's2', related_accounts: ['b', 'a'] })));
    expect(codes(r)).toEqual([['schema', '/usage_segments/0/related_accounts']]);
  });
});
