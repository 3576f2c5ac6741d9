/**
 * Green Button (ESPI) import: read a feed or batch as a stream (`read.ts`),
 * build a 2026 listing page by the mapping table (`build.ts`,
 * `mapping.ts`), and, for `to: '2024'`, convert it with the package's
 * converter. The result accounts for every reading: readings in = readings
 * in the page + readings counted in the notes.
 */
import { convert } from '../convert/convert.js';
import type { Assumption as ConvertAssumption, Loss as ConvertLoss } from '../convert/notes.js';
import type { Model } from '../registry.js';
import { buildPage, segmentObject, valueSetsJson, type BuildOptions, type BuildResult, type EspiAssumption } from './build.js';
import type { EspiNote } from './notes.js';
import { readEspiStream, readEspiText, type ParsedFeed } from './read.js';

export interface EspiImportOptions extends BuildOptions {
  /** The page's model: 2026 (default) or 2024 (through `convert`). */
  readonly to?: Model;
}

type Page = { usage_segments: unknown[]; next: null; previous: null } & Record<string, unknown>;

export interface EspiImportResult {
  readonly to: Model;
  /** The listing page in the target model (2026: made on first access, from the compact readings). */
  readonly document: Page;
  /** Number of segments of the page. */
  readonly segments: number;
  /** Write the page as JSON text piece by piece (one value set at a time for 2026), never holding it whole. */
  writePage(write: (text: string) => void): void;
  /** IntervalReading elements read; in the page; counted in notes (not carried or superseded). in = out + accounted. */
  readonly readings: { readonly in: number; readonly out: number; readonly accounted: number };
  /** Losses and remarks about the input, each with its path into the ESPI document. */
  readonly notes: readonly EspiNote[];
  /** Values the page needed and the feed did not give, with a pointer into the 2026 page. */
  readonly assumptions: readonly EspiAssumption[];
  /** For `to: '2024'`: what the 2026 → 2024 conversion lost or assumed (pointers into the 2026 page / the 2024 page). */
  readonly conversion: { readonly losses: readonly ConvertLoss[]; readonly assumptions: readonly ConvertAssumption[] } | null;
  /** Number of error-level notes (readings not carried, entries refused, an empty feed). */
  readonly errors: number;
}

function finish(feed: ParsedFeed, options: EspiImportOptions): EspiImportResult {
  const to = options.to ?? '2026';
  const built = buildPage(feed, feed.notes, options);
  const notes = feed.notes.list;
  const accounted = notes.reduce((n, x) => n + x.readings, 0);
  if (feed.readingsIn !== built.readingsOut + accounted) {
    // A bug, never the input's fault: say so rather than hand out a page that silently lacks readings.
    feed.notes.error('internal', '/feed', `readings do not add up: ${feed.readingsIn} read, ${built.readingsOut} in the page, ${accounted} accounted for`);
  }
  let conversion: EspiImportResult['conversion'] = null;
  let page: Page | undefined;
  const page2026 = (): Page => ({ usage_segments: built.segments.map((seg) => segmentObject(built.store, seg)), next: null, previous: null });
  // The page is written in 2026; any other model the converter handles is reached by converting it.
  if (to !== '2026') {
    const c = convert(page2026(), to);
    page = c.document as Page;
    conversion = { losses: c.losses, assumptions: c.assumptions };
  }
  return {
    to,
    get document(): Page {
      return (page ??= page2026());
    },
    segments: built.segments.length,
    writePage(write) {
      if (page !== undefined) write(JSON.stringify(page) + '\n');
      else writeCompact(built, write);
    },
    readings: { in: feed.readingsIn, out: built.readingsOut, accounted },
    notes,
    assumptions: built.assumptions,
    conversion,
    errors: notes.filter((n) => n.level === 'error').length,
  };
}

/** The 2026 page as JSON, one segment a line, its value sets written as they are made. */
function writeCompact(built: BuildResult, write: (text: string) => void): void {
  write('{"usage_segments":[');
  built.segments.forEach((seg, k) => {
    const head = JSON.stringify({ ...seg.header, values: [] });
    write(`${k === 0 ? '' : ','}\n${head.slice(0, -2)}`);
    for (const text of valueSetsJson(built.store, seg.run)) write(text);
    write(']}');
  });
  write('\n],"next":null,"previous":null}\n');
}

/** Import a whole ESPI document given as text. Throws `EspiInputError` when it is not well-formed XML, has a DTD, or is not an Atom feed or entry. */
export function importEspi(text: string, options: EspiImportOptions = {}): EspiImportResult {
  return finish(readEspiText(text), options);
}

/** Import an ESPI document from a stream of UTF-8 chunks (for example `fs.createReadStream(file)`), reading it as it arrives. */
export async function importEspiStream(chunks: AsyncIterable<Uint8Array | string>, options: EspiImportOptions = {}): Promise<EspiImportResult> {
  return finish(await readEspiStream(chunks), options);
}
