import { describe, expect, it } from 'vitest';
import { checkRevision, checkRevisionChain } from '../src/index.js';
import { applyPatch, codesOf, deepFreeze, example, expectPathsResolve, type PatchOp } from './engine/helpers.js';

const prev = () => example('option1-estimated.json');
const next = () => example('option1-validated.json');

describe('checkRevision: Option 1 pair', () => {
  it('the estimate → validated revision passes', () => {
    const r = checkRevision(deepFreeze(prev()), deepFreeze(next()));
    expect(r).toEqual({ valid: true, errors: [], warnings: [], omittedErrors: 0, omittedWarnings: 0, truncated: false });
  });

  it('Option 2 (estimate kept beside the validated value) is also a valid revision', () => {
    const r = checkRevision(prev(), example('option2-both-columns.json'));
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
  });

  const breaks: [string, PatchOp[], string[]][] = [
    ['id changed', [{ op: 'replace', path: '/cds_usagesegment_id', value: '99999999-ac' }], ['revision-id']],
    ['id changed in letter case', [{ op: 'replace', path: '/cds_usagesegment_id', value: '99999999-AB' }], ['revision-id']],
    ['cds_created moved', [{ op: 'replace', path: '/cds_created', value: '2025-02-15T05:00:00Z' }], ['revision-created']],
    ['cds_created moved and cds_modified with it', [{ op: 'replace', path: '/cds_created', value: '2025-02-14T04:00:00Z' }], ['revision-created']],
    ['segment_start moved (and interval with it)', [{ op: 'replace', path: '/segment_start', value: '2024-01-16T00:00:00Z' }, { op: 'replace', path: '/interval', value: 2592000 }], ['revision-span']],
    ['segment_end moved (and interval with it)', [{ op: 'replace', path: '/segment_end', value: '2024-02-16T00:00:00Z' }, { op: 'replace', path: '/interval', value: 2764800 }], ['revision-span']],
    ['interval split into days', [{ op: 'replace', path: '/interval', value: 86400 }, { op: 'replace', path: '/values', value: Array.from({ length: 31 }, () => [{ v: 16.13 }]) }], ['revision-span']],
    ['cds_modified unchanged', [{ op: 'replace', path: '/cds_modified', value: '2025-02-15T04:00:00Z' }], ['revision-modified']],
    ['cds_modified the same instant in another offset', [{ op: 'replace', path: '/cds_modified', value: '2025-02-15T05:00:00+01:00' }], ['revision-modified']],
  ];
  for (const [name, patch, codes] of breaks) {
    it(`fails when the revision has its ${name}`, () => {
      const docs = [deepFreeze(prev()), deepFreeze(applyPatch(next(), patch))];
      const r = checkRevision(docs[0], docs[1]);
      expect(codesOf(r)).toEqual(codes);
      expect(r.valid).toBe(false);
      for (const p of r.errors) expect(p.doc).toBe(1);
      expectPathsResolve(undefined, r, docs);
    });
  }

  it('order matters: validated → estimate goes back in time', () => {
    const r = checkRevision(next(), prev());
    expect(codesOf(r)).toEqual(['revision-modified']);
  });

  it('also validates each document and tags problems with the document index', () => {
    const bad = applyPatch(prev(), [{ op: 'replace', path: '/values/0/0', value: { v: 'x' } }]);
    const docs = [bad, next()];
    const r = checkRevision(docs[0], docs[1]);
    expect(r.errors.map((p) => [p.code, p.doc, p.path])).toEqual([['value-type', 0, '/values/0/0']]);
    expectPathsResolve(undefined, r, docs);
  });

  it('never throws on non-objects', () => {
    const r = checkRevision(null, 'x');
    expect(r.valid).toBe(false);
    expect(r.errors.map((p) => p.doc)).toEqual([0, 1]);
  });
});

describe('checkRevisionChain: settlement runs', () => {
  const run = (modified: string, v: number, fmt = 'kwh_fwd') =>
    applyPatch(prev(), [
      { op: 'replace', path: '/cds_modified', value: modified },
      { op: 'replace', path: '/format', value: [fmt] },
      { op: 'replace', path: '/values/0/0', value: { v } },
    ]);

  it('three increasing runs pass', () => {
    const r = checkRevisionChain([prev(), run('2025-02-16T00:00:00Z', 500), run('2025-03-16T00:00:00Z', 501.2)]);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('a later run that goes back in time fails at that document', () => {
    const docs = [prev(), run('2025-03-16T00:00:00Z', 500), run('2025-03-01T00:00:00Z', 501.2), run('2025-04-01T00:00:00Z', 502)];
    const r = checkRevisionChain(docs);
    expect(r.errors.map((p) => [p.code, p.doc])).toEqual([['revision-modified', 2]]);
  });

  it('a chain of one is just validation; an empty chain is valid', () => {
    expect(checkRevisionChain([prev()]).valid).toBe(true);
    expect(checkRevisionChain([]).valid).toBe(true);
    expect(checkRevisionChain([{}]).valid).toBe(false);
  });
});
