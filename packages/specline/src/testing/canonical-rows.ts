import type { DataType } from '../catalog';
import { DUCKDB_ENGINE, type SqlSession, type TestEngine } from './test-engine';
import type { CanonicalRow } from './row-diff';

export interface ComparedColumn {
  readonly name: string;
  readonly type: DataType;
}

/**
 * Reads `sql`'s rows with each compared column printed by the engine as canonical text
 * (TestEngine.canonicalText): 10.5 and 10.50 in a DECIMAL(18,2) column, or '2024-01-01 10:00'
 * and '2024-01-01 10:00:00' as TIMESTAMP, become the same text. Floats are rounded to 9
 * decimals so 0.1 + 0.2 equals 0.3. `before` (loading the inputs, say) runs first, in the same round trip.
 */
export async function canonicalRows(
  session: SqlSession,
  sql: string,
  columns: readonly ComparedColumn[],
  before: readonly string[] = [],
  engine: TestEngine = DUCKDB_ENGINE,
): Promise<CanonicalRow[]> {
  if (columns.length === 0) return (await session.rows(`SELECT 1 AS present FROM (${sql}) AS compared`, before)).map(() => ({}));
  const projection = columns.map((column) => {
    const c = engine.quote(column.name);
    return `${engine.canonicalText(c, column.type)} AS ${c}`;
  });
  const rows = await session.rows(`SELECT ${projection.join(', ')} FROM (${sql}) AS compared`, before);
  return rows.map((row) =>
    Object.fromEntries(columns.map((column) => [column.name, row[column.name] === null ? null : String(row[column.name])])),
  );
}
