import type { SqlDialect } from './dialects';
import { isReservedWord } from './reserved-words';
import { SqlError } from './sql-errors';

const BACKTICK_DIALECTS = new Set(['bigquery', 'spark', 'databricks', 'hive', 'mysql']);
const PLAIN = /^[a-z_][a-z0-9_]*$/;

/**
 * Quotes a column or table name only when it needs it: a reserved word such as `order`, or
 * anything but lower-case letters, digits and underscores. Needs no polyglot, so it works
 * before initSql(). BigQuery escapes a backtick with a backslash; the others double the quote.
 */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  if (typeof name !== 'string' || name === '') throw new SqlError('SQL_BAD_ARGUMENT', 'sql: quoteIdentifier needs a non-empty name');
  if (PLAIN.test(name) && !isReservedWord(name, dialect)) return name;
  if (dialect === 'bigquery') return `\`${name.replace(/[\\`]/g, '\\$&')}\``;
  if (BACKTICK_DIALECTS.has(dialect)) return `\`${name.replace(/`/g, '``')}\``;
  return `"${name.replace(/"/g, '""')}"`;
}
