// The redaction's properties at length (`npm run stress`); test/crawl/redact.test.ts runs them bounded in `npm test`.
import { describe, it } from 'vitest';
import { crawlProperty, redactionProperty } from '../crawl/secrets-properties.js';

describe('no piece of the token in any output, at length (FC_SEED replays)', () => {
  it('the function: 20,000 runs', () => redactionProperty(20_000));
  it('the CLI against a Server echoing the token: 400 runs', () => crawlProperty(400));
});
