/**
 * A streaming reader of Green Button (ESPI) Atom feeds and batches, on
 * saxes (strict XML 1.0, namespaces, no DTD processing and no entity
 * expansion: a DOCTYPE is refused before anything else is read). It never
 * builds a DOM: entries are read one at a time, small resources
 * (UsagePoint, MeterReading, ReadingType, LocalTimeParameters) keep their
 * leaf fields, and an IntervalBlock's readings go straight into parallel
 * number arrays, so memory grows with the number of readings kept, not
 * with the size of the XML.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Notes } from './notes.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ESPI_NS = 'http://naesb.org/espi';

/** The input cannot be read as an ESPI feed at all (malformed XML, a DTD, not Atom): nothing is imported. */
export class EspiInputError extends Error {}

/** What an Atom entry says about itself. */
export interface EntryMeta {
  /** 1-based position among the feed's entries (the report's paths use it). */
  readonly index: number;
  id?: string;
  self?: string;
  up?: string;
  readonly related: string[];
  published?: string;
  updated?: string;
}

/** A small ESPI resource: its leaf fields by path below the resource element (`ServiceCategory/kind`). */
export interface Resource {
  readonly kind: 'UsagePoint' | 'MeterReading' | 'ReadingType' | 'LocalTimeParameters';
  readonly meta: EntryMeta;
  readonly fields: Map<string, string>;
}

/** Readings per chunk of the store (a power of two). */
const CHUNK_BITS = 15;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** One chunk of the store's columns. */
interface Chunk {
  readonly starts: Float64Array;
  readonly durations: Int32Array;
  readonly values: Float64Array;
  readonly costs: Float64Array;
  readonly qualities: Int32Array;
}

/**
 * Every kept reading of the feed, in reading order, as parallel typed
 * arrays in fixed-size chunks (32 bytes a reading, whatever the XML around
 * it; growing never copies). A block's readings are one contiguous range
 * (`Block.first`, `count`); a superseded publication's range stays unused.
 */
export class ReadingStore {
  length = 0;
  private readonly chunks: Chunk[] = [];

  push(start: number, duration: number, value: number, cost: number, quality: number): void {
    const i = this.length++;
    if ((i & MASK) === 0) {
      this.chunks.push({ starts: new Float64Array(CHUNK), durations: new Int32Array(CHUNK), values: new Float64Array(CHUNK), costs: new Float64Array(CHUNK), qualities: new Int32Array(CHUNK) });
    }
    const c = this.chunks[i >>> CHUNK_BITS]!;
    const j = i & MASK;
    c.starts[j] = start;
    c.durations[j] = duration;
    c.values[j] = value;
    c.costs[j] = cost;
    c.qualities[j] = quality;
  }

  /** Seconds since 1970 UTC. */
  start(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.starts[i & MASK]!;
  }
  duration(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.durations[i & MASK]!;
  }
  /** As published (before the multiplier). */
  value(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.values[i & MASK]!;
  }
  /** Hundred-thousandths of the currency; NaN: no cost. */
  cost(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.costs[i & MASK]!;
  }
  /** -1: no ReadingQuality; else an index into `ParsedFeed.qualityKeys`. */
  quality(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]!.qualities[i & MASK]!;
  }
}

/** One IntervalBlock publication: its readings are `store[first … first + count)`. */
export interface Block {
  readonly meta: EntryMeta;
  /** The block's identity: its self href, or `#entry-N` without one. */
  readonly key: string;
  intervalStart?: number;
  intervalDuration?: number;
  readonly first: number;
  count: number;
}

export interface ParsedFeed {
  readonly feedUpdated?: string;
  readonly entries: number;
  readonly resources: Resource[];
  /** Current publication of each block, in first-publication order. */
  readonly blocks: Map<string, Block>;
  readonly store: ReadingStore;
  /** Quality code lists ("8" or "8,7"), interned. */
  readonly qualityKeys: string[];
  /** Every IntervalReading element met, kept or not. */
  readonly readingsIn: number;
  readonly notes: Notes;
}

