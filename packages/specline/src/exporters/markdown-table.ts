import type { ReviewTable } from './review-table';

/**
 * A GitHub-flavoured Markdown table. A cell cannot hold a line break or a bare `|`, so
 * whitespace runs become one space and pipes are escaped (also inside code spans, as
 * GitHub requires). https://github.github.com/gfm/#tables-extension-
 */
export function toMarkdownTable(table: ReviewTable, code: readonly string[] = []): string {
  const cell = (value: string, column: string) => {
    const flat = value.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
    return flat !== '' && code.includes(column) && !flat.includes('`') ? `\`${flat}\`` : flat;
  };
  const lines = [`| ${table.header.join(' | ')} |`, `| ${table.header.map(() => '---').join(' | ')} |`];
  for (const row of table.rows) lines.push(`| ${row.map((value, index) => cell(value, table.header[index])).join(' | ')} |`);
  return lines.join('\n');
}
