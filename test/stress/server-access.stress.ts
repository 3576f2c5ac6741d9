// The reference Server's access model at length (`npm run stress`); server/test/access.test.ts runs it bounded.
import { describe, it } from 'vitest';
import { accessProperty } from '../../server/test/access-property.js';

describe('the reference Server shows only what a token may see, at length (FC_SEED replays)', () => {
  it('random segments and grants: 300 runs', () => accessProperty(300));
});
