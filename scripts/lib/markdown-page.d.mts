export function cell(s: string): string;
export function markdownTablePage(page: { title: string; note: string; intro: string; head: readonly string[]; rows: readonly (readonly string[])[] }): string;
