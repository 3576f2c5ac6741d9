// A generated Markdown page of one table (docs/rules.md, docs/crawl-codes.md):
// title, a do-not-edit note naming its generator, an introduction, the table.

/** A table cell: pipes escaped. */
export const cell = (s) => s.replace(/\|/g, '\\|');

/** The page's text: `head` names the columns, `rows` holds the cells of each row (already escaped where needed). */
export function markdownTablePage({ title, note, intro, head, rows }) {
  return [
    `# ${title}`,
    '',
    `<!-- ${note} -->`,
    '',
    intro,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
}
