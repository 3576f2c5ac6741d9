// A synthetic Green Button feed of a given size, written in pieces (never
// held whole in memory): one UsagePoint → MeterReading → ReadingType (Wh,
// forward, USD), then daily IntervalBlocks of 96 quarter-hour readings with
// cost and a ReadingQuality (validated, 17), as the PG&E feed has on every reading.
import { closeSync, openSync, writeSync } from 'node:fs';

const BASE = '/espi/1_1/resource/RetailCustomer/1/UsagePoint/1';
const T0 = 1704067200; // 2024-01-01T00:00:00Z

function head() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:uuid:bench</id>
  <updated>2026-01-01T00:00:00Z</updated>
  <entry><id>urn:uuid:up</id><link rel="self" href="${BASE}"/><link rel="related" href="${BASE}/MeterReading"/>
    <content><UsagePoint xmlns="http://naesb.org/espi"><ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint></content></entry>
  <entry><id>urn:uuid:mr</id><link rel="self" href="${BASE}/MeterReading/1"/><link rel="up" href="${BASE}/MeterReading"/>
    <link rel="related" href="${BASE}/MeterReading/1/IntervalBlock"/><link rel="related" href="/espi/1_1/resource/ReadingType/1"/>
    <content><MeterReading xmlns="http://naesb.org/espi"/></content></entry>
  <entry><id>urn:uuid:rt</id><link rel="self" href="/espi/1_1/resource/ReadingType/1"/>
    <content><ReadingType xmlns="http://naesb.org/espi"><accumulationBehaviour>4</accumulationBehaviour><commodity>1</commodity><currency>840</currency><flowDirection>1</flowDirection><intervalLength>900</intervalLength><kind>12</kind><powerOfTenMultiplier>0</powerOfTenMultiplier><uom>72</uom></ReadingType></content></entry>
`;
}

function block(day) {
  const start = T0 + day * 86400;
  const parts = [
    `  <entry>
    <id>urn:uuid:block-${day}</id>
    <link rel="self" href="${BASE}/MeterReading/1/IntervalBlock/${day}"/>
    <link rel="up" href="${BASE}/MeterReading/1/IntervalBlock"/>
    <published>2026-01-01T00:00:00Z</published>
    <updated>2026-01-01T00:00:00Z</updated>
    <content>
      <IntervalBlock xmlns="http://naesb.org/espi">
        <interval><duration>86400</duration><start>${start}</start></interval>
`,
  ];
  for (let i = 0; i < 96; i++) {
    const n = day * 96 + i;
    const quality = '<ReadingQuality><quality>17</quality></ReadingQuality>';
    parts.push(`        <IntervalReading><cost>${(n * 7919) % 30000}</cost>${quality}<timePeriod><duration>900</duration><start>${start + i * 900}</start></timePeriod><value>${(n * 104729) % 2000}</value></IntervalReading>
`);
  }
  parts.push(`      </IntervalBlock>
    </content>
  </entry>
`);
  return parts.join('');
}

/** Write a feed of about `bytes` bytes to `file`; returns the number of readings. */
export function writeFeed(file, bytes) {
  const fd = openSync(file, 'w');
  let written = writeSync(fd, head());
  let day = 0;
  while (written < bytes) written += writeSync(fd, block(day++));
  writeSync(fd, '</feed>\n');
  closeSync(fd);
  return { readings: day * 96 };
}
