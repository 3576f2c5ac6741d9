/** Small ESPI feeds for tests: one UsagePoint → MeterReading → ReadingType, IntervalBlocks built from readings. */

export interface ReadingSpec {
  start: number | string;
  duration?: number | string;
  value?: number | string;
  cost?: number | string;
  quality?: (number | string)[];
}

const BASE = '/espi/1_1/resource/RetailCustomer/1/UsagePoint/1';

export function readingXml(r: ReadingSpec): string {
  const q = (r.quality ?? []).map((c) => `<ReadingQuality><quality>${c}</quality></ReadingQuality>`).join('');
  const cost = r.cost === undefined ? '' : `<cost>${r.cost}</cost>`;
  const value = r.value === undefined ? '' : `<value>${r.value}</value>`;
  return `<IntervalReading>${cost}${q}<timePeriod><duration>${r.duration ?? 900}</duration><start>${r.start}</start></timePeriod>${value}</IntervalReading>`;
}

export function blockEntry(readings: ReadingSpec[], opts: { id?: string; start?: number; duration?: number; updated?: string } = {}): string {
  const id = opts.id ?? '1';
  const start = opts.start ?? Number(readings[0]?.start ?? 0);
  const duration = opts.duration ?? 86400;
  return `<entry><id>urn:uuid:block-${id}</id>
<link rel="self" href="${BASE}/MeterReading/1/IntervalBlock/${id}"/>
<link rel="up" href="${BASE}/MeterReading/1/IntervalBlock"/>
<published>2024-01-02T00:00:00Z</published><updated>${opts.updated ?? '2024-01-02T00:00:00Z'}</updated>
<content><IntervalBlock xmlns="http://naesb.org/espi"><interval><duration>${duration}</duration><start>${start}</start></interval>${readings.map(readingXml).join('')}</IntervalBlock></content></entry>`;
}

/** The ReadingType's fields, e.g. {uom: 72, powerOfTenMultiplier: 0, flowDirection: 1}. */
export function feed(readingType: Record<string, number | string> | null, blocks: string[], extra = ''): string {
  const rt =
    readingType === null
      ? ''
      : `<entry><id>urn:uuid:rt</id><link rel="self" href="/espi/1_1/resource/ReadingType/1"/><content><ReadingType xmlns="http://naesb.org/espi">${Object.entries(readingType)
          .map(([k, v]) => `<${k}>${v}</${k}>`)
          .join('')}</ReadingType></content></entry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:feed</id><updated>2024-01-03T00:00:00Z</updated>
<entry><id>urn:uuid:up</id><link rel="self" href="${BASE}"/><link rel="related" href="${BASE}/MeterReading"/><content><UsagePoint xmlns="http://naesb.org/espi"><ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint></content></entry>
<entry><id>urn:uuid:mr</id><link rel="self" href="${BASE}/MeterReading/1"/><link rel="up" href="${BASE}/MeterReading"/><link rel="related" href="${BASE}/MeterReading/1/IntervalBlock"/><link rel="related" href="/espi/1_1/resource/ReadingType/1"/><content><MeterReading xmlns="http://naesb.org/espi"/></content></entry>
${rt}${blocks.join('\n')}${extra}</feed>`;
}

export const WH = { uom: 72, powerOfTenMultiplier: 0, flowDirection: 1, currency: 840 };
export const MR = `${BASE}/MeterReading/1`;
export const UP = BASE;
