/**
 * The mapping table as Markdown, for the guide's generated section
 * (docs/guide-green-button.md, `<!-- espi-mapping -->`): rendered from the
 * same rows the importer runs on, so the guide cannot drift from the code.
 */
import { COST_SHIFT, CURRENCY_ROWS, DEMAND_ROWS, DIRECTION_ROWS, ESPI_BASIS, QUALITY_ROWS, RULE_ROWS, TIER_MAX, UOM_ROWS } from './mapping.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderMappingMarkdown(): string {
  const out: string[] = [];
  out.push(`Every row is a **Decision** of this package. Basis: ${ESPI_BASIS}; the 2026 development draft's value formats (§10.8.5) and enumerations (§10.8.7).`, '');
  out.push('**`uom` × `powerOfTenMultiplier` → value type and `units`**', '');
  out.push('| ESPI `uom` | 2026 `type` (value key) | `units` by multiplier | note |', '|---|---|---|---|');
  for (const r of UOM_ROWS) {
    const units = r.units === undefined ? '—' : r.units.map(([m, u]) => `${m} → \`${u}\``).join(', ') + `; other → \`${r.units[0]![1]}\`, decimal point moved`;
    out.push(`| ${r.uom} ${cell(r.espi)} | ${r.type === null ? '*reported, not carried*' : `\`${r.type}\` (\`${r.valueKey}\`)`} | ${units} | ${cell(r.note)} |`);
  }
  out.push('| any other | *reported, not carried* | — | error-level loss (`unmapped-unit`) with the number of readings |', '');
  out.push('**`dataQualifier` → `demand_type`** (for `uom` 38): ' + DEMAND_ROWS.map((r) => `${r.code} ${r.espi} → \`${r.cds}\``).join('; ') + '; any other: the readings are reported, not carried.', '');
  out.push('**`flowDirection` → `direction`**', '');
  out.push('| ESPI `flowDirection` | 2026 `direction` | sign | reported | note |', '|---|---|---|---|---|');
  for (const r of DIRECTION_ROWS) out.push(`| ${r.code} ${r.espi} | ${r.direction === null ? '*omitted*' : `\`${r.direction}\``} | ${r.sign === -1 ? 'negated' : 'as published'} | ${r.reported ? 'yes' : 'no'} | ${cell(r.note)} |`);
  out.push('| any other | *omitted* | as published | yes (`unknown-code`) | |', '');
  out.push('**`ReadingQuality/quality` (or the ReadingType\'s `defaultQuality`) → `quality`**', '');
  out.push('| ESPI code | 2026 `quality` |', '|---|---|');
  for (const r of QUALITY_ROWS) out.push(`| ${r.code} ${r.espi} | ${r.quality === null ? '*none: reported (`quality`), the column has no `quality`*' : `\`${r.quality}\``} |`);
  out.push('| several codes on one reading | their common 2026 quality; none if they differ (reported) |', '| any other code | *none: reported* |', '');
  out.push(`**\`currency\` (ISO 4217 numeric) → \`cost\` column \`currency\`**: ${CURRENCY_ROWS.map((r) => `${r.code} → \`${r.currency}\``).join(', ')}. The cost is in hundred-thousandths of the currency: the decimal point moves ${-COST_SHIFT} places.`, '');
  out.push(`**\`consumptionTier\`**: n (1–${TIER_MAX}) → \`tier_n\`; 0 → no \`tier\`; any other → reported, not carried.`, '');
  out.push('**Fields, timing and relations**', '');
  out.push('| ESPI | 2026 | option |', '|---|---|---|');
  for (const r of RULE_ROWS) out.push(`| ${cell(r.espi)} | ${cell(r.cds)} | ${r.option === undefined ? '' : cell(r.option)} |`);
  return out.join('\n');
}
