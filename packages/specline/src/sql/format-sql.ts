import type * as polyglot from '@polyglot-sql/sdk';
import type { SqlDialect } from './dialects';
import { polyglotApi } from './polyglot-runtime';
import { SqlError } from './sql-errors';
import { polyglotReason } from './sql-tokens';

/**
 * Pretty-prints SQL with polyglot's formatter; the same input always gives the same text, so
 * generated files stay stable in review. Statements are separated by ";\n\n". It formats SQL
 * that Specline generated, so SQL that does not parse is a bug and throws.
 */
export function formatSql(sql: string, dialect: SqlDialect): string {
  const result = polyglotApi().format(sql, dialect as polyglot.Dialect);
  if (!result.success || !result.sql) {
    throw new SqlError('SQL_FORMAT_FAILED', `sql: cannot format ${dialect} SQL: ${polyglotReason(result.error)}`);
  }
  return result.sql.join(';\n\n');
}
