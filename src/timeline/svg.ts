/**
 * The timeline picture as SVG: one row per series, time across, lanes per
 * column quality (Option 2's columns side by side), superseded versions
 * (Option 1: before) and gap disclosures; null value sets, holes and
 * overlaps drawn on them. Deterministic: the same data gives the same bytes
 * (no clock, no random ids, coordinates rounded to 0.1 px). Self-contained
 * (its style inside), accessible (a title, a description; the text table is
 * `timelineTable`). Time scale and ticks: d3-scale's UTC scale, whose ticks
 * d3-time chooses (whole hours, days, months…).
 */
import { scaleUtc } from 'd3-scale';
import { xmlText } from '../xml.js';
import { plural } from '../words.js';
import type { Bar, Lane, Row, Span, TimelineData } from './data.js';

export interface SvgOptions {
  /** Prefix of every id in the picture (several pictures in one page). Default `tl`. */
  readonly idPrefix?: string;
  /** The picture's title. */
  readonly title?: string;
  /** Width in px (default 960). */
  readonly width?: number;
  /** Bar key → the anchors of findings about it (the report links bars to findings and back). */
  readonly findingsOf?: (barKey: string) => readonly string[];
  /** Rows drawn at most; the rest are counted (the table lists them). Default 60. */
  readonly maxRows?: number;
}

const LABEL_WIDTH = 260;
const MARGIN = 12;
/** Room right of the plot for the last tick's label. */
const RIGHT = 32;
const LANE_HEIGHT = 14;
const LANE_GAP = 4;
const ROW_HEAD = 18;
const ROW_GAP = 10;
const AXIS_TOP = 58;

