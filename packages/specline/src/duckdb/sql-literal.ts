import { sqlType } from '../compiler';
import type { DataType } from '../catalog';
import type { SqlDialect } from '../sql';

/**
 * A spec value (from a given/expect block or a generated row) as a typed literal: its text
 * cast to the column's type, in DuckDB unless told (the spec tests on PostgreSQL spell it the same way).
 */
export function sqlLiteral(value: unknown, type: DataType, dialect: SqlDialect = 'duckdb'): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${sqlType(type, dialect)})`;
  const text = value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : String(value);
  return `CAST('${text.replace(/'/g, "''")}' AS ${sqlType(type, dialect)})`;
}
