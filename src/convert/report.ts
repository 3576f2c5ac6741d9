import { plural } from '../words.js';
import type { ConvertResult } from './convert.js';

/** The loss report as text: one line per loss and per assumption, and a verdict that always says whether anything was lost. */
export function renderLossReport(r: ConvertResult, label = 'input'): string {
  const lines = [`${label}: converted ${r.from} → ${r.to}`];
  for (const l of r.losses) lines.push(`loss ${l.kind} ${l.pointer === '' ? '(root)' : l.pointer}: ${l.message}`);
  for (const a of r.assumptions) lines.push(`assumed ${a.pointer === '' ? '(root)' : a.pointer}: ${a.message}`);
  const n = r.losses.length;
  const m = r.assumptions.length;
  const assumed = m === 0 ? '' : `; ${plural(m, 'assumption')}`;
  lines.push(n === 0 ? `no loss${assumed}` : `${plural(n, 'loss', 'losses')}${assumed}`);
  return lines.join('\n') + '\n';
}

/** The JSON report (`--report FILE`). */
export function lossReportJson(r: ConvertResult, label = 'input'): object {
  return { file: label, from: r.from, to: r.to, lossless: r.losses.length === 0, losses: r.losses, assumptions: r.assumptions };
}
