/** Bad input: every case is a clear error (EspiInputError) or a reported loss, never a crash or a silently partial page. */
import { describe, expect, it } from 'vitest';
import { importEspi, importEspiStream } from '../../src/espi/import.js';
import { EspiInputError } from '../../src/espi/read.js';
import { blockEntry, feed, WH } from './feeds.js';

const NOW = '2026-01-01T00:00:00Z';
const T0 = 1704067200; // 2024-01-01T00:00:00Z

function refused(text: string): string {
  try {
    importEspi(text, { now: NOW });
  } catch (e) {
    expect(e).toBeInstanceOf(EspiInputError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('refused input (EspiInputError: nothing imported)', () => {
  const CASES: { given: string; text: string; want: RegExp }[] = [
    { given: 'an empty document', text: '', want: /root element/ },
    { given: 'malformed XML (an unclosed element)', text: '<feed xmlns="http://www.w3.org/2005/Atom"><entry>', want: /^not well-formed XML: .*unclosed tag/ },
    { given: 'malformed XML (mismatched tags)', text: '<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>', want: /^not well-formed XML: / },
    { given: 'a document that is not Atom', text: '<html><body/></html>', want: /root element is <html>, not an Atom <feed> or <entry>/ },
    { given: 'an ESPI resource without its Atom wrapper', text: '<IntervalBlock xmlns="http://naesb.org/espi"/>', want: /root element is <IntervalBlock> in http:\/\/naesb.org\/espi, not an Atom/ },
    { given: 'a DOCTYPE (no DTD processing)', text: '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x "y">]><feed xmlns="http://www.w3.org/2005/Atom"/>', want: /DOCTYPE at line 1: DTDs are refused/ },
    {
      given: 'an external entity (billion laughs and XXE have no way in)',
      text: '<!DOCTYPE feed SYSTEM "file:///etc/passwd"><feed xmlns="http://www.w3.org/2005/Atom">&xxe;</feed>',
      want: /DTDs are refused/,
    },
    { given: 'an undeclared entity', text: '<feed xmlns="http://www.w3.org/2005/Atom"><id>&lol;</id></feed>', want: /^not well-formed XML: .*undefined entity/i },
    { given: 'text after the root element', text: '<feed xmlns="http://www.w3.org/2005/Atom"/>junk', want: /^not well-formed XML: / },
  ];
  for (const c of CASES) {
    it(`refuses ${c.given}`, () => {
      expect(refused(c.text)).toMatch(c.want);
    });
  }

  it('refuses bytes that are not UTF-8 (streaming)', async () => {
    async function* chunks() {
      yield new TextEncoder().encode('<feed xmlns="http://www.w3.org/2005/Atom"><id>');
      yield new Uint8Array([0xff, 0xfe]);
      yield new TextEncoder().encode('</id></feed>');
    }
    await expect(importEspiStream(chunks(), { now: NOW })).rejects.toThrow(/not valid UTF-8/);
  });

  it('reads a feed split into chunks anywhere, even inside a multi-byte character, the same as whole', async () => {
    const text = feed(WH, [blockEntry([{ start: T0, value: 5 }, { start: T0 + 900, value: 7 }])]).replace('urn:uuid:up', 'urn:uuid:üp€');
    const bytes = new TextEncoder().encode(text);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    expect((await importEspiStream(chunks(), { now: NOW })).document).toEqual(importEspi(text, { now: NOW }).document);
  });
});

describe('a lone Atom entry (not a feed)', () => {
  it('is read as a one-entry feed: an IntervalBlock alone has no ReadingType, so its readings are reported', () => {
    const entry = blockEntry([{ start: T0, value: 1 }]).replace('<entry>', '<entry xmlns="http://www.w3.org/2005/Atom">');
    const r = importEspi(entry, { now: NOW });
    expect(r.notes.map(({ kind, path, readings }) => ({ kind, path, readings }))).toEqual([{ kind: 'no-reading-type', path: '/feed/entry[1]', readings: 1 }]);
  });
});

describe('reported losses and notes (the page carries the rest)', () => {
  function run(text: string) {
    const r = importEspi(text, { now: NOW });
    expect(r.readings.in).toBe(r.readings.out + r.readings.accounted);
    return { notes: r.notes.map(({ level, kind, path, readings }) => ({ level, kind, path, readings })), segments: r.document.usage_segments.length, out: r.readings.out };
  }

  /** The note for the n-th reading of the feed's block (entry 4) that could not be read: one reading lost. */
  const badReading = (n: number): ReturnType<typeof run>['notes'][number] => ({ level: 'error', kind: 'bad-reading', path: `/feed/entry[4]/content/IntervalBlock/IntervalReading[${n}]`, readings: 1 });

  const CASES: { given: string; text: string; want: ReturnType<typeof run> }[] = [
    { given: 'an empty feed', text: '<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>', want: { notes: [{ level: 'error', kind: 'empty-feed', path: '/feed', readings: 0 }], segments: 0, out: 0 } },
    {
      given: 'readings without their ReadingType',
      text: feed(null, [blockEntry([{ start: T0, value: 1 }, { start: T0 + 900, value: 2 }])]),
      want: { notes: [{ level: 'error', kind: 'no-reading-type', path: '/feed/entry[2]', readings: 2 }], segments: 0, out: 0 },
    },
    {
      given: 'a fractional timestamp',
      text: feed(WH, [blockEntry([{ start: `${T0}.5`, value: 1 }, { start: T0 + 900, value: 2 }], { start: T0 })]),
      want: { notes: [badReading(1)], segments: 1, out: 1 },
    },
    {
      given: 'an absurd timestamp (after 9999) and a zero duration',
      text: feed(WH, [blockEntry([{ start: 1e12, value: 1 }, { start: T0, duration: 0, value: 2 }, { start: T0, value: 3 }], { start: T0 })]),
      want: { notes: [badReading(1), badReading(2)], segments: 1, out: 1 },
    },
    {
      given: 'a reading without a value, and one with a decimal value',
      text: feed(WH, [blockEntry([{ start: T0 }, { start: T0 + 900, value: '1.5' }, { start: T0 + 1800, value: 4 }])]),
      want: { notes: [badReading(1), badReading(2)], segments: 1, out: 1 },
    },
    {
      given: 'an unknown uom',
      text: feed({ uom: 999 }, [blockEntry([{ start: T0, value: 1 }])]),
      want: { notes: [{ level: 'error', kind: 'unmapped-unit', path: '/feed/entry[3]/content/ReadingType', readings: 1 }], segments: 0, out: 0 },
    },
    {
      given: 'a reported uom (VArh)',
      text: feed({ uom: 73 }, [blockEntry([{ start: T0, value: 1 }])]),
      want: { notes: [{ level: 'error', kind: 'unmapped-unit', path: '/feed/entry[3]/content/ReadingType', readings: 1 }], segments: 0, out: 0 },
    },
    {
      given: 'unknown flowDirection and ReadingQuality codes, questionable quality',
      text: feed({ uom: 72, flowDirection: 77 }, [blockEntry([{ start: T0, value: 1, quality: [42] }, { start: T0 + 900, value: 2, quality: [10] }, { start: T0 + 1800, value: 3, quality: [17] }])]),
      want: {
        notes: [
          { level: 'warning', kind: 'unknown-code', path: '/feed/entry[3]/content/ReadingType/flowDirection', readings: 0 },
          { level: 'warning', kind: 'quality', path: '/feed/entry[4]/content/IntervalBlock', readings: 0 },
          { level: 'warning', kind: 'quality', path: '/feed/entry[4]/content/IntervalBlock', readings: 0 },
        ],
        // 42 and 10 both have no 2026 quality: one run; 17 (validated) another.
        segments: 2,
        out: 3,
      },
    },
    {
      given: 'a reading outside its block',
      text: feed(WH, [blockEntry([{ start: T0, value: 1 }, { start: T0 + 86400, value: 2 }], { start: T0, duration: 86400 })]),
      want: { notes: [{ level: 'warning', kind: 'outside-block', path: '/feed/entry[4]/content/IntervalBlock/IntervalReading[2]', readings: 0 }], segments: 2, out: 2 },
    },
    {
      given: 'a block published again with more readings',
      text: feed(WH, [blockEntry([{ start: T0, value: 1 }]), blockEntry([{ start: T0, value: 1 }, { start: T0 + 900, value: 2 }], { updated: '2024-01-05T00:00:00Z' })]),
      want: { notes: [{ level: 'warning', kind: 'revised', path: '/feed/entry[5]', readings: 1 }], segments: 1, out: 2 },
    },
    {
      given: 'an entry whose content is not an ESPI element',
      text: feed(WH, [blockEntry([{ start: T0, value: 1 }])], '<entry><content><x xmlns="urn:other"/></content></entry>'),
      want: { notes: [{ level: 'error', kind: 'bad-entry', path: '/feed/entry[5]/content', readings: 0 }], segments: 1, out: 1 },
    },
    {
      given: 'a cost without a known currency',
      text: feed({ uom: 72, currency: 999 }, [blockEntry([{ start: T0, value: 1, cost: 100 }])]),
      want: { notes: [{ level: 'warning', kind: 'cost-dropped', path: '/feed/entry[3]/content/ReadingType/currency', readings: 0 }], segments: 1, out: 1 },
    },
    {
      given: 'a time-of-use code and a tier beyond 9',
      text: feed({ uom: 72, tou: 1, consumptionTier: 12 }, [blockEntry([{ start: T0, value: 1 }])]),
      want: {
        notes: [
          { level: 'warning', kind: 'not-carried', path: '/feed/entry[3]/content/ReadingType/consumptionTier', readings: 0 },
          { level: 'warning', kind: 'not-carried', path: '/feed/entry[3]/content/ReadingType/tou', readings: 0 },
        ],
        segments: 1,
        out: 1,
      },
    },
  ];
  for (const c of CASES) {
    it(`reports ${c.given}`, () => {
      expect(run(c.text)).toEqual(c.want);
    });
  }
});

describe('decimalText (the page writer\'s numbers)', () => {
  it('writes integers moved by whole powers of ten exactly, as the same number shiftDecimal gives', async () => {
    const { decimalText } = await import('../../src/espi/build.js');
    const { shiftDecimal } = await import('../../src/convert/decimal.js');
    const CASES: [number, number, string][] = [
      [0, -5, '0'],
      [974, -5, '0.00974'],
      [5100000, -5, '51'],
      [2493000, -5, '24.93'],
      [-10000, -3, '-10'],
      [12345, -3, '12.345'],
      [7, 3, '7000'],
      [1, -7, '0.0000001'],
      [9007199254740991, -5, '90071992547.40991'],
    ];
    for (const [n, places, want] of CASES) {
      expect(decimalText(n, places)).toBe(want);
      expect(Number(decimalText(n, places))).toBe(shiftDecimal(n, places));
    }
  });
});
