// Generated from docs/traceability.md by scripts/generate-rule-citations.mjs; do not edit.
/** One statement of the group's texts that a rule enforces: its traceability row, where it is (`key §section Lline`), its class. */
export interface RuleCitation {
  readonly row: string;
  readonly cite: string;
  readonly sourceClass: string;
}

/** Rule code → the statements it rests on (the traceability table's rows that name it). */
export const RULE_CITATIONS: ReadonlyMap<string, readonly RuleCitation[]> = new Map<string, readonly RuleCitation[]>([
  ["after", [
    { row: "CR15", cite: "filter", sourceClass: "draft" },
  ]],
  ["before", [
    { row: "CR15", cite: "filter", sourceClass: "draft" },
  ]],
  ["currency-code", [
    { row: "X26", cite: "2026 §10.8.5.7.1 L5745", sourceClass: "decision" },
  ]],
  ["date-time-length", [
    { row: "X20", cite: "2024-09 §11.1 L447, 2026 §2 L342", sourceClass: "decision" },
  ]],
  ["date-time-rfc3339", [
    { row: "X1", cite: "2024-09 §11.1 L447", sourceClass: "decision" },
  ]],
  ["document", [
    { row: "CR1", cite: "document", sourceClass: "draft" },
  ]],
  ["duplicate-format-id", [
    { row: "N7", cite: "2026 §10.8.2 L5471", sourceClass: "draft" },
    { row: "N8", cite: "2026 §10.8.2 L5479–5480", sourceClass: "draft" },
  ]],
  ["duplicate-id", [
    { row: "D2", cite: "2024-09 §11.1 L446", sourceClass: "draft" },
    { row: "N27", cite: "2026 §10.8.1 L5438", sourceClass: "draft" },
  ]],
  ["duplicate-key", [
    { row: "C3", cite: "2026 §13.3.5 L7817–7818", sourceClass: "decision" },
  ]],
  ["empty-format", [
    { row: "X23", cite: "2024-09 §11.1 L458", sourceClass: "decision" },
  ]],
  ["empty-id", [
    { row: "X21", cite: "2024-09 §11.1 L446, 2026 §10.8.1 L5438, 2026 §10.8.2 L5479", sourceClass: "decision" },
  ]],
  ["empty-string", [
    { row: "X22", cite: "2026 §10.8.5 L5525, 2026 §5 L836", sourceClass: "decision" },
  ]],
  ["format-index", [
    { row: "N18", cite: "2026 §10.8.5.3.1 L5623–5627", sourceClass: "draft" },
    { row: "N101", cite: "2026 §10.8.5.7.1 L5746–5748", sourceClass: "draft" },
    { row: "N39", cite: "2026 §2 L357", sourceClass: "draft" },
  ]],
  ["format-spelling", [
    { row: "X3", cite: "2024-09 §11.2 L487", sourceClass: "decision" },
  ]],
  ["internal-error", [
    { row: "C2", cite: "2024-09 §11.1 L444", sourceClass: "decision" },
  ]],
  ["interval-arithmetic", [
    { row: "D8", cite: "2024-09 §11.1 L456", sourceClass: "draft" },
    { row: "D9", cite: "2024-09 §11.1 L457", sourceClass: "draft" },
    { row: "D10", cite: "2024-09 §11.1 L457", sourceClass: "draft" },
    { row: "D20", cite: "2024-09 §11.3 L493", sourceClass: "draft" },
    { row: "E5", cite: "ov-08 L562–564, ov-08 L583–585", sourceClass: "example" },
    { row: "X11", cite: "2024-09 §11.1 L457", sourceClass: "decision" },
    { row: "X17", cite: "2024-09 §11.2 L474", sourceClass: "decision" },
    { row: "N3", cite: "2026 §10.8.1 L5453–5455", sourceClass: "draft" },
    { row: "N4", cite: "2026 §10.8.1 L5459", sourceClass: "draft" },
    { row: "N25", cite: "2026 §10.8.1 L5452, 2026 §10.8.5.8.2 L5776", sourceClass: "decision" },
    { row: "N26", cite: "2026 §7.2.8.1 L2727–2728", sourceClass: "draft" },
    { row: "N78", cite: "2026 §7.2.8.1 L2725–2728", sourceClass: "draft" },
  ]],
  ["interval-not-positive", [
    { row: "X12", cite: "2024-09 §11.1 L457", sourceClass: "decision" },
  ]],
  ["link-absent", [
    { row: "X24", cite: "2024-09 §11.5 L502–503, 2026 §10.8.8 L5949–5952", sourceClass: "decision" },
  ]],
  ["link-length", [
    { row: "X25", cite: "2024-09 §11.5 L502, 2026 §10.8.8 L5949", sourceClass: "decision" },
  ]],
  ["metadata-schema", [
    { row: "N35", cite: "2026 §5 L836, 2026 §5 L853–856", sourceClass: "draft" },
    { row: "N103", cite: "2026 §10.8.6 L5786–5789", sourceClass: "draft" },
    { row: "N41", cite: "2026 §2 L373", sourceClass: "draft" },
    { row: "N45", cite: "2026 §5 L834", sourceClass: "draft" },
    { row: "N46", cite: "2026 §5 L851–852", sourceClass: "draft" },
    { row: "N48", cite: "2026 §5 L853–854", sourceClass: "draft" },
    { row: "N49", cite: "2026 §5 L855–856", sourceClass: "draft" },
  ]],
  ["net-balance", [
    { row: "E2", cite: "ov-08 L666–676", sourceClass: "example" },
    { row: "X11", cite: "2024-09 §11.1 L457", sourceClass: "decision" },
    { row: "X19", cite: "ov-08 L669–676", sourceClass: "decision" },
    { row: "N16", cite: "2026 §10.8.5.1.2 L5566–5567", sourceClass: "draft" },
    { row: "N30", cite: "2026 §10.8.5.1.2 L5567", sourceClass: "decision" },
  ]],
  ["next", [
    { row: "CR8", cite: "link-format", sourceClass: "draft" },
    { row: "CR10", cite: "link-loop", sourceClass: "draft" },
    { row: "CR10", cite: "link-loop", sourceClass: "draft" },
  ]],
  ["null", [
    { row: "CR8", cite: "link-format", sourceClass: "draft" },
    { row: "CR10", cite: "link-loop", sourceClass: "draft" },
    { row: "CR11", cite: "previous-link", sourceClass: "draft" },
  ]],
  ["previous", [
    { row: "CR8", cite: "link-format", sourceClass: "draft" },
    { row: "CR11", cite: "previous-link", sourceClass: "draft" },
    { row: "CR11", cite: "previous-link", sourceClass: "draft" },
  ]],
  ["related-eacs-shape", [
    { row: "E4", cite: "ov-08 L560, ov-08 L851", sourceClass: "example" },
    { row: "X2", cite: "ov-08 L560", sourceClass: "decision" },
  ]],
  ["revision-created", [
    { row: "P4", cite: "min L33–76", sourceClass: "proposal" },
    { row: "N32", cite: "2026 §10.8.1 L5440", sourceClass: "proposal" },
  ]],
  ["revision-id", [
    { row: "P4", cite: "min L33–76", sourceClass: "proposal" },
    { row: "N32", cite: "2026 §10.8.1 L5440", sourceClass: "proposal" },
  ]],
  ["revision-modified", [
    { row: "P3", cite: "min L28", sourceClass: "proposal" },
    { row: "P4", cite: "min L33–76", sourceClass: "proposal" },
    { row: "N32", cite: "2026 §10.8.1 L5440", sourceClass: "proposal" },
  ]],
  ["revision-span", [
    { row: "P4", cite: "min L33–76", sourceClass: "proposal" },
    { row: "N32", cite: "2026 §10.8.1 L5440", sourceClass: "proposal" },
  ]],
  ["schema", [
    { row: "D2", cite: "2024-09 §11.1 L446", sourceClass: "draft" },
    { row: "D3", cite: "2024-09 §11.1 L447", sourceClass: "draft" },
    { row: "D4", cite: "2024-09 §11.1 L448", sourceClass: "draft" },
    { row: "D6", cite: "2024-09 §11.1 L449–454", sourceClass: "draft" },
    { row: "D7", cite: "2024-09 §11.1 L455", sourceClass: "draft" },
    { row: "D11", cite: "2024-09 §11.1 L458", sourceClass: "draft" },
    { row: "D12", cite: "2024-09 §11.1 L459", sourceClass: "draft" },
    { row: "D13", cite: "2024-09 §11.1 L461", sourceClass: "draft" },
    { row: "D23", cite: "2024-09 §11.5 L501", sourceClass: "draft" },
    { row: "D25", cite: "2024-09 §11.5 L502", sourceClass: "draft" },
    { row: "D26", cite: "2024-09 §11.5 L503", sourceClass: "draft" },
    { row: "N1", cite: "2026 §10.8.1 L5438–5457", sourceClass: "draft" },
    { row: "N5", cite: "2026 §10.8.1 L5461", sourceClass: "draft" },
    { row: "N22", cite: "2026 §10.8.8 L5946–5952", sourceClass: "draft" },
    { row: "N33", cite: "2026 §10.8.1 L5456", sourceClass: "decision" },
    { row: "N95", cite: "2026 §10.8.5.1.1 L5535–5536, 2026 §10.8.5.2.1 L5577–5578, 2026 §10.8.5.3.1 L5621–5622, 2026 §10.8.5.3.1 L5645–5646, 2026 §10.8.5.5.1 L5681–5682, 2026 §10.8.5.6.1 L5714–5715, 2026 §10.8.5.7.1 L5743–5744, 2026 §10.8.5.8.1 L5764–5765", sourceClass: "draft" },
    { row: "N96", cite: "2026 §10.8.5.2.1 L5579–5580, 2026 §10.8.5.3.1 L5647–5648, 2026 §10.8.5.5.1 L5683–5684, 2026 §10.8.5.6.1 L5716–5717, 2026 §10.8.5.8.1 L5770", sourceClass: "draft" },
    { row: "N99", cite: "2026 §10.8.5.2.1 L5584–5587", sourceClass: "draft" },
    { row: "N101", cite: "2026 §10.8.5.7.1 L5746–5748", sourceClass: "draft" },
    { row: "N102", cite: "2026 §10.8.5.8.1 L5766–5769", sourceClass: "draft" },
    { row: "N105", cite: "2026 §10.8.7.2 L5844, 2026 §10.8.7.3 L5852, 2026 §10.8.7.4 L5862, 2026 §10.8.7.5 L5878, 2026 §10.8.7.6 L5887, 2026 §10.8.7.7 L5901, 2026 §10.8.7.8 L5910, 2026 §10.8.7.9 L5918", sourceClass: "draft" },
    { row: "N39", cite: "2026 §2 L357", sourceClass: "draft" },
    { row: "N40", cite: "2026 §2 L371", sourceClass: "draft" },
    { row: "C1", cite: "2024-09 §11.1 L444", sourceClass: "decision" },
  ]],
  ["segment-bounds", [
    { row: "D8", cite: "2024-09 §11.1 L456", sourceClass: "draft" },
    { row: "X9", cite: "2024-09 §11.1 L455–456", sourceClass: "decision" },
  ]],
  ["sign", [
    { row: "X15", cite: "ov-08 L669–671", sourceClass: "decision" },
  ]],
  ["supply-mix-sum", [
    { row: "E3", cite: "ov-08 L712–726, ov-08 L788–795", sourceClass: "example" },
    { row: "X18", cite: "ov-08 L712–726", sourceClass: "decision" },
  ]],
  ["timeline-hole", [
    { row: "P7", cite: "min L126–201", sourceClass: "proposal" },
    { row: "X8", cite: "min L126–201", sourceClass: "decision" },
    { row: "N31", cite: "2026 §10.8.3 L5491", sourceClass: "decision" },
  ]],
  ["timeline-overlap", [
    { row: "X7", cite: "min L126–201", sourceClass: "decision" },
    { row: "N31", cite: "2026 §10.8.3 L5491", sourceClass: "decision" },
  ]],
  ["timestamps", [
    { row: "D5", cite: "2024-09 §11.1 L447–448", sourceClass: "draft" },
  ]],
  ["undeclared-type", [
    { row: "N12", cite: "2026 §10.8.5 L5518–5519", sourceClass: "draft" },
    { row: "N29", cite: "2026 §10.8.6 L5781–5782", sourceClass: "decision" },
    { row: "N48", cite: "2026 §5 L853–854", sourceClass: "draft" },
  ]],
  ["unknown-enum", [
    { row: "N13", cite: "2026 §10.8.5 L5524–5525", sourceClass: "draft" },
    { row: "N14", cite: "2026 §10.8.5.1.1 L5537–5544", sourceClass: "draft" },
    { row: "N15", cite: "2026 §10.8.5.1.1 L5557–5558", sourceClass: "draft" },
    { row: "N28", cite: "2026 §10.8.7.1 L5805, 2026 §10.8.5 L5525", sourceClass: "decision" },
    { row: "N96", cite: "2026 §10.8.5.2.1 L5579–5580, 2026 §10.8.5.3.1 L5647–5648, 2026 §10.8.5.5.1 L5683–5684, 2026 §10.8.5.6.1 L5716–5717, 2026 §10.8.5.8.1 L5770", sourceClass: "draft" },
    { row: "N97", cite: "2026 §10.8.5.1.1 L5549–5556, 2026 §10.8.5.2.1 L5592–5599, 2026 §10.8.5.3.1 L5657–5661, 2026 §10.8.5.5.1 L5690–5694, 2026 §10.8.5.6.1 L5721–5725", sourceClass: "draft" },
    { row: "N99", cite: "2026 §10.8.5.2.1 L5584–5587", sourceClass: "draft" },
    { row: "N105", cite: "2026 §10.8.7.2 L5844, 2026 §10.8.7.3 L5852, 2026 §10.8.7.4 L5862, 2026 §10.8.7.5 L5878, 2026 §10.8.7.6 L5887, 2026 §10.8.7.7 L5901, 2026 §10.8.7.8 L5910, 2026 §10.8.7.9 L5918", sourceClass: "draft" },
  ]],
  ["unknown-field", [
    { row: "X4", cite: "2024-09 §11.1 L444", sourceClass: "decision" },
    { row: "N6", cite: "2026 §10.8.1 L5463", sourceClass: "draft" },
    { row: "N89", cite: "2026 §10.8.2 L5484", sourceClass: "draft" },
    { row: "N90", cite: "2026 §10.8.4 L5503", sourceClass: "draft" },
    { row: "N91", cite: "2026 §10.8.8 L5954", sourceClass: "draft" },
  ]],
  ["unknown-format", [
    { row: "D18", cite: "2024-09 §11.2 L487", sourceClass: "draft" },
    { row: "E6", cite: "ov-09 L844–847", sourceClass: "example" },
    { row: "X5", cite: "2024-09 §11.2 L487", sourceClass: "decision" },
    { row: "X16", cite: "2024-09 §11.2 L487", sourceClass: "decision" },
    { row: "N13", cite: "2026 §10.8.5 L5524–5525", sourceClass: "draft" },
    { row: "N29", cite: "2026 §10.8.6 L5781–5782", sourceClass: "decision" },
    { row: "N89", cite: "2026 §10.8.2 L5484", sourceClass: "draft" },
  ]],
  ["validate", [
    { row: "CR6", cite: "not-json", sourceClass: "draft" },
  ]],
  ["value-set-length", [
    { row: "D11", cite: "2024-09 §11.1 L458", sourceClass: "draft" },
    { row: "D19", cite: "2024-09 §11.3 L491", sourceClass: "draft" },
    { row: "D21", cite: "2024-09 §11.3 L495", sourceClass: "draft" },
    { row: "P6", cite: "min L79–123", sourceClass: "proposal" },
    { row: "N9", cite: "2026 §10.8.3 L5489–5491", sourceClass: "draft" },
  ]],
  ["value-shape", [
    { row: "D16", cite: "2024-09 §11.2 L467–483", sourceClass: "draft" },
    { row: "E3", cite: "ov-08 L712–726, ov-08 L788–795", sourceClass: "example" },
    { row: "X6", cite: "2024-09 §11.2 L467–483", sourceClass: "decision" },
  ]],
  ["value-type", [
    { row: "D15", cite: "2024-09 §11.2 L465", sourceClass: "draft" },
    { row: "D19", cite: "2024-09 §11.3 L491", sourceClass: "draft" },
    { row: "E1", cite: "ov-08 L482–485, ov-08 L664–676", sourceClass: "example" },
    { row: "P1", cite: "min L21–26", sourceClass: "proposal" },
    { row: "P7", cite: "min L126–201", sourceClass: "proposal" },
    { row: "P9", cite: "min L205–219", sourceClass: "proposal" },
    { row: "N10", cite: "2026 §10.8.3 L5494", sourceClass: "draft" },
    { row: "N11", cite: "2026 §10.8.5 L5507", sourceClass: "draft" },
    { row: "N16", cite: "2026 §10.8.5.1.2 L5566–5567", sourceClass: "draft" },
    { row: "N17", cite: "2026 §10.8.5.2.2 L5609–5610", sourceClass: "draft" },
    { row: "N19", cite: "2026 §10.8.5.3.2 L5633–5635", sourceClass: "draft" },
    { row: "N20", cite: "2026 §10.8.5.8.2 L5776–5777", sourceClass: "draft" },
    { row: "N100", cite: "2026 §10.8.5.4.2 L5671, 2026 §10.8.5.5.2 L5704, 2026 §10.8.5.6.2 L5735, 2026 §10.8.5.7.2 L5754", sourceClass: "draft" },
    { row: "N36", cite: "2026 §2 L344", sourceClass: "draft" },
  ]],
  ["withheld-values", [
    { row: "N34", cite: "2026 §7.2.8.1 L2727", sourceClass: "draft" },
    { row: "N78", cite: "2026 §7.2.8.1 L2725–2728", sourceClass: "draft" },
  ]],
]);
