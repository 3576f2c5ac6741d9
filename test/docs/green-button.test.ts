// The Green Button guide in both rendered references, in Debian Chromium,
// offline: its three timeline pictures (real files imported and drawn at
// build time, inlined as data URIs) decode and are drawn with a size, each
// named after its file, and nothing is requested outside the page.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type OpenedPage } from './browser.js';
import { ROOT } from '../helpers/paths.js';

const GUIDE = 'Guide: from Green Button (ESPI) to CDS';
// The pictures sit in this section (the gas bills, then two electric files).
const SECTION = 'A worked example: three years of gas bills';
const PICTURES = ['gbo-ngma-gas-billing-2021-2024.xml', 'eddie-utilityapi-Batch.xml', 'openespi-test_usage_data.xml'];

describe.each(['2024', '2026'])('the %s reference shows the Green Button guide’s pictures', (model) => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openPage(join(ROOT, `docs/reference/${model}/index.html`));
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('every picture loads, offline', async () => {
    const { page } = opened;
    page.setDefaultTimeout(15_000);
    // alt → decoded, drawn and inline in every sighting (Redoc renders only what is near the viewport: scroll through the section).
    const seen = new Map<string, boolean>();
    const collect = async () => {
      const found = await page.locator('img[alt^="Timeline of"][alt*=".xml"]').evaluateAll((imgs) =>
        Promise.all(
          imgs.map(async (i) => {
            const img = i as HTMLImageElement;
            const decoded = await img.decode().then(
              () => true,
              () => false,
            );
            return { alt: img.alt, ok: decoded && img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml;base64,') };
          }),
        ),
      );
      for (const f of found) seen.set(f.alt, (seen.get(f.alt) ?? true) && f.ok);
    };
    const menu = page.locator('.menu-content');
    await menu.getByText(GUIDE, { exact: true }).click();
    await menu.getByText(SECTION, { exact: true }).first().click();
    await page.locator('h1, h2, h3').filter({ hasText: SECTION }).first().waitFor({ state: 'visible' });
    for (let step = 0; step < 16 && seen.size < PICTURES.length; step++) {
      await page.waitForTimeout(250);
      await collect();
      await page.mouse.move(900, 500);
      await page.mouse.wheel(0, 700);
    }
    expect([...seen.keys()].map((alt) => PICTURES.find((f) => alt.startsWith(`Timeline of ${f}:`)) ?? alt)).toEqual(PICTURES);
    expect([...seen.values()]).toEqual(PICTURES.map(() => true));
    expect(opened.foreignRequests).toEqual([]);
  });
});
