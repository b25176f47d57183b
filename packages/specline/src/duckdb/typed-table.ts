import { sqlType } from '../compiler';
import type { OutputColumn } from '../catalog';
import { quoteIdentifier } from '../sql';
import type { DuckSession, Row } from './session';
import { sqlLiteral } from './sql-literal';

/** A column of a table the engine holds: a source's or a model's output column. */
export type TypedColumn = OutputColumn;

/**
 * (Re)creates `relation` with the declared column types and fills it with `rows`. Columns a
 * row leaves out are NULL. NOT NULL is not declared: unit-test rows may omit columns that
 * the model does not read, and the tests themselves check nullability.
 */
export async function loadTypedTable(
  session: DuckSession,
  relation: string,
  columns: readonly TypedColumn[],
  rows: readonly Row[],
): Promise<void> {
  await session.runAll(typedTableStatements(relation, columns, rows));
}

/** The statements of loadTypedTable, for a caller that sends them with others in one script. */
export function typedTableStatements(relation: string, columns: readonly TypedColumn[], rows: readonly Row[]): string[] {
  if (rows.length === 0) return [createTypedTable(relation, columns)];
  const values = rows.map((row) => `(${columns.map((column) => sqlLiteral(row[column.name], column.type)).join(', ')})`);
  return [createTypedTable(relation, columns), `INSERT INTO ${relation} VALUES\n${values.join(',\n')}`];
}

export function createTypedTable(relation: string, columns: readonly TypedColumn[]): string {
  const list = columns.map((column) => `${quoteIdentifier(column.name, 'duckdb')} ${sqlType(column.type, 'duckdb')}`);
  return `CREATE OR REPLACE TABLE ${relation} (${list.join(', ')})`;
}

/** Columns a row names that the table does not have: a typo in a given block, reported rather than dropped. */
export function unknownColumns(columns: readonly TypedColumn[], rows: readonly Row[]): string[] {
  const known = new Set(columns.map((column) => column.name));
  return [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((name) => !known.has(name)).sort();
}
