// The crawler's one redaction (src/crawl/redact.ts): a table of spellings,
// then the two properties of test/crawl/secrets-properties.ts with a bounded
// number of runs (`npm run stress` runs them at length).
import { describe, expect, it } from 'vitest';
import { REDACTED, redactor, tokensInUrl } from '../../src/crawl/redact.js';
import { withoutAccessToken } from '../../src/crawl/fetcher.js';
import { crawlProperty, redactionProperty } from './secrets-properties.js';

const T = 'Zq7-x9Lm_Pw3.rT~';

describe('redactor', () => {
  const r = redactor(T);
  it.each([
    { given: `token ${T} echoed`, want: `token ${REDACTED} echoed` },
    { given: `Bearer ${T}`, want: `Bearer ${REDACTED}` },
    { given: `cut at the end: ${T.slice(0, 9)}`, want: `cut at the end: ${REDACTED}` },
    { given: `cut at the start: ${T.slice(-7)}"`, want: `cut at the start: ${REDACTED}"` },
    { given: `five survive: ${T.slice(0, 5)}`, want: `five survive: ${T.slice(0, 5)}` },
    { given: `upper: ${T.toUpperCase()}`, want: `upper: ${REDACTED}` },
    { given: `escaped: ${[...T].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`, want: `escaped: ${REDACTED}` },
    { given: `json: ${JSON.stringify(T.replace('-', '"'))}`, want: `json: "${T.replace('-', '"').slice(0, 0)}${REDACTED}"` },
    { given: 'nothing here', want: 'nothing here' },
  ])('$given', ({ given, want }) => {
    if (given.startsWith('json')) {
      // A token holding a quote, echoed as a JSON string: the escape is part of what is hidden.
      const q = T.replace('-', '"');
      expect(redactor(q)(`json: ${JSON.stringify(q)}`)).toBe(`json: "${REDACTED}"`);
      return;
    }
    expect(r(given)).toBe(want);
  });

  it('hides every access_token query value, whatever the spelling of its name', () => {
    const none = redactor();
    expect(none('https://h/p?a=1&access_token=abc&b=2')).toBe(`https://h/p?a=1&access_token=${REDACTED}&b=2`);
    expect(none('https://h/p?ACCESS_TOKEN=abc')).toBe(`https://h/p?ACCESS_TOKEN=${REDACTED}`);
    expect(none('https://h/p?access%5Ftoken=abc')).toBe(`https://h/p?access%5Ftoken=${REDACTED}`);
    expect(none('https://h/p?other_token=abc')).toBe('https://h/p?other_token=abc');
  });

  it('takes the secrets of a URL, decoded, even with a malformed escape beside them', () => {
    expect(tokensInUrl('https://h/p?x=%zz&access_token=a%2Bb%2fc')).toEqual(['a%2Bb%2fc', 'a+b/c']);
    expect(redactor(undefined, 'https://h/p?access_token=s3cr%65t-value')('echo s3cret-value')).toBe(`echo ${REDACTED}`);
  });

  it('is idempotent and linear', () => {
    const once = r(`${T} and ${T}`);
    expect(r(once)).toBe(once);
    const big = 'x'.repeat(500_000) + T;
    const t = performance.now();
    expect(r(big).endsWith(REDACTED)).toBe(true);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('withoutAccessToken', () => {
  it.each([
    { given: 'https://h/p?access_token=a', want: 'https://h/p' },
    { given: 'https://h/p?x=1&Access_Token=a&y=2#f', want: 'https://h/p?x=1&y=2#f' },
    { given: 'https://h/p?access%5Ftoken=a&x=1', want: 'https://h/p?x=1' },
    { given: 'https://h/p', want: 'https://h/p' },
  ])('$given', ({ given, want }) => expect(withoutAccessToken(given)).toBe(want));
});

describe('no piece of the token in any output (properties; FC_SEED replays)', () => {
  it('the function: any spelling, any cut, any output format (400 runs)', () => redactionProperty(400));
  it('the CLI against a Server echoing the token: text, JSON, JUnit, progress (12 runs)', () => crawlProperty(12), 120_000);
});
