// docs/adding-a-model.md kept true: a throwaway third model — a copy of the
// 2026 model under another id — registered at run time, and the whole
// corpus run through the registry with it in place. Its documents (those
// with `formats`) are now detected as the third model, forced 2026 groups
// are forced to it, and every case must draw exactly the problems its
// fixture lists, as it does under 2026. Nothing else in src/ is edited for it.
// Its Server shape is 2026's with a well-known path of its own, so a crawl
// of a Server listing its pages shows that the crawler takes what a Server
// publishes from the registry entry, not from the model's name.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRevision, crawl, detectModel, validate, validateText, type CrawlOptions, type CrawlReport, type Model, type ValidationResult } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { MODEL_2026 } from '../../src/models/model-2026.js';
import { convertTargets, modelEntry, modelIds, registerModel } from '../../src/models/registry.js';
import { convert } from '../../src/convert/convert.js';
import { examplePage, honestAnswer, TOKEN, type Page } from '../crawl/stand-in.js';
import { ROOT, corpusGroups, corpusOptions, deepFreeze, documentOf, type CorpusCase, type CorpusGroup } from '../engine/helpers.js';

const THIRD = '2099' as Model;
/** Where the third model's Server publishes its Server Metadata (2026's is RFC 8414's well-known path). */
const THIRD_METADATA_PATH = '/.well-known/cds-2099-server-metadata';

let unregister: (() => void) | undefined;
beforeAll(() => {
  const server2026 = modelEntry('2026').server;
  unregister = registerModel({ id: THIRD, rules: '2026', adapter: { ...MODEL_2026 }, converter: '2026', server: { ...server2026, metadata: { ...server2026.metadata!, wellKnownPath: THIRD_METADATA_PATH } } });
});
afterAll(() => unregister?.());

/** Exact {code, path, doc} lists, sorted. */
function problems(r: ValidationResult): string[] {
  return [...r.errors, ...r.warnings].map((p) => `${p.doc ?? ''} ${p.code} ${p.path}`).sort();
}

/** Run one corpus case as the corpus runner does, with the group's 2026 forced to the third model. */
function run(c: CorpusCase, group: CorpusGroup): ValidationResult {
  const options = corpusOptions(c, group);
  if (options.model === '2026') options.model = THIRD;
  const text = c.file !== undefined ? readFileSync(ROOT + c.file, 'utf8') : c.text;
  if (text !== undefined) return validateText(text, options);
  const doc = deepFreeze(documentOf(c, group.base, c.description, group.baseDocument));
  const previous = c.previous ?? group.previous;
  if (previous === undefined) return validate(doc, options);
  const { kind: _kind, ...revisionOptions } = options;
  return checkRevision(deepFreeze(documentOf(previous, undefined, c.description, group.baseDocument)), doc, revisionOptions);
}

