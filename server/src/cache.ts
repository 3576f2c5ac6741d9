import type { Db } from './db.js';

/**
 * Rendered pages, reused while the data is unchanged. The key is the token's
 * accounts and the query string; the whole cache is dropped as soon as the
 * database changes — a commit by another connection (`PRAGMA data_version`,
 * e.g. an `import` run while serving) or by this one (`total_changes()`) —
 * so a cached page is always the page the query would give now. Bounded in
 * entries and bytes; least recently used entries go first.
 */
export class PageCache {
  private readonly pages = new Map<string, Buffer>();
  private bytes = 0;
  private version = '';
  private readonly versionOf: () => string;

  constructor(
    db: Db,
    private readonly maxEntries = 512,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    const changes = db.prepare('SELECT total_changes()').pluck();
    this.versionOf = () => `${String(dataVersion.get())} ${String(changes.get())}`;
  }

  /** The cached page, or undefined; checks first that the data has not changed. */
  get(key: string): Buffer | undefined {
    const now = this.versionOf();
    if (now !== this.version) {
      this.pages.clear();
      this.bytes = 0;
      this.version = now;
      return undefined;
    }
    const page = this.pages.get(key);
    if (page !== undefined) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: Buffer): void {
    if (page.length > this.maxBytes / 8) return;
    this.pages.set(key, page);
    this.bytes += page.length;
    for (const [k, v] of this.pages) {
      if (this.pages.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= v.length;
    }
  }
}
