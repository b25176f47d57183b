/**
 * Dialects whose string literals take backslash escapes, so a backslash must be doubled too:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals
 * https://spark.apache.org/docs/latest/sql-ref-literals.html#string-literal
 */
const BACKSLASH_DIALECTS = new Set(['bigquery', 'spark', 'databricks', 'hive', 'mysql']);

/** A SQL string literal holding `text` exactly, in `dialect`: no quote or backslash can end it. */
export function sqlStringLiteral(text: string, dialect: string): string {
  if (!BACKSLASH_DIALECTS.has(dialect)) return `'${text.replace(/'/g, "''")}'`;
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