const SMALL_KINDS = new Set(['UsagePoint', 'MeterReading', 'ReadingType', 'LocalTimeParameters']);
/** Resources of the ESPI schema this importer does not carry into usage segments (reported once per kind). */
const INTEGER = /^-?\d+$/;
/** 9999-12-31T23:59:59Z: the last instant RFC 3339 can write. */
const MAX_EPOCH = 253402300799;
/** A reading longer than a leap year is not an interval reading this importer believes. */
const MAX_DURATION = 366 * 86400;

/** A reading's time fields as read, before they are checked. */
interface PendingReading {
  start?: string;
  duration?: string;
  value?: string;
  cost?: string;
  /** The codes of its ReadingQuality elements; undefined when it has none (most readings). */
  quality?: string[];
  index: number;
}

/**
 * A copy of `s` that does not keep the parser's input alive: V8 cuts short
 * strings out of the chunk they were parsed from (a sliced string holds the
 * whole 64 KB chunk), so a kept href or time per block would keep the whole
 * feed in memory. Concatenating flattens into a fresh string of its own.
 */
function own(s: string): string {
  return (' ' + s).slice(1);
}

function readingPath(entry: number, reading: number): string {
  return `/feed/entry[${entry}]/content/IntervalBlock/IntervalReading[${reading}]`;
}

export function entryPath(entry: number): string {
  return `/feed/entry[${entry}]`;
}

/** Why a time field is refused, or undefined when it is a usable whole number of seconds. */
/**
 * A whole number written in decimal digits (optional '-', blanks around it
 * allowed), or NaN for anything else ("1.5", "1e3", "0x10", "", beyond
 * 2^53). One pass over the characters: this runs for every field of every
 * reading.
 */
