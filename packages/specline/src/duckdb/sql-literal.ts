import { sqlType } from '../compiler';
import type { DataType } from '../catalog';

/** A spec value (from a given/expect block or a generated row) as a typed DuckDB literal. */
export function sqlLiteral(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${sqlType(type, 'duckdb')})`;
  const text = value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : String(value);
  return `CAST('${text.replace(/'/g, "''")}' AS ${sqlType(type, 'duckdb')})`;
}
