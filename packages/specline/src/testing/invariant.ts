import type { Catalog, Model } from '../catalog';
import { DUCKDB_ENGINE, type SqlSession, type TestEngine } from './test-engine';
import type { GivenRows } from './input-tables';
import type { ModelImplementation } from './model-implementation';

/** What one invariant sees: a session on the engine, the model, and the implementation under test. */
export interface InvariantContext {
  readonly session: SqlSession;
  readonly catalog: Catalog;
  readonly model: Model;
  readonly implementation: ModelImplementation;
}

/**
 * A property the spec implies. `loads` is how many input snapshots a case holds at most: history
 * (scd2, incremental) needs several loads to show changes, deletions and re-deliveries.
 * `check` returns a description of the violation, if any.
 */
export interface Invariant {
  readonly name: string;
  readonly loads: number;
  check(context: InvariantContext, snapshots: readonly GivenRows[]): Promise<string | undefined>;
}

/**
 * The first row `sql` returns, as the violation's evidence (ordered, so a report is stable),
 * or undefined when it returns none; `before` (loading the case's inputs) runs first, in the same round trip.
 */
export async function firstRow(
  session: SqlSession,
  sql: string,
  before: readonly string[] = [],
  engine: TestEngine = DUCKDB_ENGINE,
): Promise<string | undefined> {
  const rows = await session.rows(engine.firstRows(sql, 1), before);
  return rows.length ? JSON.stringify(rows[0]) : undefined;
}
