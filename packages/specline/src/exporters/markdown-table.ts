import { isCodeSpanSafe, markdownText } from '../escaping';
import type { ReviewTable } from './review-table';

/**
 * A GitHub-flavoured Markdown table. A cell cannot hold a line break or a bare `|`, so
 * whitespace runs become one space and pipes are escaped (also inside code spans, as
 * GitHub requires). https://github.github.com/gfm/#tables-extension-
 */
export function toMarkdownTable(table: ReviewTable, code: readonly string[] = []): string {
  const cell = (value: string, column: string) => {
    const flat = value.replace(/\s+/g, ' ').trim();
    // A code span shows its text verbatim; anything else is Markdown text and is escaped.
    const shown = flat !== '' && code.includes(column) && isCodeSpanSafe(flat) ? `\`${flat}\`` : markdownText(flat);
    return shown.replace(/\|/g, '\\|');
  };
  const lines = [`| ${table.header.map(markdownText).join(' | ')} |`, `| ${table.header.map(() => '---').join(' | ')} |`];
  for (const row of table.rows) lines.push(`| ${row.map((value, index) => cell(value, table.header[index])).join(' | ')} |`);
  return lines.join('\n');
}
