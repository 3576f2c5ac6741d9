import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert/convert.js';
import { COLUMN_ROWS, SUPPLY_MIX_ROWS } from '../../src/convert/mapping.js';
import { example } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';

/** A valid 2024 segment (the meeting's Option 1 example without its example-class `related_eacs`) with other columns. */
function segment(format: string[], values: unknown[][]): unknown {
  const { related_eacs: _, ...seg } = example('option1-estimated.json');
  return { ...seg, format, values };
}

describe('the mapping table', () => {
  it('names each 2024 format and each supply-mix class once', () => {
    const formats = COLUMN_ROWS.map((r) => r.format);
    expect(new Set(formats).size).toBe(formats.length);
    const classes = SUPPLY_MIX_ROWS.map((r) => `${r.attribution}/${r.supplyType}`);
    expect(new Set(classes).size).toBe(classes.length);
  });

  it.each(COLUMN_ROWS.map((r) => [r.format, r] as const))('%s becomes the value format and value key of its row', (format, row) => {
    const out = convert(segment([format], [[{ v: 1.5 }]]), '2026').document as { formats: Record<string, unknown>[]; values: unknown[][] };
    const want: Record<string, unknown> = { id: format, type: row.type, units: row.units };
    if (row.direction) want.direction = row.direction;
    if (row.quality) want.quality = row.quality;
    expect(out.formats).toEqual([want]);
    // A row with a scale moves the decimal point (gas_mmbtu: 1.5 MMBtu is 1,500,000 Btu).
    expect(out.values).toEqual([[{ [row.valueKey]: row.scale === undefined ? 1.5 : Number(`1.5e${row.scale}`) }]]);
  });

  it('docs/converting.md is the fresh generation from the table and the examples', () => {
    // Throws (exit 1) when the file is stale; the script reads the compiled dist/ that `npm test` builds first.
    expect(() => execFileSync(process.execPath, ['scripts/generate-convert-docs.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
