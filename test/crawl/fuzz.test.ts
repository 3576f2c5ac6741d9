// The crawler against a Server that answers random bytes, headers and links
// (test/crawl/fuzz-properties.ts), bounded; `npm run stress` runs it at length.
import { describe, it } from 'vitest';
import { fuzzProperty } from './fuzz-properties.js';

describe('nothing a Server sends crashes the crawler (FC_SEED replays)', () => {
  it('random statuses, headers, bodies and links: exit 0 or 1, registered codes only (20 runs)', () => fuzzProperty(20), 120_000);
});
