// The citations behind each rule code, read from the traceability table
// (docs/traceability.md): every row names its statement's source (`key
// §section Lline`), its class and the rule codes that enforce it. The
// conformance report shows them beside each finding.

/** Rule code → [{ row, cite, sourceClass }] in table order, from the text of docs/traceability.md. */
export function citationsFrom(markdown) {
  const byCode = new Map();
  for (const line of markdown.split('\n')) {
    const m = /^\| ([A-Z]+\d+) \|/.exec(line);
    if (m === null) continue;
    const cols = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cols.length < 6) continue;
    const cites = [...cols[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    const codes = [...cols[5].matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]);
    for (const code of codes) {
      if (!byCode.has(code)) byCode.set(code, []);
      byCode.get(code).push({ row: m[1], cite: cites.join(', '), sourceClass: cols[2] });
    }
  }
  return byCode;
}

/** The TypeScript module src/rule-citations.ts. */
export function citationsModule(byCode) {
  const codes = [...byCode.keys()].sort();
  const body = codes.map((c) => `  [${JSON.stringify(c)}, [\n${byCode.get(c).map((e) => `    { row: ${JSON.stringify(e.row)}, cite: ${JSON.stringify(e.cite)}, sourceClass: ${JSON.stringify(e.sourceClass)} },`).join('\n')}\n  ]],`).join('\n');
  return `// Generated from docs/traceability.md by scripts/generate-rule-citations.mjs; do not edit.
/** One statement of the group's texts that a rule enforces: its traceability row, where it is (\`key §section Lline\`), its class. */
export interface RuleCitation {
  readonly row: string;
  readonly cite: string;
  readonly sourceClass: string;
}

/** Rule code → the statements it rests on (the traceability table's rows that name it). */
export const RULE_CITATIONS: ReadonlyMap<string, readonly RuleCitation[]> = new Map<string, readonly RuleCitation[]>([
${body}
]);
`;
}
