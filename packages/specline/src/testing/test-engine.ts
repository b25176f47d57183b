import type { Catalog, DataType, OutputColumn } from '../catalog';
import { warehouseRelation, type RelationOf } from '../compiler';
import { DuckSession, schemaStatements, sqlLiteral, typedTableStatements, type Row } from '../duckdb';
import { quoteIdentifier } from '../sql';

/** The two engines the spec tests run on. */
export type EngineDialect = 'duckdb' | 'postgresql';

/** What the tests need of a connection: run statements, read rows. DuckSession and PostgresSession are both one. */
export interface SqlSession {
  run(sql: string): Promise<void>;
  runAll(statements: readonly string[]): Promise<void>;
  /** The rows of `sql`; `before` runs first, in the same round trip. */
  rows(sql: string, before?: readonly string[]): Promise<Row[]>;
}

/**
 * One engine the spec tests run on: where datasets live in it, how a case gets a fresh state,
 * and the few statements the tests write themselves, spelled for it. Everything else (the
 * model's SELECT, its loads, the test expressions) is the compiler's and the translator's
 * output for `dialect`, the same SQL codegen writes for that target.
 */
export interface TestEngine {
  readonly dialect: EngineDialect;
  /** For reports: "DuckDB", "PostgreSQL". */
  readonly label: string;
  /** The relation a dataset is read from and built into. */
  relationOf(catalog: Catalog): RelationOf;
  /** What must exist before `relationOf`'s relations can be created. */
  schemaStatements(catalog: Catalog): string[];
  /** Runs `work` on a fresh, empty state that is thrown away afterwards, however `work` ends. */
  scratch<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  quote(name: string): string;
  /** A spec value as a typed literal. */
  literal(value: unknown, type: DataType): string;
  /** (Re)creates `relation` with these typed columns (nullable: the tests check nullability) and these rows. */
  typedTable(relation: string, columns: readonly OutputColumn[], rows: readonly Row[]): string[];
  /** (Re)creates `relation` from a SELECT; `temporary` for a session's own scratch table. */
  replaceTableAs(relation: string, select: string, temporary?: boolean): string[];
  /** At most `limit` rows of `sql` in a stable order (a report shows the same rows every run). */
  firstRows(sql: string, limit: number): string;
  /** A column's value as canonical text: cast to its declared type, floats rounded to 9 decimals. */
  canonicalText(column: string, type: DataType): string;
}

/** DuckDB, in-process: a fresh in-memory database per case (DuckSession.scratch). */
export const DUCKDB_ENGINE: TestEngine = {
  dialect: 'duckdb',
  label: 'DuckDB',
  relationOf: (catalog) => warehouseRelation(catalog, 'duckdb'),
  schemaStatements,
  scratch: (work) => DuckSession.scratch(work),
  quote: (name) => quoteIdentifier(name, 'duckdb'),
  literal: (value, type) => sqlLiteral(value, type, 'duckdb'),
  typedTable: typedTableStatements,
  replaceTableAs: (relation, select, temporary) => [`CREATE OR REPLACE ${temporary ? 'TEMPORARY ' : ''}TABLE ${relation} AS\n${select}`],
  firstRows: (sql, limit) => `SELECT * FROM (${sql}) ORDER BY ALL LIMIT ${limit}`,
  canonicalText: (column, type) => `CAST(${type.name === 'FLOAT64' ? `ROUND(CAST(${column} AS DOUBLE), 9)` : column} AS VARCHAR)`,
};
