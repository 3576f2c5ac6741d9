// The 2026 development draft end to end: demo data in the 2026 model,
// served and crawled; and the crawl's model option reaches the checker
// (a forced wrong model gives the other model's schema errors).
import { crawl, type CrawlReport } from 'cds-usage-segments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryPath, UNDECLARED_TYPE } from '../src/http.js';
import { get, type Sandbox, sandbox } from './helpers.js';

describe('the 2026 model', () => {
  let box: Sandbox;
  let url: string;
  beforeAll(async () => {
    box = sandbox({ meters: 3, days: 70, model: '2026' });
    url = (await box.start()).url;
  });
  afterAll(() => box.close());

  const run = (model?: '2024' | '2026' | 'auto'): Promise<CrawlReport> => crawl({ url, token: box.token, timeoutMs: 5000, ...(model === undefined ? {} : { model }) });

  it('demo data is served and crawled without a finding (model detected as 2026)', async () => {
    const r = await run();
    expect(r.findings).toEqual([]);
    expect(r.model).toBe('2026');
    expect(r.pages).toBeGreaterThan(1);
    expect(r.segments).toBe(box.segments.length);
  });

  it('the crawl reads the Server Metadata at the well-known path, without the token, and its checks pass', async () => {
    const server = await box.start();
    const r = await crawl({ url: server.url, token: box.token, probes: false });
    expect(r.findings).toEqual([]);
    const asked = server.requests.filter((q) => q.path === discoveryPath('2026'));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.authorized).toBe(false);
    for (const name of ['server-metadata', 'server-metadata-unread']) expect(r.checks.find((c) => c.name === name)).toEqual({ name, status: 'passed' });
  });

  describe('a segment of a type the Server Metadata does not describe (--fault undeclared-type)', () => {
    let faulty: string;
    beforeAll(async () => {
      faulty = (await box.start(['undeclared-type'])).url;
    });
    const crawlIt = (extra: Partial<Parameters<typeof crawl>[0]> = {}) => crawl({ url: faulty, token: box.token, probes: false, ...extra });

    it('is an undeclared-type error at the Value Format, from the metadata the crawl read', async () => {
      const r = await crawlIt();
      const found = r.findings.filter((f) => f.code === 'undeclared-type');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ level: 'error', path: expect.stringMatching(/^\/usage_segments\/0\/formats\/\d+\/type$/) as unknown });
      expect(found[0]!.message).toContain(UNDECLARED_TYPE);
      expect(r.conformant).toBe(false);
    });

    it('is not reported when the metadata describes the type (serverMetadata given)', async () => {
      const declared = { cds_customerdata_version: 'v1', cds_usagesegments_additional_value_types: { [UNDECLARED_TYPE]: { type: UNDECLARED_TYPE, name: 'Test', description: 'A test type.', documentation: 'https://example.test/doc' } } };
      const r = await crawlIt({ serverMetadata: declared });
      expect(r.findings).toEqual([]);
    });

    it('metadata that cannot be read is a server-metadata-unread warning, and undeclared-type does not run', async () => {
      const r = await crawlIt({ serverMetadataUrl: new URL('/no-metadata-here', faulty).toString() });
      expect(r.findings.map((f) => [f.code, f.level])).toEqual([['server-metadata-unread', 'warning']]);
      expect(r.findings[0]!.message).toMatch(/HTTP 404/);
      expect(r.conformant).toBe(true);
    });

    it('metadata without what the draft requires is a server-metadata error', async () => {
      const r = await crawlIt({ serverMetadata: { cds_usagesegments_api: faulty } });
      const found = r.findings.filter((f) => f.code === 'server-metadata');
      expect(found.map((f) => f.message).join('\n')).toMatch(/cds_customerdata_version/);
      expect(found.map((f) => f.message).join('\n')).toMatch(/cds_usagesegments_additional_value_types/);
      expect(found.every((f) => f.level === 'error')).toBe(true);
      // No map declares nothing: the Server's own type is undeclared too.
      expect(r.findings.some((f) => f.code === 'undeclared-type')).toBe(true);
    });
  });

  it('--model 2026 gives the same clean crawl', async () => {
    const r = await run('2026');
    expect(r.findings).toEqual([]);
    expect(r.model).toBe('2026');
  });

  it('--model 2024 makes the checker read the pages as 2024 (the 2024 `format` is missing): not conformant', async () => {
    const r = await run('2024');
    expect(r.model).toBe('2024');
    expect(r.conformant).toBe(false);
    const schema = r.findings.filter((f) => f.code === 'schema');
    expect(schema.length).toBeGreaterThan(0);
    expect(schema.some((f) => f.message.includes('format'))).toBe(true);
  });

  it('serves the 2026 Server Metadata', async () => {
    const meta = await get(`${new URL(url).origin}${discoveryPath('2026')}`);
    expect(meta.body).toMatchObject({ cds_customerdata_version: 'v1', cds_usagesegments_api: url, cds_usagesegments_additional_value_types: {} });
  });
});