describe('a third model registered at run time (a copy of 2026 renamed)', () => {
  it('is listed and detected: a document with formats reads as the third model, one with format still as 2024', () => {
    expect(modelIds()).toEqual(['2024', '2026', THIRD]);
    expect(modelEntry(THIRD).rules).toBe('2026');
    const read = (model: string) => JSON.parse(readFileSync(`${ROOT}spec/${model}/examples/option1-estimated.json`, 'utf8'));
    expect([detectModel(read('2026')), detectModel(read('2024')), detectModel({})]).toEqual([THIRD, '2024', '2024']);
  });

  it('the command line takes --model 2099 and names it among the choices', async () => {
    const ok = await runCli(['validate', '--model', THIRD, `${ROOT}spec/2026/examples/option1-estimated.json`]);
    expect(ok.code).toBe(0);
    const bad = await runCli(['validate', '--model', '2100', `${ROOT}spec/2026/examples/option1-estimated.json`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(THIRD);
  });

  it('the command line offers it wherever a model is chosen: --model of validate and crawl, --to of convert and import-espi', async () => {
    expect(convertTargets()).toEqual(['2024', '2026', THIRD]);
    const file = `${ROOT}spec/2026/examples/option1-estimated.json`;
    for (const args of [['validate', '--model', '2100', file], ['crawl', '--model', '2100', 'http://127.0.0.1:9/'], ['convert', '--to', '2100', file], ['import-espi', '--to', '2100', file]]) {
      const bad = await runCli(args);
      expect([bad.code, bad.stderr], args.join(' ')).toEqual([2, expect.stringContaining(`2026 or ${THIRD}`)]);
    }
  });

  it("converts by the registry's edges: 2024 into it as into 2026, and its own documents (a 2026 copy) by copying", () => {
    const read = (model: string) => JSON.parse(readFileSync(`${ROOT}spec/${model}/examples/option1-estimated.json`, 'utf8'));
    const into2026 = convert(read('2024'), '2026');
    const intoThird = convert(read('2024'), THIRD);
    expect([intoThird.from, intoThird.to, intoThird.document, intoThird.losses, intoThird.assumptions]).toEqual(['2024', THIRD, into2026.document, into2026.losses, into2026.assumptions]);
    expect(validate(intoThird.document, { model: THIRD }).valid).toBe(true);
    const copy = convert(read('2026'), THIRD);
    expect([copy.from, copy.document, copy.losses]).toEqual([THIRD, read('2026'), []]);
    const back = convert(read('2026'), '2024');
    expect([back.from, validate(back.document, { model: '2024' }).valid]).toEqual([THIRD, true]);
  });

  for (const [file, group] of corpusGroups('invalid', 'conforming')) {
    it(`${file}: every case draws exactly its fixture's problems`, () => {
      for (const c of group.tests) {
        const want = c.problems.map((p) => `${p.doc ?? ''} ${p.code} ${p.path}`).sort();
        expect(problems(run(c, group)), `${file}: ${c.description}`).toEqual(want);
      }
    });
  }

  const examples = readdirSync(`${ROOT}spec/2026/examples`, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json') && !f.includes('server-metadata'))
    .sort();
  it.each(examples)('spec/2026/examples/%s: the same problems as under 2026, in default and strict mode', (f) => {
    const doc = JSON.parse(readFileSync(`${ROOT}spec/2026/examples/${f}`, 'utf8'));
    for (const strict of [false, true]) {
      expect(problems(validate(doc, { strict })), `auto, strict ${strict}`).toEqual(problems(validate(doc, { strict, model: '2026' })));
      expect(problems(validate(doc, { strict, model: THIRD }))).toEqual(problems(validate(doc, { strict, model: '2026' })));
    }
  });
});

const LISTING = 'http://listing.test/api/usagesegments';
const ORIGIN = new URL(LISTING).origin;

/** A Server of one page (`page`, honest about filters and tokens) that publishes `metadata` at `metadataPath`; records every request. */
function fakeServer(page: Page, metadataPath: string, metadata: unknown) {
  const asked: { path: string; authorization: string | null }[] = [];
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const authorization = new Headers(init?.headers).get('authorization');
    asked.push({ path: url.pathname, authorization });
    if (url.pathname === metadataPath) return new Response(JSON.stringify(metadata), { headers: { 'content-type': 'application/json' } });
    if (url.pathname !== new URL(LISTING).pathname) return new Response('{"error":"not_found"}', { status: 404, headers: { 'content-type': 'application/json' } });
    const a = honestAnswer(page, url.toString(), authorization ?? undefined);
    return new Response(a.body, { status: a.status, headers: a.headers });
  }) as typeof fetch;
  return { fake, asked };
}

/** What a crawl found and checked, without its timing. */
function outcome(r: CrawlReport) {
  return { conformant: r.conformant, pages: r.pages, segments: r.segments, findings: r.findings, checks: r.checks };
}

describe("the third model's Server shape, as the crawler reads it from the registry", () => {
  const page = examplePage('2026');
  const metadata = JSON.parse(readFileSync(`${ROOT}spec/2026/examples/server-metadata.json`, 'utf8')) as Record<string, unknown>;
  const options = (fake: typeof fetch, extra: Partial<CrawlOptions> = {}): CrawlOptions => ({ url: LISTING, token: TOKEN, fetch: fake, ...extra });

  it('a crawl of its pages detects it, reads its Server Metadata from its own well-known path without the token, and finds what a 2026 crawl finds', async () => {
    const third = fakeServer(page, THIRD_METADATA_PATH, metadata);
    const r = await crawl(options(third.fake));
    expect(r.model).toBe(THIRD);
    expect(third.asked.filter((q) => q.path.startsWith('/.well-known/'))).toEqual([{ path: THIRD_METADATA_PATH, authorization: null }]);
    const asFor2026 = fakeServer(page, '/.well-known/oauth-authorization-server', metadata);
    const r2026 = await crawl(options(asFor2026.fake, { model: '2026' }));
    expect(r2026.model).toBe('2026');
    expect(outcome(r)).toEqual(outcome(r2026));
    expect(r.checks.filter((c) => c.name.startsWith('server-metadata'))).toEqual([
      { name: 'server-metadata', status: 'passed' },
      { name: 'server-metadata-unread', status: 'passed' },
    ]);
  });

  it('its Server Metadata is checked against the schema its entry holds; missing at its path, it is unread', async () => {
    const { cds_customerdata_version: _, ...withoutVersion } = metadata;
    const bad = await crawl(options(fakeServer(page, THIRD_METADATA_PATH, withoutVersion).fake, { probes: false }));
    expect(bad.findings.filter((f) => f.code.startsWith('server-metadata')).map((f) => [f.code, f.url])).toEqual([['server-metadata', `${ORIGIN}${THIRD_METADATA_PATH}`]]);
    const elsewhere = await crawl(options(fakeServer(page, '/.well-known/oauth-authorization-server', metadata).fake, { probes: false }));
    expect(elsewhere.findings.filter((f) => f.code.startsWith('server-metadata')).map((f) => [f.code, f.url])).toEqual([['server-metadata-unread', `${ORIGIN}${THIRD_METADATA_PATH}`]]);
  });

  it('a crawl of a model whose Server publishes no Server Metadata skips its checks, naming the models that have one', async () => {
    const r2024 = await crawl(options(fakeServer(examplePage('2024'), THIRD_METADATA_PATH, metadata).fake, { probes: false }));
    expect(r2024.model).toBe('2024');
    const reason = `a 2024 crawl: the Server Metadata is a 2026 or ${THIRD} document`;
    expect(r2024.checks.filter((c) => c.name.startsWith('server-metadata'))).toEqual([
      { name: 'server-metadata', status: 'skipped', reason },
      { name: 'server-metadata-unread', status: 'skipped', reason },
    ]);
    // A fourth model, the third without Server Metadata: a crawl forced to it reads none and skips the checks.
    const NONE = '2100' as Model;
    const remove = registerModel({ ...modelEntry(THIRD), id: NONE, server: { ...modelEntry(THIRD).server, metadata: null } });
    try {
      const server = fakeServer(page, THIRD_METADATA_PATH, metadata);
      const r = await crawl(options(server.fake, { model: NONE, probes: false }));
      expect(r.model).toBe(NONE);
      expect(server.asked.filter((q) => q.path.startsWith('/.well-known/'))).toEqual([]);
      expect(r.checks.find((c) => c.name === 'server-metadata')).toEqual({ name: 'server-metadata', status: 'skipped', reason: `a ${NONE} crawl: the Server Metadata is a 2026 or ${THIRD} document` });
    } finally {
      remove();
    }
  });
});
