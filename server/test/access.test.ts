// The Server's access model (src/access.ts): a property test over random
// segments sharing objects and random grants (bounded here; at length in the
// root's `npm run stress`), and the leak-hidden-ids fault, which undoes it.
import { describe, expect, it } from 'vitest';
import { accessProperty, leakShows, oracle } from './access-property.js';

describe('the reference Server shows only what a token may see', () => {
  it('the oracle: a shared segment hides the other account and its objects', () => {
    const refs = (a: string[], c: string[]) => ({ related_accounts: a, related_servicecontracts: c, related_servicepoints: [], related_meterdevices: [], related_aggregations: [], related_billsections: [] });
    const { included, visible } = oracle([refs(['A1', 'A2'], ['C1', 'C2']), refs(['A2'], ['C2']), refs(['A1'], ['C1'])], { accounts: ['A1'] });
    expect(included).toEqual([true, false, true]);
    expect([visible('related_accounts', 'A2'), visible('related_servicecontracts', 'C2'), visible('related_servicecontracts', 'C1')]).toEqual([false, false, true]);
  });

  it('random segments and grants: included segments only, visible ids only, hidden filters match nothing (15 runs; FC_SEED replays)', () => accessProperty(15), 120_000);

  it('the leak-hidden-ids fault serves the hidden ids and matches filters by them', async () => {
    const { served, byHiddenAccount, byHiddenContract } = await leakShows();
    expect(served.map((s) => [s.cds_usagesegment_id, s.related_accounts, s.related_servicecontracts])).toEqual([['seg-0', ['A1'], ['C1', 'C2']]]);
    expect({ byHiddenAccount, byHiddenContract }).toEqual({ byHiddenAccount: 1, byHiddenContract: 1 });
  });
});
