import type { Db } from './db.js';
import type { TokenGrant } from './tokens.js';

/**
 * Rendered pages, reused while the data is unchanged. The key is the token's
 * accounts and the query string; the whole cache is dropped as soon as the
 * database changes — a commit by another connection (`PRAGMA data_version`,
 * e.g. an `import` run while serving) or by this one (`total_changes()`) —
 * so a cached page is always the page the query would give now. Bounded in
 * entries and bytes; least recently used entries go first. Token grants are
 * kept the same way (a token created or removed is a change too), so a
 * repeated request costs one version check instead of a hash and a lookup.
 */
const MAX_GRANTS = 10_000;

export class PageCache {
  private readonly pages = new Map<string, Buffer>();
  private readonly grants = new Map<string, TokenGrant | null>();
  private bytes = 0;
  private version = '';
  private readonly versionOf: () => string;

  constructor(
    db: Db,
    private readonly maxEntries = 512,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {
    // One statement for both counters: it runs on every request.
    const version = db.prepare("SELECT (SELECT data_version FROM pragma_data_version()) || ' ' || total_changes()").pluck();
    this.versionOf = () => String(version.get());
  }

  /** Drop everything when the data changed since the last call; call once per request, before `grant` and `get`. */
  sync(): void {
    const now = this.versionOf();
    if (now === this.version) return;
    this.pages.clear();
    this.grants.clear();
    this.bytes = 0;
    this.version = now;
  }

  /** The grant of a token (null: unknown), from `lookup` once per data version. */
  grant(token: string, lookup: (token: string) => TokenGrant | null): TokenGrant | null {
    let g = this.grants.get(token);
    if (g === undefined) {
      g = lookup(token);
      // Bounded: random tokens from a misbehaving client must not grow memory.
      if (this.grants.size >= MAX_GRANTS) this.grants.clear();
      this.grants.set(token, g);
    }
    return g;
  }

  /** The cached page, or undefined (after `sync`). */
  get(key: string): Buffer | undefined {
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
