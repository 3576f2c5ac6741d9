// The rendered reference of the 2026 model (npm run docs) in Debian Chromium:
// title, every component schema, the listing operation with its examples,
// offline (no request outside the page, no console error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePicker, expectEverySchemaListed, openListingOperation, useReference } from './browser.js';
import { ROOT } from '../helpers/paths.js';

const html = join(ROOT, 'docs/reference/2026/index.html');
const screenshots = join(ROOT, 'test-output/screenshots');
const bundled = JSON.parse(readFileSync(join(ROOT, 'generated/2026/openapi.json'), 'utf8'));
const schemaNames = Object.keys(bundled.components.schemas).sort();
const summaries = Object.values(
  bundled.paths['/'].get.responses['200'].content['application/json'].examples as Record<string, { summary: string }>,
).map((e) => e.summary);

describe('rendered reference of the 2026 model', () => {
  const reference = useReference(html, screenshots);

  it('shows the 2026 title', async () => {
    await expect(reference().page.getByRole('heading', { name: /2026 development draft/ }).first().isVisible()).resolves.toBe(true);
  });

  it('lists every component schema in the Schemas section', async () => {
    const { page } = reference();
    await expectEverySchemaListed(page, schemaNames);
    await page.screenshot({ path: join(screenshots, 'schemas-2026.png') });
  });

  it('offers every example of the listing', async () => {
    const { page } = reference();
    await openListingOperation(page, 'usage-segments', 'List usage segments');
    const dropdown = examplePicker(page, summaries);
    await dropdown.scrollIntoViewIfNeeded();
    await dropdown.click();
    for (const summary of summaries) {
      expect(await page.getByRole('menuitem', { name: summary, exact: true }).count(), summary).toBeGreaterThan(0);
    }
  });

  it('logs no console error and requests nothing outside the page', () => {
    expect(reference().consoleErrors).toEqual([]);
    expect(reference().foreignRequests).toEqual([]);
  });
});
