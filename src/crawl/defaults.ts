/** The crawler's limits when the caller sets none (a module of its own, so that the package entry exports them without loading the crawler). */
export const CRAWL_DEFAULTS = { maxPages: 1000, timeoutMs: 30_000, maxBodyBytes: 64 * 1024 * 1024, maxDurationMs: 600_000 } as const;
