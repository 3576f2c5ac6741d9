// The 2026 development draft end to end: demo data in the 2026 model,
// served and crawled; and the crawl's model option reaches the checker
// (a forced wrong model gives the other model's schema errors).
import { crawl, type CrawlReport } from 'cds-usage-segments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCOVERY_PATH } from '../src/http.js';
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
    const meta = await get(`${new URL(url).origin}${DISCOVERY_PATH['2026']}`);
    expect(meta.body).toMatchObject({ cds_customerdata_version: 'v1', cds_usagesegments_api: url, cds_usagesegments_additional_value_types: {} });
  });
});
