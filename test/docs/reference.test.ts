// The rendered reference (npm run docs) in Debian Chromium: the operation,
// every component schema and every example are reachable, offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePicker, expectEverySchemaListed, openListingOperation, useReference } from './browser.js';
import { ROOT } from '../helpers/paths.js';

const html = join(ROOT, 'docs/reference/2024/index.html');
const screenshots = join(ROOT, 'test-output/screenshots');

interface ExampleObject { summary: string; value: { usage_segments: { cds_usagesegment_id: string }[] } }
const bundled = JSON.parse(readFileSync(join(ROOT, 'generated/2024/openapi.json'), 'utf8'));
const schemaNames = Object.keys(bundled.components.schemas).sort();
const examples = Object.values(
  bundled.paths['/api/usagesegments'].get.responses['200'].content['application/json'].examples,
) as ExampleObject[];

describe('rendered reference', () => {
  const reference = useReference(html, screenshots);

  it('shows the API title', async () => {
    await expect(reference().page.getByRole('heading', { name: /Usage Segments API/ }).first().isVisible()).resolves.toBe(true);
  });

  it('lists every component schema in the Schemas section', async () => {
    const { page } = reference();
    await expectEverySchemaListed(page, schemaNames);
    await page.screenshot({ path: join(screenshots, 'schemas.png') });
  });

  it('opens the listing operation and shows its parameters and responses', async () => {
    const { page } = reference();
    await openListingOperation(page, 'usage-segments', 'List usage segments');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('/api/usagesegments');
    for (const parameter of ['cds_usagesegment_ids', 'before', 'after', 'cds_billsection_ids']) expect(text).toContain(parameter);
    for (const status of ['200', '400', '401', '403']) expect(text).toContain(status);
    await page.screenshot({ path: join(screenshots, 'operation.png') });
  });

  it('offers every example and shows each one’s segments when chosen', async () => {
    const { page } = reference();
    await openListingOperation(page, 'usage-segments', 'List usage segments');
    const summaries = examples.map((e) => e.summary);
    for (const example of examples) {
      const dropdown = examplePicker(page, summaries);
      await dropdown.scrollIntoViewIfNeeded();
      await dropdown.click();
      // The menu can open below the fold in the stacked layout; a click event reaches it wherever it is.
      await page.getByRole('menuitem', { name: example.summary, exact: true }).first().dispatchEvent('click');
      const id = example.value.usage_segments[0]!.cds_usagesegment_id;
      const sample = page.getByText(`"${id}"`).first();
      await sample.waitFor({ timeout: 10_000 });
      expect(await sample.isVisible(), example.summary).toBe(true);
      await expect(page.getByText(example.summary).first().isVisible()).resolves.toBe(true);
    }
    await page.getByText(`"${examples.at(-1)!.value.usage_segments[0]!.cds_usagesegment_id}"`).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'examples.png') });
  });

  it('logs no console error and requests nothing outside the page', () => {
    expect(reference().consoleErrors).toEqual([]);
    expect(reference().foreignRequests).toEqual([]);
  });
});
