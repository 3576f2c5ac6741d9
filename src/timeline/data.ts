/**
 * What the timeline picture shows, computed from documents with the
 * checker's own timeline logic (src/rules/timeline.ts): the same series (one
 * `related_*` key and one measurement, `gap` segments in every measurement of
 * their key), the same holes and the same overlaps that `timeline-hole` and
 * `timeline-overlap` report. Only what the rules do not need is read here:
 * each column's quality and which value sets are null (the value coverage).
 */
import type { Problem } from '../problems.js';
import type { Model } from '../registry.js';
import { timelineHoles, timelineOverlaps, timelineSeries, type TimedSegment } from '../rules/timeline.js';
import { millisBetween } from '../time.js';
import type { ValidationResult } from '../problems.js';
import { detectKind, resolveModel, validate, validatePage, type DocumentKind, type TimelineEntry, type ValidateOptions } from '../validate.js';
import { modelEntry } from '../models/registry.js';

/** One input of a picture: a document and how to name it (a file name, a page URL); `checked` when the caller already ran the checker (no second run). */
export interface TimelineInput {
  readonly label: string;
  readonly doc: unknown;
  readonly checked?: CheckedInput;
}

/** What the checker found in one input and what its timeline rules read of each segment. */
export interface CheckedInput {
  readonly problems: ReadonlyArray<{ readonly problem: Problem; readonly level: 'error' | 'warning' }>;
  readonly entries: readonly TimelineEntry[];
}

/** A stretch of time, epoch ms. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** One segment's bar in one lane. */
export interface Bar extends Span {
  /** Unique in the picture (`s<input>-<index>`): the SVG element's id, the report's anchor. */
  readonly key: string;
  readonly input: number;
  /** JSON Pointer of the segment in its document. */
  readonly path: string;
  readonly id: string | undefined;
  /** Value sets of this column that are null (the whole set, or this column's value), merged into spans. */
  readonly nulls: readonly Span[];
  readonly valueSets: number;
  readonly nullSets: number;
}

/** A lane of a row: one column quality (Option 2 draws its two columns side by side), the gap disclosures, or superseded versions (Option 1: before). */
export interface Lane {
  readonly label: string;
  readonly kind: 'data' | 'gap' | 'before';
  readonly bars: readonly Bar[];
}

/** A row of the picture: one series. */
export interface Row {
  /** Who the series is about, from the `related_*` ids. */
  readonly label: string;
  readonly measurement: string;
  readonly lanes: readonly Lane[];
  readonly holes: ReadonlyArray<Span & { readonly before: string; readonly after: string }>;
  readonly overlaps: ReadonlyArray<Span & { readonly a: string; readonly b: string }>;
}

/** A finding of the checker, placed on the picture when it is about a segment on it. */
export interface PlacedFinding {
  readonly input: number;
  readonly problem: Problem;
  readonly level: 'error' | 'warning';
  /** The bar keys of the segment the problem is in (several lanes may draw one segment); empty when it is on none. */
  readonly bars: readonly string[];
}

export interface TimelineData {
  readonly model: Model | 'mixed';
  readonly inputs: readonly string[];
  readonly rows: readonly Row[];
  /** The whole picture's time range (null: nothing on a timeline). */
  readonly range: Span | null;
  /** Segments drawn (each version once). */
  readonly segments: number;
  readonly findings: readonly PlacedFinding[];
}

