import type { DataType } from '../catalog';
import type { DuckSession } from '../duckdb';
import { quoteIdentifier } from '../sql';
import type { CanonicalRow } from './row-diff';

export interface ComparedColumn {
  readonly name: string;
  readonly type: DataType;
}

/**
 * Reads `sql`'s rows with each compared column cast to its declared type and then printed
 * by DuckDB: 10.5 and 10.50 in a DECIMAL(18,2) column, or '2024-01-01 10:00' and
 * '2024-01-01 10:00:00' as TIMESTAMP, become the same text. Floats are rounded to 9
 * decimals so 0.1 + 0.2 equals 0.3. `before` (loading the inputs, say) runs first, in the same round trip.
 */
export async function canonicalRows(
  session: DuckSession,
  sql: string,
  columns: readonly ComparedColumn[],
  before: readonly string[] = [],
): Promise<CanonicalRow[]> {
  if (columns.length === 0) return (await session.rows(`SELECT 1 AS present FROM (${sql})`, before)).map(() => ({}));
  const projection = columns.map((column) => {
    const c = quoteIdentifier(column.name, 'duckdb');
    const value = column.type.name === 'FLOAT64' ? `ROUND(CAST(${c} AS DOUBLE), 9)` : c;
    return `CAST(${value} AS VARCHAR) AS ${c}`;
  });
  const rows = await session.rows(`SELECT ${projection.join(', ')} FROM (${sql})`, before);
  return rows.map((row) =>
    Object.fromEntries(columns.map((column) => [column.name, row[column.name] === null ? null : String(row[column.name])])),
  );
}
