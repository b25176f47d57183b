import { spreadsheetCell } from '../escaping';
import type { ReviewTable } from './review-table';

/**
 * RFC 4180: CRLF line ends, and a field is quoted when it holds a comma, a double quote or
 * a line break, with quotes doubled. Line breaks inside a field are kept as written. A cell
 * that a spreadsheet would read as a formula is neutralised first (escaping/spreadsheet-cell).
 * https://www.rfc-editor.org/rfc/rfc4180#section-2
 */
export function toCsv(table: ReviewTable): string {
  return [table.header, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(text: string): string {
  const value = spreadsheetCell(text);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
