// Headless Debian Chromium driven by playwright-core, serving the rendered
// reference from a loopback HTTP server so that every request can be seen.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenedPage {
  page: Page;
  origin: string;
  consoleErrors: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Serves `htmlFile` at http://127.0.0.1:PORT/ and opens it in a fresh profile. */
export async function openPage(htmlFile: string): Promise<OpenedPage> {
  const html = readFileSync(htmlFile);
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  const profile = mkdtempSync(join(tmpdir(), 'cds-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  // Anything not from the page's own origin (or inline data) is a leak.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  return {
    page,
    origin,
    consoleErrors,
    foreignRequests,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a rendered reference once for the tests of the enclosing `describe`
 * and closes it after them; returns a getter for the opened page. With
 * `screenshots`, that folder is made ready for the tests' screenshots.
 */
export function useReference(htmlFile: string, screenshots?: string): () => OpenedPage {
  let opened: OpenedPage | undefined;
  beforeAll(async () => {
    expect(existsSync(htmlFile), 'run `npm run docs` first').toBe(true);
    if (screenshots !== undefined) mkdirSync(screenshots, { recursive: true });
    opened = await openPage(htmlFile);
    opened.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => opened?.close());
  return () => {
    if (opened === undefined) throw new Error('the reference is not open');
    return opened;
  };
}

/**
 * Opens one section of the reference the way a reader does, by its sidebar
 * link (Redoc 3 routes `#/<slug>`). Why not scroll: Redoc 3 renders a section
 * only when it comes near the viewport, so with long guides above it the
 * operation and the schemas are in the HTML but never laid out.
 */
export async function openSection(page: Page, slug: string): Promise<void> {
  await page.locator(`a[href="/${slug}"]`).first().click();
  await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toBe(`#/${slug}`);
}

/**
 * Opens the Schemas section from the sidebar, unfolds Redoc's "Show N more"
 * (it lists the first eight) and waits until every schema name is a link.
 */
export async function expectEverySchemaListed(page: Page, schemaNames: string[]): Promise<void> {
  await openSection(page, 'schemas');
  const more = page.getByText(/^Show \d+ more/).first();
  await more.waitFor();
  await more.click();
  await expect
    .poll(async () => {
      const links = (await page.locator('a').allInnerTexts()).map((t) => t.trim());
      return schemaNames.filter((name) => !links.includes(name));
    }, { timeout: 10_000 })
    .toEqual([]);
}

/** Opens the listing operation from the sidebar (tag, then operation) and waits for its title. */
export async function openListingOperation(page: Page, tagSlug: string, operationTitle: string): Promise<void> {
  await openSection(page, tagSlug);
  await page.locator(`a[href^="#/${tagSlug}/"]`).filter({ hasText: operationTitle }).first().click();
  await page.getByRole('heading', { name: operationTitle }).first().waitFor();
}

/** One sighting of a picture: its alt text, the length and first 400 characters of its src, and how it showed. */
export interface PictureSighting {
  alt: string;
  srcLength: number;
  srcHead: string;
  /** Decoded (an SVG that fails to parse does not decode), drawn with a size, and inline as a base64 SVG data URI. */
  ok: boolean;
}

/** How to walk through a guide of the reference collecting its pictures (see `collectPictures`). */
export interface PictureWalk {
  /** The guide's title in the sidebar, then the titles of its sections with pictures, in order. */
  guide: string;
  sections: string[];
  /** The pictures to collect, a CSS selector of `img` elements. */
  selector: string;
  /** What names one picture across sightings (Redoc draws a picture again when it comes back into view). */
  key: (picture: PictureSighting) => string;
  /** Scroll steps per section, fewer once `done` says so. */
  steps: number;
  done?: (seen: ReadonlyMap<string, boolean>) => boolean;
}

/**
 * Opens a guide of the rendered reference from the sidebar, then each of its
 * sections, scrolling through each (Redoc renders only what is near the
 * viewport) and collecting the pictures in view after every step. Returns
 * each picture's key and whether it was ok in every sighting.
 */
export async function collectPictures(page: Page, walk: PictureWalk): Promise<Map<string, boolean>> {
  const seen = new Map<string, boolean>();
  const collect = async () => {
    const found = await page.locator(walk.selector).evaluateAll((imgs) =>
      Promise.all(
        imgs.map(async (i) => {
          const img = i as HTMLImageElement;
          const decoded = await img.decode().then(
            () => true,
            () => false,
          );
          return { alt: img.alt, srcLength: img.src.length, srcHead: img.src.slice(0, 400), ok: decoded && img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml;base64,') };
        }),
      ),
    );
    for (const f of found) seen.set(walk.key(f), (seen.get(walk.key(f)) ?? true) && f.ok);
  };
  const menu = page.locator('.menu-content');
  await menu.getByText(walk.guide, { exact: true }).click();
  for (const section of walk.sections) {
    await menu.getByText(section, { exact: true }).first().click();
    await page.locator('h1, h2, h3').filter({ hasText: section }).first().waitFor({ state: 'visible' });
    for (let step = 0; step < walk.steps && !(walk.done?.(seen) ?? false); step++) {
      await page.waitForTimeout(250);
      await collect();
      await page.mouse.move(900, 500);
      await page.mouse.wheel(0, 700);
    }
  }
  return seen;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Redoc's example picker: a button labelled with the summary of the example now shown. */
export function examplePicker(page: Page, summaries: string[]): Locator {
  return page.getByRole('button').filter({ hasText: new RegExp(`^(${summaries.map(escapeRegExp).join('|')})$`) }).first();
}
