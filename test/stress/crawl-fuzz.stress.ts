// The crawler's fuzz test at length (`npm run stress`); test/crawl/fuzz.test.ts runs it bounded in `npm test`.
import { describe, it } from 'vitest';
import { fuzzProperty } from '../crawl/fuzz-properties.js';

describe('nothing a Server sends crashes the crawler, at length (FC_SEED replays)', () => {
  it('1,000 runs', () => fuzzProperty(1000));
});