export function parseWhole(text: string): number {
  let i = 0;
  let end = text.length;
  while (i < end && text.charCodeAt(i) <= 32) i++;
  while (end > i && text.charCodeAt(end - 1) <= 32) end--;
  const negative = i < end && text.charCodeAt(i) === 45;
  if (negative) i++;
  if (i === end) return NaN;
  let n = 0;
  for (let k = i; k < end; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  if (!Number.isSafeInteger(n)) return NaN;
  return negative ? -n : n;
}

function timeProblem(text: string | undefined, n: number, what: string, max: number, min: number): string | undefined {
  if (text === undefined) return `no ${what}`;
  if (Number.isNaN(n)) return `${what} ${JSON.stringify(text.trim())} is not a whole number of seconds`;
  if (n < min || n > max) return `${what} ${n} is outside ${min}…${max}`;
  return undefined;
}

/**
 * The reader: `write` chunks of text as they arrive, then `close`. Throws
 * `EspiInputError` when the input is not well-formed XML, declares a DTD or
 * is not an Atom feed or entry; everything else is a note.
 */
export class EspiReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly notes = new Notes();
  private readonly resources: Resource[] = [];
  private readonly blocks = new Map<string, Block>();
  private readonly store = new ReadingStore();
  private readonly qualityKeys: string[] = [];
  private readonly qualityIndex = new Map<string, number>();
  private readonly ignoredKinds = new Map<string, number[]>();
  /** Blocks published more than once: entry index and reading count of each publication. */
  private readonly revisions = new Map<string, { entries: number[]; counts: number[] }>();
  private readonly stack: string[] = [];
  private text = '';
  private rootSeen = false;
  private entryDepth = 0;
  private entries = 0;
  private readingsIn = 0;
  private feedUpdated: string | undefined;
  // The entry being read.
  private meta: EntryMeta | undefined;
  private contentDepth = 0;
  private resourceDepth = 0;
  private small: Resource | undefined;
  private block: Block | undefined;
  private blockReadings = 0;
  private outside = 0;
  private reading: PendingReading | undefined;
  private contentHasElement = false;

  constructor() {
    const p = this.parser;
    p.on('doctype', () => {
      throw new EspiInputError(`a DOCTYPE at line ${p.line}: DTDs are refused (no DTD processing, no entity expansion, no external fetches)`);
    });
    p.on('opentag', (tag) => this.open(tag as SaxesTagNS));
    p.on('closetag', (tag) => this.close(tag as SaxesTagNS));
    p.on('text', (t) => void (this.text += t));
    p.on('cdata', (t) => void (this.text += t));
  }

  /** Feed the next piece of the document. */
  write(chunk: string): void {
    try {
      this.parser.write(chunk);
    } catch (e) {
      throw this.inputError(e);
    }
  }

  /** The end of the document: what was read. */
  end(): ParsedFeed {
    try {
      this.parser.close();
    } catch (e) {
      throw this.inputError(e);
    }
    if (!this.rootSeen) throw new EspiInputError('no root element: the input is empty');
    for (const [key, r] of this.revisions) {
      const superseded = r.counts.slice(0, -1).reduce((a, b) => a + b, 0);
      this.notes.revision(
        entryPath(r.entries.at(-1)!),
        `block ${key} is published ${r.entries.length} times (entries ${r.entries.join(', ')}; ${r.counts.join(', ')} readings): a revision in place; the last publication is carried, the ${superseded} readings of the earlier ones are superseded`,
        superseded,
      );
    }
    for (const [kind, indexes] of this.ignoredKinds) {
      this.notes.warn('not-carried', entryPath(indexes[0]!), `${indexes.length} ${kind} ${indexes.length === 1 ? 'entry' : 'entries'} (first at entry ${indexes[0]}): no usage-segment counterpart; not carried`);
    }
    if (this.entries === 0) this.notes.error('empty-feed', '/feed', 'the feed has no entry: nothing to import');
    else if (this.readingsIn === 0) this.notes.warn('no-readings', '/feed', 'the feed has no IntervalReading: the page has no segment');
    return {
      feedUpdated: this.feedUpdated,
      entries: this.entries,
      resources: this.resources,
      blocks: this.blocks,
      store: this.store,
      qualityKeys: this.qualityKeys,
      readingsIn: this.readingsIn,
      notes: this.notes,
    };
  }

  private inputError(e: unknown): EspiInputError {
    if (e instanceof EspiInputError) return e;
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    return new EspiInputError(`not well-formed XML: ${message}`);
  }

  private open(tag: SaxesTagNS): void {
    this.text = '';
    const depth = this.stack.push(tag.local);
    if (!this.rootSeen) {
      this.rootSeen = true;
      if (tag.uri !== ATOM_NS || (tag.local !== 'feed' && tag.local !== 'entry')) {
        throw new EspiInputError(
          `the root element is <${tag.name}>${tag.uri === '' ? '' : ` in ${tag.uri}`}, not an Atom <feed> or <entry> (${ATOM_NS}): not a Green Button (ESPI) document`,
        );
      }
      this.entryDepth = tag.local === 'entry' ? 1 : 2;
      if (tag.local === 'feed') return;
    }
    if (depth === this.entryDepth && tag.local === 'entry' && tag.uri === ATOM_NS) {
      this.entries += 1;
      this.meta = { index: this.entries, related: [] };
      return;
    }
    const meta = this.meta;
    if (meta === undefined) return;
    if (depth === this.entryDepth + 1) {
      if (tag.local === 'link' && tag.uri === ATOM_NS) this.link(meta, tag);
      else if (tag.local === 'content' && tag.uri === ATOM_NS) {
        this.contentDepth = depth;
        this.contentHasElement = false;
      }
      return;
    }
    if (this.contentDepth === 0) return;
    if (depth === this.contentDepth + 1) {
      this.contentHasElement = true;
      this.startResource(meta, tag, depth);
      return;
    }
    if (this.block !== undefined && tag.local === 'IntervalReading' && depth === this.resourceDepth + 1) {
      this.blockReadings += 1;
      this.readingsIn += 1;
      this.reading = { index: this.blockReadings };
    }
  }

  private link(meta: EntryMeta, tag: SaxesTagNS): void {
    const value = tag.attributes.href?.value;
    if (value === undefined) return;
    const href = own(value);
    const rel = tag.attributes.rel?.value ?? 'alternate';
    if (rel === 'self') meta.self = href;
    else if (rel === 'up') meta.up = href;
    else if (rel === 'related') meta.related.push(href);
  }

  private startResource(meta: EntryMeta, tag: SaxesTagNS, depth: number): void {
    this.resourceDepth = depth;
    if (tag.uri !== ESPI_NS) {
      this.notes.error('bad-entry', `${entryPath(meta.index)}/content`, `<${tag.name}> is not an ESPI element (${ESPI_NS}); the entry is not imported`);
      return;
    }
    if (tag.local === 'IntervalBlock') {
      this.block = { meta, key: meta.self ?? `#entry-${meta.index}`, first: this.store.length, count: 0 };
      this.blockReadings = 0;
      this.outside = 0;
    } else if (SMALL_KINDS.has(tag.local)) {
      this.small = { kind: tag.local as Resource['kind'], meta, fields: new Map() };
    } else {
      const seen = this.ignoredKinds.get(tag.local);
      if (seen === undefined) this.ignoredKinds.set(tag.local, [meta.index]);
      else seen.push(meta.index);
    }
  }

  private close(tag: SaxesTagNS): void {
    const depth = this.stack.length;
    const name = tag.local;
    const text = this.text;
    this.text = '';
    this.stack.pop();
    const meta = this.meta;
    if (meta === undefined) {
      if (depth === 2 && name === 'updated' && tag.uri === ATOM_NS) this.feedUpdated = own(text.trim());
      return;
    }
    if (depth === this.entryDepth && name === 'entry') {
      this.endEntry(meta);
      return;
    }
    if (depth === this.entryDepth + 1) {
      if (tag.uri !== ATOM_NS) return;
      if (name === 'id') meta.id = own(text.trim());
      else if (name === 'published') meta.published = own(text.trim());
      else if (name === 'updated') meta.updated = own(text.trim());
      else if (name === 'content') {
        this.contentDepth = 0;
        if (!this.contentHasElement && text.trim() !== '') {
          this.notes.error('bad-entry', `${entryPath(meta.index)}/content`, `the content is text (${JSON.stringify(text.trim().slice(0, 40))}), not an ESPI resource; the entry is not imported`);
        }
      }
      return;
    }
    if (this.contentDepth === 0) return;
    if (depth === this.contentDepth) return;
    if (depth === this.contentDepth + 1) {
      this.endResource(meta);
      return;
    }
    if (this.block !== undefined) this.closeInBlock(name, text, depth);
    else if (this.small !== undefined) {
      const t = text.trim();
      if (t !== '') this.small.fields.set(this.stack.slice(this.resourceDepth).concat(name).join('/'), own(t));
    }
  }

  private closeInBlock(name: string, text: string, depth: number): void {
    const parent = this.stack[depth - 2];
    const r = this.reading;
    if (r !== undefined) {
      if (name === 'IntervalReading' && depth === this.resourceDepth + 1) {
        this.endReading(r);
        this.reading = undefined;
      } else if (parent === 'timePeriod') {
        if (name === 'start') r.start = text;
        else if (name === 'duration') r.duration = text;
      } else if (parent === 'IntervalReading') {
        if (name === 'value') r.value = text;
        else if (name === 'cost') r.cost = text;
      } else if (parent === 'ReadingQuality' && name === 'quality') (r.quality ??= []).push(text.trim());
      return;
    }
    if (parent === 'interval' && depth === this.resourceDepth + 2) {
      const block = this.block!;
      const t = text.trim();
      if (name === 'start' && INTEGER.test(t)) block.intervalStart = Number(t);
      else if (name === 'duration' && INTEGER.test(t)) block.intervalDuration = Number(t);
    }
  }

  private endReading(r: PendingReading): void {
    const block = this.block!;
    const start = r.start === undefined ? NaN : parseWhole(r.start);
    const duration = r.duration === undefined ? NaN : parseWhole(r.duration);
    const value = r.value === undefined ? NaN : parseWhole(r.value);
    const problem =
      timeProblem(r.start, start, 'timePeriod start', MAX_EPOCH, 0) ??
      timeProblem(r.duration, duration, 'timePeriod duration', MAX_DURATION, 1) ??
      (r.value === undefined ? 'no value' : Number.isNaN(value) ? `value ${JSON.stringify(r.value.trim())} is not a whole number (xs:long) this importer can carry exactly` : undefined);
    if (problem !== undefined) {
      this.notes.loss('bad-reading', readingPath(block.meta.index, r.index), `${problem}; the reading is not carried`, 1);
      return;
    }
    let cost = NaN;
    if (r.cost !== undefined) {
      cost = parseWhole(r.cost);
      if (Number.isNaN(cost)) this.notes.warn('bad-cost', readingPath(block.meta.index, r.index), `cost ${JSON.stringify(r.cost.trim())} is not a whole number of hundred-thousandths; the reading is carried without its cost`);
    }
    const q = r.quality;
    this.store.push(start, duration, value, cost, q === undefined ? -1 : this.internQuality(q.length === 1 ? q[0]! : q.join(',')));
    block.count += 1;
    const { intervalStart: s, intervalDuration: d } = block;
    if (s !== undefined && d !== undefined && (start < s || start + duration > s + d)) {
      this.outside += 1;
      if (this.outside === 1) this.firstOutside = readingPath(block.meta.index, r.index);
    }
  }

  private firstOutside = '';

  private internQuality(key: string): number {
    let i = this.qualityIndex.get(key);
    if (i === undefined) {
      key = own(key);
      i = this.qualityKeys.push(key) - 1;
      this.qualityIndex.set(key, i);
    }
    return i;
  }

  private endResource(meta: EntryMeta): void {
    if (this.block !== undefined) {
      const block = this.block;
      this.block = undefined;
      if (this.outside > 0) {
        this.notes.warn(
          'outside-block',
          this.firstOutside,
          `${this.outside} of ${block.count} readings of block ${block.key} lie outside the block's interval [${block.intervalStart}, ${block.intervalStart! + block.intervalDuration!}); kept at their own times`,
        );
      }
      const earlier = this.blocks.get(block.key);
      if (earlier !== undefined) {
        const r = this.revisions.get(block.key);
        if (r === undefined) this.revisions.set(block.key, { entries: [earlier.meta.index, meta.index], counts: [earlier.count, block.count] });
        else {
          r.entries.push(meta.index);
          r.counts.push(block.count);
        }
        this.blocks.delete(block.key);
      }
      this.blocks.set(block.key, block);
    } else if (this.small !== undefined) {
      this.resources.push(this.small);
      this.small = undefined;
    }
  }

  private endEntry(meta: EntryMeta): void {
    this.meta = undefined;
    this.contentDepth = 0;
    void meta;
  }
}

/** Read a whole document given as one string. */
export function readEspiText(text: string): ParsedFeed {
  const reader = new EspiReader();
  reader.write(text);
  return reader.end();
}

/** Read a document from chunks of UTF-8 bytes (or strings) as they arrive. */
export async function readEspiStream(chunks: AsyncIterable<Uint8Array | string>): Promise<ParsedFeed> {
  const reader = new EspiReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) reader.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    reader.write(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError) throw new EspiInputError('not valid UTF-8');
    throw e;
  }
  return reader.end();
}