/** One segment of one input, with what the rules read of it. */
interface Entry {
  readonly input: number;
  readonly summary: TimelineEntry;
  readonly segment: Record<string, unknown>;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The segment objects of a document, with their pointers (a page's `usage_segments`, or the document itself). */
function segmentsOf(doc: unknown): Array<{ path: string; segment: Record<string, unknown> }> {
  if (detectKind(doc) === 'segment' && isRecord(doc)) return [{ path: '', segment: doc }];
  const list = isRecord(doc) && Array.isArray(doc.usage_segments) ? doc.usage_segments : [];
  return list.flatMap((s, i) => (isRecord(s) ? [{ path: `/usage_segments/${i}`, segment: s }] : []));
}

function tagged(r: ValidationResult): CheckedInput['problems'] {
  return [...r.errors.map((problem) => ({ problem, level: 'error' as const })), ...r.warnings.map((problem) => ({ problem, level: 'warning' as const }))];
}

/**
 * Check one document and keep its timeline entries: a page with
 * `validatePage` (one run: the result `validate` gives, and the entries), a
 * lone segment with `validate` and, for its entry, as a page of one.
 */
export function checkForTimeline(doc: unknown, options: Omit<ValidateOptions, 'kind'> & { kind?: DocumentKind }): { result: ValidationResult; checked: CheckedInput } {
  const kind = options.kind === undefined || options.kind === 'auto' ? detectKind(doc) : options.kind;
  if (kind === 'list') {
    const { result, timeline } = validatePage(doc, options);
    return { result, checked: { problems: tagged(result), entries: timeline } };
  }
  const result = validate(doc, { ...options, kind: kind ?? 'auto' });
  const { text: _text, ...rest } = options;
  const entries = kind === 'segment' && isRecord(doc) ? validatePage({ usage_segments: [doc], next: null, previous: null }, rest).timeline.map((e) => ({ ...e, path: '' })) : [];
  return { result, checked: { problems: tagged(result), entries } };
}

/** The related ids that name a series, shortest useful first: meter, service point, contract, account. */
const LABEL_FIELDS = ['related_meterdevices', 'related_servicepoints', 'related_servicecontracts', 'related_accounts'] as const;
const LABEL_WORDS: Record<(typeof LABEL_FIELDS)[number], string> = {
  related_meterdevices: 'meter',
  related_servicepoints: 'service point',
  related_servicecontracts: 'contract',
  related_accounts: 'account',
};

function seriesLabel(segment: Record<string, unknown>): string {
  for (const f of LABEL_FIELDS) {
    const ids = segment[f];
    if (Array.isArray(ids) && ids.length > 0) return `${LABEL_WORDS[f]} ${ids.map(String).sort().join(', ')}`;
  }
  return 'no related ids';
}

/** Spans of null value sets of column `c` (null `c`: the whole value set) of a segment, merged. */
function nullSpans(segment: Record<string, unknown>, s: TimedSegment, c: number | null): { nulls: Span[]; sets: number; nullSets: number } {
  const values = Array.isArray(segment.values) ? segment.values : [];
  const step = s.interval * 1000;
  const nulls: Span[] = [];
  let nullSets = 0;
  if (!(step > 0)) return { nulls, sets: values.length, nullSets };
  for (let k = 0; k < values.length; k++) {
    const set = values[k];
    const isNull = set === null || (c !== null && Array.isArray(set) && set[c] === null);
    if (!isNull) continue;
    nullSets++;
    const from = s.start.ms + k * step;
    const last = nulls.at(-1);
    if (last !== undefined && last.to === from) nulls[nulls.length - 1] = { from: last.from, to: from + step };
    else nulls.push({ from, to: from + step });
  }
  return { nulls, sets: values.length, nullSets };
}

/** The latest version of each segment id across the inputs (a later input revises an earlier one: Option 1); the rest are "before". */
function splitRevisions(entries: readonly Entry[]): { current: Entry[]; before: Map<Entry, Entry[]> } {
  const latest = new Map<string, Entry>();
  for (const e of entries) if (e.summary.id !== undefined) latest.set(e.summary.id, e);
  const before = new Map<Entry, Entry[]>();
  const current: Entry[] = [];
  for (const e of entries) {
    const id = e.summary.id;
    const last = id === undefined ? e : latest.get(id)!;
    if (last === e || last.input === e.input) current.push(e);
    else {
      const list = before.get(last) ?? [];
      list.push(e);
      before.set(last, list);
    }
  }
  return { current, before };
}

/**
 * The picture's content for documents of one model (or several: each is
 * checked in its own, then the series use the first input's measurements).
 * Never throws for any JSON value.
 */
export function timelineData(inputs: readonly TimelineInput[], options: { model?: Model | 'auto' } = {}): TimelineData {
  const models = inputs.map((i) => resolveModel(i.doc, options.model ?? 'auto'));
  const model = models[0] ?? '2024';
  const adapter = modelEntry(model).adapter;
  const entries: Entry[] = [];
  const findings: Array<Omit<PlacedFinding, 'bars'>> = [];
  let next = 0;
  inputs.forEach((input, i) => {
    const bySegmentPath = new Map(segmentsOf(input.doc).map((s) => [s.path, s.segment]));
    const { problems, entries: found } = input.checked ?? checkForTimeline(input.doc, { model: models[i]! }).checked;
    for (const p of problems) findings.push({ input: i, ...p });
    for (const summary of found) {
      const segment = bySegmentPath.get(summary.path);
      // Each entry's index orders the whole picture (the rules report on the later one).
      if (segment !== undefined) entries.push({ input: i, summary: { ...summary, index: next++ }, segment });
    }
  });
  const { current, before } = splitRevisions(entries);
  const entryOf = new Map<TimelineEntry, Entry>(current.map((e) => [e.summary, e]));
  const barKey = (e: Entry) => `s${e.input}-${e.summary.path === '' ? 'doc' : e.summary.path.slice('/usage_segments/'.length)}`;
  const barsOfSegment = new Map<string, string[]>();
  const keyOf = (e: Entry): string => `${e.input}\u0000${e.summary.path}`;
  const rows: Row[] = [];
  let min = Infinity;
  let max = -Infinity;

  for (const series of timelineSeries(current.map((e) => e.summary), adapter.measurements.length, true)) {
    const measurement = adapter.measurements[series.measurement]!;
    const lanes = new Map<string, { label: string; kind: Lane['kind']; bars: Bar[] }>();
    const lane = (label: string, kind: Lane['kind']) => {
      const k = `${kind}\u0000${label}`;
      let l = lanes.get(k);
      if (!l) lanes.set(k, (l = { label, kind, bars: [] }));
      return l;
    };
    const addBar = (l: { bars: Bar[] }, e: Entry, s: TimedSegment, c: number | null, suffix: string) => {
      const { nulls, sets, nullSets } = nullSpans(e.segment, s, c);
      const key = `${barKey(e)}${suffix}`;
      l.bars.push({ key, input: e.input, path: e.summary.path, id: s.id, from: s.start.ms, to: s.start.ms + millisBetween(s.start, s.end), nulls, valueSets: sets, nullSets });
      const list = barsOfSegment.get(keyOf(e)) ?? [];
      list.push(key);
      barsOfSegment.set(keyOf(e), list);
      if (s.start.ms < min) min = s.start.ms;
      const end = s.start.ms + millisBetween(s.start, s.end);
      if (end > max) max = end;
    };
    let label = 'no related ids';
    for (const s of series.members) {
      const e = entryOf.get(s)!;
      label = seriesLabel(e.segment);
      if ((s.measurements & (1 << series.measurement)) === 0) {
        addBar(lane('gap', 'gap'), e, s, null, `-r${rows.length}-gap`);
        continue;
      }
      const cols = adapter.columnsOf(e.segment).list;
      cols.forEach((col, c) => {
        if (col.measurement !== measurement) return;
        addBar(lane(col.quality ?? col.label, 'data'), e, s, c, `-r${rows.length}-c${c}`);
      });
      for (const old of before.get(e) ?? []) {
        const o = old.summary as TimedSegment;
        if (o.start === null || o.end === null) continue;
        addBar(lane(`before (${inputs[old.input]!.label})`, 'before'), old, o, null, `-r${rows.length}-before`);
      }
    }
    const holes = [...timelineHoles(series.members, 1 << series.measurement)].map((h) => ({ from: h.from.ms, to: h.to.ms, before: h.before.id ?? h.before.path, after: h.after.id ?? h.after.path }));
    const overlaps = [...timelineOverlaps(series.members)].map((o) => ({ from: o.from.ms, to: o.to.ms, a: o.a.id ?? o.a.path, b: o.b.id ?? o.b.path }));
    // Lanes in a stable order: data lanes by label, then superseded versions, then gaps.
    const order = { data: 0, before: 1, gap: 2 } as const;
    const sorted = [...lanes.values()].sort((x, y) => order[x.kind] - order[y.kind] || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
    rows.push({ label, measurement, lanes: sorted, holes, overlaps });
  }
  const placed = findings.map((f) => {
    const path = f.problem.path;
    const m = /^(\/usage_segments\/\d+)(\/|$)/.exec(path);
    const segPath = m !== null ? m[1]! : detectKind(inputs[f.input]!.doc) === 'segment' ? '' : null;
    return { ...f, bars: segPath === null ? [] : (barsOfSegment.get(`${f.input}\u0000${segPath}`) ?? []) };
  });
  const distinct = new Set(models);
  return {
    model: distinct.size > 1 ? 'mixed' : model,
    inputs: inputs.map((i) => i.label),
    rows,
    range: min <= max ? { from: min, to: max } : null,
    segments: entries.length,
    findings: placed,
  };
}

/**
 * The picture's content with every string that came from the documents
 * (series and lane labels, segment ids, the ids naming holes and overlaps)
 * passed through `redact` (a crawl's token redaction), one short string at a
 * time: a redaction of the whole rendered file would cost seconds on a big
 * crawl. Pointers, times and counts are ours and stay as they are.
 */
export function redactTimeline(data: TimelineData, redact: (s: string) => string): TimelineData {
  const ids = new Map<string, string>();
  const r = (s: string): string => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = redact(s)));
    return v;
  };
  return {
    ...data,
    inputs: data.inputs.map(r),
    rows: data.rows.map((row) => ({
      ...row,
      label: r(row.label),
      lanes: row.lanes.map((lane) => ({ ...lane, label: r(lane.label), bars: lane.bars.map((b) => (b.id === undefined ? b : { ...b, id: r(b.id) })) })),
      holes: row.holes.map((h) => ({ ...h, before: r(h.before), after: r(h.after) })),
      overlaps: row.overlaps.map((o) => ({ ...o, a: r(o.a), b: r(o.b) })),
    })),
    findings: data.findings.map((f) => ({ ...f, problem: { ...f.problem, message: r(f.problem.message), ...(f.problem.segmentId === undefined ? {} : { segmentId: r(f.problem.segmentId) }) } })),
  };
}

/**
 * What the picture needs of a page, to keep while a crawl goes on: every
 * member but `values`, whose value sets become `null` (a null set), `1` (no
 * null in it) or an array of `null` and `0` (which columns are null). A
 * crawl's report keeps this instead of the page: the values of a whole
 * listing held to the end made the crawl's garbage collection slow.
 */
export function timelineDocument(doc: Record<string, unknown>): Record<string, unknown> {
  const light = (seg: unknown): unknown => {
    if (!isRecord(seg) || !Array.isArray(seg.values)) return seg;
    const values = seg.values.map((set: unknown) => (set === null ? null : Array.isArray(set) && set.includes(null) ? set.map((v: unknown) => (v === null ? null : 0)) : 1));
    return { ...seg, values };
  };
  return Array.isArray(doc.usage_segments) ? { ...doc, usage_segments: doc.usage_segments.map(light) } : (light(doc) as Record<string, unknown>);
}
