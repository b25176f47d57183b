/**
 * CSV and formula injection: Excel, LibreOffice and Google Sheets read a cell starting with
 * =, +, -, @, a tab or a carriage return as a formula (=HYPERLINK, DDE). OWASP's remedy is to
 * prefix such a cell with a single quote, which spreadsheets show as text.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
