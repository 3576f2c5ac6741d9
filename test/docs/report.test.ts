// The conformance report (validate --report) and the guides' timeline
// pictures in Debian Chromium, offline: the report requests nothing, its
// timeline is present and labelled, a finding links to its segment on the
// timeline and the segment's mark links back; the rendered reference shows
// the proposals' pictures (inline data URIs) as loaded images.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPictures, openPage, useReference, type OpenedPage } from './browser.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const screenshots = join(ROOT, 'test-output/screenshots');
const dir = mkdtempSync(join(tmpdir(), 'cds-report-browser-'));

describe('validate --report in Chromium', () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    const files = ['docs/examples/mistakes/gap-not-disclosed.json', 'docs/examples/valueset-short.json', 'spec/2024/examples/option1-validated.json'].map((f) => join(ROOT, f));
    const r = await runCli(['validate', '--report', join(dir, 'report.html'), ...files]);
    expect(r.code).toBe(1);
    opened = await openPage(join(dir, 'report.html'));
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('opens offline: no request beyond the page itself, no console error', async () => {
    const resources = await opened.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect({ foreign: opened.foreignRequests, resources, errors: opened.consoleErrors }).toEqual({ foreign: [], resources: [], errors: [] });
  });

  it('the timeline is present and labelled', async () => {
    const picture = opened.page.getByRole('img', { name: 'Timeline: 4 series, 4 segments (model 2024)', exact: true });
    await expect(picture.count()).resolves.toBe(1);
    const box = await picture.boundingBox();
    expect(box !== null && box.width > 300 && box.height > 100).toBe(true);
    mkdirSync(screenshots, { recursive: true });
    await opened.page.screenshot({ path: join(screenshots, 'report-validate.png'), fullPage: true });
  });

  it('a finding links to its segment on the timeline, and the segment links back', async () => {
    const { page } = opened;
    const finding = page.locator('li[id^="f-"]').filter({ has: page.getByRole('link', { name: 'on the timeline' }) }).first();
    const findingId = await finding.getAttribute('id');
    await finding.getByRole('link', { name: 'on the timeline' }).click();
    const target = await page.evaluate(() => decodeURIComponent(location.hash.slice(1)));
    expect(target).toMatch(/^tl-s\d+-/);
    // The segment is drawn and visible where the link went.
    const bar = page.locator(`[id="${target}"]`);
    await expect(bar.count()).resolves.toBe(1);
    expect(await bar.boundingBox()).not.toBeNull();
    // Its mark links back to the finding.
    // One mark per bar of the segment (one bar per column it has on the picture).
    const back = page.locator(`svg a[href="#${findingId}"]`).first();
    await expect(back.count()).resolves.toBe(1);
    await back.dispatchEvent('click');
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${findingId}`);
    await expect(page.locator(`li[id="${findingId}"]`).isVisible()).resolves.toBe(true);
  });
});

describe.each(['2024', '2026'])('the %s reference shows the proposals’ timeline pictures', (model) => {
  const reference = useReference(join(ROOT, `docs/reference/${model}/index.html`));

  it('every picture of the Proposals guide loads, offline', async () => {
    const opened = reference();
    // A picture is named by its alt and its src; each section is scrolled through its 2026 half.
    const seen = await collectPictures(opened.page, {
      guide: 'Proposals: Option 1, Option 2, gap disclosure, supply mix',
      sections: ['Option 1: revise the segment in place', 'Option 2: keep the estimate beside the validated value', 'Separate segments per quality', 'Gap disclosure'],
      selector: 'img[alt^="Timeline of"]',
      key: (p) => `${p.alt} ${p.srcLength} ${p.srcHead.slice(26)}`,
      steps: 8,
    });
    expect([...seen.values()]).toEqual(Array(8).fill(true));
    expect(opened.foreignRequests).toEqual([]);
  });
});
