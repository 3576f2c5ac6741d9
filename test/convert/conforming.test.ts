// The converter on every document that meets its draft: the conforming
// corpus (test/fixtures/conforming/, whatever files it holds) and the spec's
// examples of both models. Each converts to the other model without throwing
// and with a valid output (what the CLI would call an internal error), and
// round trips are stable: the second trip gives the document of the first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, type Model } from '../../src/convert/convert.js';
import { detectModel, validate } from '../../src/validate.js';
import { corpusGroups, deepFreeze, documentOf, type CorpusCase, type CorpusGroup } from '../engine/helpers.js';
import { ROOT } from '../helpers/paths.js';

const other = (m: Model): Model => (m === '2024' ? '2026' : '2024');

/** A conforming case's document (its text, its file, or its patch on the base). */
function documentOfCase(c: CorpusCase, group: CorpusGroup): unknown {
  if (c.file !== undefined) return JSON.parse(readFileSync(ROOT + c.file, 'utf8'));
  if (c.text !== undefined) return JSON.parse(c.text);
  return documentOf(c, group.base, `case "${c.description}"`, group.baseDocument);
}

/** [label, document, model] for every valid conforming case and every segment or page example of both models. */
function documents(): [string, unknown, Model][] {
  const out: [string, unknown, Model][] = [];
  for (const [file, group] of corpusGroups('conforming')) {
    for (const c of group.tests) {
      if (!c.valid) continue;
      const doc = documentOfCase(c, group);
      out.push([`${file}: ${c.description}`, doc, group.model ?? detectModel(doc)]);
    }
  }
  for (const model of ['2024', '2026'] as const) {
    const dir = `spec/${model}/examples/`;
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.json')).sort()) {
      if (f === 'server-metadata.json') continue; // not a segment or page
      out.push([dir + f, JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')), model]);
    }
  }
  return out;
}

const ALL = documents();

describe('convert on every conforming document and example', () => {
  it('has documents of both models', () => {
    expect(ALL.filter(([, , m]) => m === '2024').length).toBeGreaterThan(20);
    expect(ALL.filter(([, , m]) => m === '2026').length).toBeGreaterThan(10);
  });

  it.each(ALL)('%s: converts to the other model (valid there) and back, and the round trip is stable', (_label, doc, model) => {
    expect(validate(doc, { model }).errors, 'the document meets its draft').toEqual([]);
    deepFreeze(doc);
    const to = other(model);
    const there = convert(doc, to);
    expect(validate(there.document, { model: to }).errors, `the ${to} output`).toEqual([]);
    const back = convert(there.document, model);
    expect(validate(back.document, { model }).errors, `the ${model} document after the round trip`).toEqual([]);
    // The second time round changes nothing: what one trip keeps, the next keeps as it is.
    const there2 = convert(back.document, to);
    expect(there2.document).toEqual(there.document);
    expect(convert(there2.document, model).document).toEqual(back.document);
  });
});
