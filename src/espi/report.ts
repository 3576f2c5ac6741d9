import { plural } from '../words.js';
import type { EspiImportResult } from './import.js';

/** The import report as text, in the style of `convert`'s: one line per note and assumption, then the reading count and a verdict. */
export function renderImportReport(r: EspiImportResult, label = 'input'): string {
  const lines = [`${label}: imported ESPI → ${r.to}`];
  for (const n of r.notes) lines.push(`${n.level === 'error' ? 'loss' : 'note'} ${n.kind} ${n.path}: ${n.message}`);
  for (const a of r.assumptions) lines.push(`assumed ${a.pointer}: ${a.message}${a.segments > 1 ? ` (${a.segments} segments)` : ''}`);
  for (const l of r.conversion?.losses ?? []) lines.push(`loss ${l.kind} (2026 page) ${l.pointer || '(root)'}: ${l.message}`);
  for (const a of r.conversion?.assumptions ?? []) lines.push(`assumed (2024 page) ${a.pointer || '(root)'}: ${a.message}`);
  const { in: n, out, accounted } = r.readings;
  lines.push(`readings: ${n} read = ${out} in ${plural(r.segments, 'segment')} + ${accounted} reported`);
  lines.push(r.errors === 0 ? 'no error' : `${plural(r.errors, 'error')}`);
  return lines.join('\n') + '\n';
}

/** The JSON report (`--report FILE`). */
export function importReportJson(r: EspiImportResult, label = 'input'): object {
  return { file: label, to: r.to, readings: r.readings, segments: r.segments, errors: r.errors, notes: r.notes, assumptions: r.assumptions, conversion: r.conversion };
}
