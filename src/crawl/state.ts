/**
 * What the parts of a crawl share: the findings (redacted, capped), the
 * crawl's state and bounds, and what the crawler keeps of each segment.
 */
import { getCrawlCode, type CrawlLevel } from './codes.js';
import type { Fetcher } from './fetcher.js';
import type { TimelineEntry } from '../validate.js';
import type { ValidationResult } from '../problems.js';
import type { Model } from '../registry.js';
import type { Instant } from '../time.js';

/** A page of the main walk as the checker saw it, for a caller that keeps pages (the conformance report); `url` redacted. */
export interface CheckedPage {
  readonly number: number;
  readonly url: string;
  readonly doc: Record<string, unknown>;
  readonly result: ValidationResult;
  readonly timeline: readonly TimelineEntry[];
}

/** `--model` of the crawl: `auto` or a registered model (src/models/registry.ts). */
export type CrawlModel = 'auto' | Model;

export interface CrawlFinding {
  readonly code: string;
  readonly level: CrawlLevel;
  readonly url: string;
  readonly message: string;
  /** JSON Pointer into the page, for document problems. */
  readonly path?: string;
}

/** Findings listed in a report; the rest are counted (by level) and summed up by one `findings-omitted` finding. */
export const MAX_FINDINGS = 1000;

/**
 * What the crawler keeps of each segment: ids and times, no values. Times are
 * exact instants (every digit of the fraction, as the checker reads them), so
 * an order or filter error below a millisecond is seen too; null when the
 * member is not an RFC 3339 date-time.
 */
export interface Summary {
  readonly id: string;
  readonly page: number;
  readonly start: Instant | null;
  readonly end: Instant | null;
  readonly startRaw: string;
  readonly endRaw: string;
  readonly modified: Instant | null;
  readonly refs: Readonly<Record<RefField, readonly string[]>>;
}

export const REF_FIELDS = ['related_aggregations', 'related_accounts', 'related_servicecontracts', 'related_servicepoints', 'related_meterdevices', 'related_billsections'] as const;
export type RefField = (typeof REF_FIELDS)[number];

export class Findings {
  readonly list: CrawlFinding[] = [];
  omitted = 0;
  /** Of the omitted findings, the errors (they still make the crawl fail). */
  omittedErrors = 0;
  readonly counts = new Map<string, number>();
  constructor(private readonly redact: (s: string) => string) {}
  add(code: string, url: string, message: string, level?: CrawlLevel, path?: string): void {
    const lvl = level ?? getCrawlCode(code)?.level ?? 'error';
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (this.list.length >= MAX_FINDINGS) {
      this.omitted++;
      if (lvl === 'error') this.omittedErrors++;
      return;
    }
    const f: CrawlFinding = { code, level: lvl, url: this.redact(url), message: this.redact(message), ...(path === undefined ? {} : { path }) };
    this.list.push(f);
  }
  /** Add the findings another collector made (one kept aside while a request ran), in their order; they are redacted here. */
  absorb(other: Findings): void {
    const listed = new Map<string, number>();
    for (const f of other.list) {
      this.add(f.code, f.url, f.message, f.level, f.path);
      listed.set(f.code, (listed.get(f.code) ?? 0) + 1);
    }
    // Findings the other collector only counted stay counted.
    for (const [code, n] of other.counts) {
      const more = n - (listed.get(code) ?? 0);
      if (more > 0) {
        this.counts.set(code, (this.counts.get(code) ?? 0) + more);
        this.omitted += more;
      }
    }
    this.omittedErrors += other.omittedErrors;
  }
  has(code: string): boolean {
    return (this.counts.get(code) ?? 0) > 0;
  }
}

/** Where the crawl's Server Metadata comes from: a URL to fetch, or the document given. */
export type MetadataSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'given'; readonly metadata: Record<string, unknown> }
  /** Not told: the model's well-known path on the listing's origin (a decision, see metadata.ts). */
  | { readonly kind: 'well-known'; readonly listingUrl: string };

export interface State {
  readonly fetcher: Fetcher;
  readonly findings: Findings;
  readonly deadline: number;
  readonly maxPages: number;
  readonly requestBudget: number;
  readonly progress: (line: string) => void;
  /** Each checked page of the main walk (absent: nobody keeps them). */
  readonly onPage?: (page: CheckedPage) => void;
  /** The crawl's model: forced by `--model`, else that of the first page with a segment; `unknown` until then. */
  model: Model | 'unknown';
  readonly modelOption: CrawlModel;
  /** What the checker's timeline rules read of each listed segment, in listing order (`keepTimeline`). */
  readonly timeline: TimelineEntry[];
  /** The page of each timeline entry. */
  readonly timelinePages: number[];
  /** The Server Metadata the checker gets (models whose Server publishes one), or null. */
  serverMetadata: Record<string, unknown> | null;
  /** The Server Metadata was looked for (once per crawl). */
  metadataRead: boolean;
  /** Where the Server Metadata comes from. */
  readonly metadata: MetadataSource;
  timelineOverflow: boolean;
  /** Checker problems per page already reported: `${code} ${segmentId} ${page}` (to tell cross-page timeline problems apart). */
  readonly pageProblemKeys: Set<string>;
  readonly skipped: Map<string, string>;
}

export function preview(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map((i) => JSON.stringify(i));
  return ids.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}
