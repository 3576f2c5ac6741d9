// The Green Button guide in both rendered references, in Debian Chromium,
// offline: its three timeline pictures (real files imported and drawn at
// build time, inlined as data URIs) decode and are drawn with a size, each
// named after its file, and nothing is requested outside the page.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPictures, useReference } from './browser.js';
import { ROOT } from '../helpers/paths.js';

const GUIDE = 'Guide: from Green Button (ESPI) to CDS';
// The pictures sit in this section (the gas bills, then two electric files).
const SECTION = 'A worked example: three years of gas bills';
const PICTURES = ['gbo-ngma-gas-billing-2021-2024.xml', 'eddie-utilityapi-Batch.xml', 'openespi-test_usage_data.xml'];

describe.each(['2024', '2026'])('the %s reference shows the Green Button guide’s pictures', (model) => {
  const reference = useReference(join(ROOT, `docs/reference/${model}/index.html`));

  it('every picture loads, offline', async () => {
    const opened = reference();
    // alt → decoded, drawn and inline in every sighting; scrolling stops once every file's picture was seen.
    const seen = await collectPictures(opened.page, {
      guide: GUIDE,
      sections: [SECTION],
      selector: 'img[alt^="Timeline of"][alt*=".xml"]',
      key: (p) => p.alt,
      steps: 16,
      done: (s) => s.size >= PICTURES.length,
    });
    expect([...seen.keys()].map((alt) => PICTURES.find((f) => alt.startsWith(`Timeline of ${f}:`)) ?? alt)).toEqual(PICTURES);
    expect([...seen.values()]).toEqual(PICTURES.map(() => true));
    expect(opened.foreignRequests).toEqual([]);
  });
});
