// The guides in the rendered reference (npm run docs), in Debian Chromium:
// each guide is a section of the sidebar, every guide example and every
// command output of the proposals page is on the page as a code block equal
// to its source, and nothing is requested outside the page.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionsOf, runCli } from '../../scripts/lib/doc-blocks.mjs';
import { openPage, type OpenedPage } from './browser.js';
import { ROOT } from '../helpers/paths.js';

const html = join(ROOT, 'docs/reference/2024/index.html');
const screenshots = join(ROOT, 'test-output/screenshots');

const GUIDES = [
  { label: 'Guide: reading a usage segment', file: 'docs/guide-reading-a-segment.md', section: '1. Timing: where each value set sits' },
  { label: 'Proposals: Option 1, Option 2, gap disclosure, supply mix', file: 'docs/proposals.md', section: 'At a glance' },
  { label: 'Traceability: statements to checks', file: 'docs/traceability.md', section: 'The segment object' },
  { label: 'Guide: moving from 2024 to 2026', file: 'docs/migrating-2024-to-2026.md', section: 'Field by field' },
  { label: 'Guide: from Green Button (ESPI) to CDS', file: 'docs/guide-green-button.md', section: 'The mapping table' },
];

const guideExamples = readdirSync(join(ROOT, 'docs/examples'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, document: JSON.parse(readFileSync(join(ROOT, 'docs/examples', f), 'utf8')) as unknown }));
const proposals = readFileSync(join(ROOT, 'docs/proposals.md'), 'utf8');
const shownJson = regionsOf(proposals).filter((r) => r.kind === 'example').map((r) => r.arg);
const commands = regionsOf(proposals).filter((r) => r.kind === 'cli').map((r) => r.arg);

/** A rendered heading by its text (its accessible name also holds the deep-link label). */
const heading = (page: OpenedPage['page'], text: string) => page.locator('h1, h2, h3').filter({ hasText: text });

const sectionsOf = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^## (.*)$/gm)].map((m) => m[1]!);

interface Seen {
  blocks: Set<string>;
  headings: Set<string>;
  firstCells: Set<string>;
}

/**
 * Redoc renders only the sections near the viewport, so each guide is read
 * section by section: open the guide from the sidebar, then each of its
 * second-level headings, collecting what is rendered.
 */
async function readGuides(opened: OpenedPage): Promise<Seen> {
  const { page } = opened;
  const seen: Seen = { blocks: new Set(), headings: new Set(), firstCells: new Set() };
  // Wait until the rendered content stops changing (Redoc fills sections in asynchronously).
  const settle = async () => {
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const n = await page.locator('pre, h1, h2, h3, td').count();
      if (n === last) return;
      last = n;
      await page.waitForTimeout(150);
    }
  };
  const collect = async () => {
    await settle();
    for (const t of await page.locator('pre').allInnerTexts()) seen.blocks.add(t);
    for (const t of await page.locator('h1, h2, h3').allInnerTexts()) if (t.trim()) seen.headings.add(t.trim());
    for (const t of await page.locator('td:first-child').allInnerTexts()) seen.firstCells.add(t.trim());
  };
  const menu = page.locator('.menu-content');
  for (const guide of GUIDES) {
    await menu.getByText(guide.label, { exact: true }).click();
    for (const section of sectionsOf(guide.file)) {
      await menu.getByText(section, { exact: true }).first().click();
      await heading(page, section).first().waitFor({ state: 'visible' });
      await collect();
    }
  }
  return seen;
}
function parsesTo(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('guides in the rendered reference', () => {
  let opened: OpenedPage;
  let seen: Seen;
  let blocks: string[];

  beforeAll(async () => {
    expect(existsSync(html), 'run `npm run docs` first').toBe(true);
    mkdirSync(screenshots, { recursive: true });
    opened = await openPage(html);
    opened.page.setDefaultTimeout(15_000);
    seen = await readGuides(opened);
    blocks = [...seen.blocks];
  });
  afterAll(async () => opened?.close());

  it('groups the guides in the sidebar before the API', async () => {
    const menu = await opened.page.locator('.menu-content').first().innerText();
    const at = (s: string) => menu.indexOf(s);
    expect(at('Guides')).toBeGreaterThanOrEqual(0);
    for (const g of GUIDES) expect(at(g.label), g.label).toBeGreaterThan(at('Guides'));
    expect(menu.indexOf('\nUsage Segments', at(GUIDES[2]!.label))).toBeGreaterThan(at(GUIDES[2]!.label));
  });

  for (const guide of GUIDES) {
    it(`renders every section of “${guide.label}”, without repeating the file's own title`, () => {
      expect(seen.headings.has(guide.label), guide.label).toBe(true);
      const sections = sectionsOf(guide.file);
      expect(sections.length).toBeGreaterThan(2);
      expect(sections.filter((s) => !seen.headings.has(s))).toEqual([]);
      // The file's first-level title is dropped by the cds/guide-descriptions decorator: the tag is the heading.
      const title = /^# (.*)$/m.exec(readFileSync(join(ROOT, guide.file), 'utf8'))![1]!;
      expect(seen.headings.has(title), title).toBe(false);
    });
  }

  it('shows every guide example as a code block equal to its file', () => {
    const parsed = blocks.map(parsesTo);
    const missing = guideExamples.filter((ex) => !parsed.some((p) => JSON.stringify(p) === JSON.stringify(ex.document))).map((ex) => ex.file);
    expect(guideExamples.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('shows the meeting’s examples and the checker’s output on the proposals page', () => {
    const parsed = blocks.map(parsesTo);
    for (const file of shownJson) {
      const content = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      expect(parsed.some((p) => JSON.stringify(p) === JSON.stringify(content)), file).toBe(true);
    }
    for (const args of commands) {
      const block = blocks.find((b) => b.startsWith(`$ cds-usage-segments ${args}\n`));
      expect(block, args).toBeDefined();
      // The rendered output is the CLI's output now.
      const { stdout } = runCli(ROOT, args.split(' '));
      const rendered = block!.slice(block!.indexOf('\n') + 1).trim();
      if (args.includes('--json')) expect(JSON.parse(rendered)).toEqual(JSON.parse(stdout));
      else expect(rendered).toBe(stdout.trim());
    }
  });

  it('renders the traceability table with a row per statement', () => {
    const ids = [...readFileSync(join(ROOT, 'docs/traceability.md'), 'utf8').matchAll(/^\| ([A-Z]\d+) \|/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(30);
    expect(ids.filter((id) => !seen.firstCells.has(id))).toEqual([]);
  });

  it('saves screenshots of the guide and of the Option 1 / Option 2 comparison', async () => {
    const { page } = opened;
    const menu = page.locator('.menu-content');
    await menu.getByText(GUIDES[0]!.label, { exact: true }).click();
    await menu.getByText('1. Timing: where each value set sits', { exact: true }).click();
    await heading(page, '1. Timing: where each value set sits').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: join(screenshots, 'guide-reading-a-segment.png') });
    await menu.getByText(GUIDES[1]!.label, { exact: true }).click();
    await menu.getByText('At a glance', { exact: true }).click();
    await heading(page, 'At a glance').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: join(screenshots, 'proposals-comparison.png') });
    await menu.getByText('Option 1: revise the segment in place', { exact: true }).click();
    await heading(page, 'Option 1: revise the segment in place').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: join(screenshots, 'proposals-option1.png') });
    for (const f of ['guide-reading-a-segment.png', 'proposals-comparison.png', 'proposals-option1.png']) expect(existsSync(join(screenshots, f)), f).toBe(true);
  });

  it('logs no console error and requests nothing outside the page', () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
  });
});
