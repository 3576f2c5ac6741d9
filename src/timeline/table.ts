/**
 * The text behind the timeline picture, as an HTML table (screen readers,
 * search, copy): every series and lane with its segments, then the holes and
 * overlaps. Long lists are cut at `maxBars` segments, and the table says how
 * many it left out.
 */
import { xmlText } from '../xml.js';
import type { TimelineData } from './data.js';

function iso(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

export interface TableOptions {
  /** Ids of the picture's elements start with it (see SvgOptions.idPrefix). */
  readonly idPrefix?: string;
  /** Segments listed at most (default 2000). */
  readonly maxBars?: number;
  /** Bar key → anchors of findings about it. */
  readonly findingsOf?: (barKey: string) => readonly string[];
}

export function timelineTable(data: TimelineData, options: TableOptions = {}): string {
  const prefix = options.idPrefix ?? 'tl';
  const maxBars = options.maxBars ?? 2000;
  const rows: string[] = [];
  let listed = 0;
  let left = 0;
  data.rows.forEach((row, r) => {
    const series = `<a href="#${prefix}-row${r}">${xmlText(`${row.label} · ${row.measurement}`)}</a>`;
    for (const lane of row.lanes) {
      for (const b of lane.bars) {
        if (listed >= maxBars) {
          left++;
          continue;
        }
        listed++;
        const links = (options.findingsOf?.(b.key) ?? []).map((a) => `<a href="#${xmlText(a)}">${xmlText(a)}</a>`).join(' ');
        rows.push(
          `<tr id="${prefix}-t-${xmlText(b.key)}"><td>${series}</td><td>${xmlText(lane.label)}</td><td>${xmlText(b.id ?? b.path)}</td><td>${xmlText(data.inputs[b.input] ?? '')}</td><td>${iso(b.from)}</td><td>${iso(b.to)}</td><td>${b.valueSets}</td><td>${b.nullSets}</td><td>${links}</td></tr>`,
        );
      }
    }
    for (const h of row.holes) rows.push(`<tr class="hole"><td>${series}</td><td>hole</td><td>${xmlText(`${h.before} → ${h.after}`)}</td><td></td><td>${iso(h.from)}</td><td>${iso(h.to)}</td><td></td><td></td><td></td></tr>`);
    for (const o of row.overlaps) rows.push(`<tr class="overlap"><td>${series}</td><td>overlap</td><td>${xmlText(`${o.a} × ${o.b}`)}</td><td></td><td>${iso(o.from)}</td><td>${iso(o.to)}</td><td></td><td></td><td></td></tr>`);
  });
  const caption = `The timeline as a table: ${data.rows.length} series${left > 0 ? `; ${left} more segments not listed` : ''}`;
  return [
    `<table class="timeline-table" id="${prefix}-table">`,
    `<caption>${xmlText(caption)}</caption>`,
    '<thead><tr><th>series</th><th>lane</th><th>segment</th><th>input</th><th>from</th><th>to</th><th>value sets</th><th>null</th><th>findings</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}