/** An instant for people: UTC, without zero milliseconds. */
function iso(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** A coordinate with at most one decimal (stable text for the same number). */
function n(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

const STYLE = [
  'text{font:12px system-ui,sans-serif;fill:#1a1a1a}',
  '.t{font-size:15px;font-weight:600}.s{fill:#444}.tick{fill:#555;font-size:11px}.grid{stroke:#e2e2e2}',
  '.row{font-weight:600}.lane{fill:#555;font-size:11px}',
  '.data{fill:#3b6fb6}.before{fill:#9aa7b8}.gap{fill:#e0a526}.agg{fill:#3b6fb6;opacity:.75}',
  '.null{fill:#fff;stroke:#3b6fb6;stroke-width:.6;stroke-dasharray:2 1}',
  '.hole{fill:#d62728;fill-opacity:.12;stroke:#d62728;stroke-dasharray:4 2}',
  '.overlap{fill:#7b1fa2;fill-opacity:.35}',
  '.mark{fill:#d62728}.mark.warning{fill:#e67e00}',
  'a:focus rect,a:hover rect{stroke:#000;stroke-width:1.5}',
].join('');

function rowHeight(r: Row): number {
  return ROW_HEAD + r.lanes.length * (LANE_HEIGHT + LANE_GAP) + ROW_GAP;
}

/** A bar's own shapes: the segment, then its null value sets on top, with a tooltip. */
function barShapes(b: Bar, lane: Lane, x: (t: number) => number, y: number, prefix: string, marks: readonly string[]): string {
  const x0 = x(b.from);
  // At least 2 px: a one-hour gap in a month-long picture stays visible.
  const w = Math.max(2, x(b.to) - x0);
  const tip = `${b.id === undefined ? b.path || '(document)' : b.id} ${new Date(b.from).toISOString()} to ${new Date(b.to).toISOString()}${b.valueSets > 0 ? `, ${plural(b.valueSets, 'value set')}${b.nullSets > 0 ? `, ${b.nullSets} null` : ''}` : ''}`;
  const parts = [`<rect id="${prefix}-${b.key}" class="${lane.kind}" x="${n(x0)}" y="${n(y)}" width="${n(w)}" height="${LANE_HEIGHT}"><title>${xmlText(tip)}</title></rect>`];
  for (const s of b.nulls) parts.push(`<rect class="null" x="${n(x(s.from))}" y="${n(y + 2)}" width="${n(Math.max(0.5, x(s.to) - x(s.from)))}" height="${LANE_HEIGHT - 4}"/>`);
  marks.forEach((anchor, i) => {
    const level = anchor.includes('-w') ? ' warning' : '';
    parts.push(`<a href="#${xmlText(anchor)}"><rect class="mark${level}" x="${n(x0 + i * 6)}" y="${n(y - 3)}" width="5" height="5"><title>finding ${xmlText(anchor)}</title></rect></a>`);
  });
  return parts.join('');
}

/**
 * More bars than pixels: one column per pixel, drawn where any bar covers it,
 * consecutive covered columns merged; a column with a null value set is drawn
 * as null. Returns the shapes.
 */
function aggregateLane(bars: readonly Bar[], lane: Lane, x: (t: number) => number, x0: number, x1: number, y: number): string {
  const cols = Math.max(1, Math.ceil(x1 - x0));
  const state = new Uint8Array(cols); // 0 empty, 1 covered, 2 has nulls
  const mark = (s: Span, v: 1 | 2) => {
    const a = Math.max(0, Math.floor(x(s.from) - x0));
    const b = Math.min(cols - 1, Math.max(a, Math.ceil(x(s.to) - x0) - 1));
    for (let i = a; i <= b; i++) if (state[i]! < v) state[i] = v;
  };
  for (const b of bars) {
    mark(b, 1);
    for (const s of b.nulls) mark(s, 2);
  }
  const parts: string[] = [];
  let i = 0;
  while (i < cols) {
    const v = state[i]!;
    let j = i;
    while (j + 1 < cols && state[j + 1] === v) j++;
    if (v !== 0) {
      const cls = v === 2 ? 'null' : lane.kind === 'data' ? 'agg' : lane.kind;
      parts.push(`<rect class="${cls}" x="${n(x0 + i)}" y="${n(y)}" width="${j - i + 1}" height="${LANE_HEIGHT}"/>`);
    }
    i = j + 1;
  }
  return parts.join('');
}

/** The picture draws per pixel column (more bars than pixels), for `width` and `maxRows` as in SvgOptions. */
export function timelineAggregated(data: TimelineData, options: Pick<SvgOptions, 'width' | 'maxRows'> = {}): boolean {
  const plot = (options.width ?? 960) - RIGHT - LABEL_WIDTH;
  const bars = data.rows.slice(0, options.maxRows ?? 60).reduce((sum, r) => sum + r.lanes.reduce((s, l) => s + l.bars.length, 0), 0);
  return bars > plot;
}

/** The picture. */
export function timelineSvg(data: TimelineData, options: SvgOptions = {}): string {
  const prefix = options.idPrefix ?? 'tl';
  const width = options.width ?? 960;
  const maxRows = options.maxRows ?? 60;
  const x0 = LABEL_WIDTH;
  const x1 = width - RIGHT;
  const rows = data.rows.slice(0, maxRows);
  const bars = rows.reduce((sum, r) => sum + r.lanes.reduce((s, l) => s + l.bars.length, 0), 0);
  // More segments than pixels: every lane is drawn per pixel column (and the picture says so).
  const aggregated = timelineAggregated(data, options);
  const range = data.range ?? { from: 0, to: 3_600_000 };
  const domain = range.to > range.from ? [range.from, range.to] : [range.from - 1_800_000, range.from + 1_800_000];
  const scale = scaleUtc().domain(domain.map((t) => new Date(t))).range([x0, x1]);
  const x = (t: number) => scale(new Date(t));
  const ticks = scale.ticks(Math.max(2, Math.floor((x1 - x0) / 110)));
  const tickFormat = scale.tickFormat(ticks.length);
  const plotHeight = rows.reduce((h, r) => h + rowHeight(r), 0);
  const height = AXIS_TOP + Math.max(plotHeight, 24) + 24;
  const title = options.title ?? `Timeline: ${plural(data.rows.length, 'series', 'series')}, ${plural(data.segments, 'segment')} (model ${data.model})`;
  const notes: string[] = [];
  if (data.range !== null) notes.push(`${iso(data.range.from)} to ${iso(data.range.to)}`);
  notes.push(`${plural(rows.reduce((h, r) => h + r.holes.length, 0), 'hole')}, ${plural(rows.reduce((h, r) => h + r.overlaps.length, 0), 'overlap')}`);
  if (aggregated) notes.push(`aggregated: ${plural(bars, 'bar')} drawn as ${Math.ceil(x1 - x0)} one-pixel columns`);
  if (data.rows.length > rows.length) notes.push(`${data.rows.length - rows.length} more series not drawn (the table lists them)`);
  if (data.range === null) notes.push('no segment with a usable time range');
  const desc = `One row per series (related ids and measurement), time across from ${new Date(range.from).toISOString()} to ${new Date(range.to).toISOString()}. Bars: segments, per column quality; dashed: null value sets; orange: gap disclosures; grey: versions a later input revised; red dashed boxes: holes; purple: overlaps. ${notes.join('; ')}.`;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc">`,
    `<title id="${prefix}-title">${xmlText(title)}</title>`,
    `<desc id="${prefix}-desc">${xmlText(desc)}</desc>`,
    `<style>${STYLE}</style>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text class="t" x="${MARGIN}" y="20">${xmlText(title)}</text>`,
    `<text class="s" x="${MARGIN}" y="38">${xmlText(notes.join('; '))}</text>`,
  ];
  for (const t of ticks) {
    const tx = n(scale(t));
    out.push(`<line class="grid" x1="${tx}" y1="${AXIS_TOP - 6}" x2="${tx}" y2="${n(AXIS_TOP + plotHeight)}"/>`, `<text class="tick" x="${tx}" y="${AXIS_TOP - 9}" text-anchor="middle">${xmlText(tickFormat(t))}</text>`);
  }
  let y = AXIS_TOP;
  rows.forEach((row, r) => {
    const h = rowHeight(row);
    out.push(`<g id="${prefix}-row${r}">`, `<text class="row" x="${MARGIN}" y="${n(y + 13)}">${xmlText(`${row.label} · ${row.measurement}`)}</text>`);
    const laneTop = y + ROW_HEAD;
    const laneBottom = laneTop + row.lanes.length * (LANE_HEIGHT + LANE_GAP) - LANE_GAP;
    for (const hole of row.holes) {
      out.push(`<rect class="hole" x="${n(x(hole.from))}" y="${n(laneTop - 2)}" width="${n(Math.max(1, x(hole.to) - x(hole.from)))}" height="${n(laneBottom - laneTop + 4)}"><title>${xmlText(`hole ${new Date(hole.from).toISOString()} to ${new Date(hole.to).toISOString()}`)}</title></rect>`);
    }
    row.lanes.forEach((lane, l) => {
      const ly = laneTop + l * (LANE_HEIGHT + LANE_GAP);
      out.push(`<text class="lane" x="${MARGIN + 12}" y="${n(ly + 11)}">${xmlText(lane.label)}</text>`);
      if (aggregated) out.push(aggregateLane(lane.bars, lane, x, x0, x1, ly));
      else for (const b of lane.bars) out.push(barShapes(b, lane, x, ly, prefix, options.findingsOf?.(b.key) ?? []));
    });
    for (const o of row.overlaps) {
      out.push(`<rect class="overlap" x="${n(x(o.from))}" y="${n(laneTop)}" width="${n(Math.max(1, x(o.to) - x(o.from)))}" height="${n(laneBottom - laneTop)}"><title>${xmlText(`overlap of ${o.a} and ${o.b}, ${new Date(o.from).toISOString()} to ${new Date(o.to).toISOString()}`)}</title></rect>`);
    }
    out.push('</g>');
    y += h;
  });
  out.push('</svg>', '');
  return out.join('\n');
}
