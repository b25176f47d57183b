import type { Catalog, Model, OutputColumn } from '../catalog';
import { quoteIdentifier, type SqlDialect } from '../sql';
import type { Compiled } from './compile-problem';
import { compileModelSelect, type RelationOf } from './compile-select';
import { compileScd2Apply } from './scd2-apply';
import { sqlType } from './sql-type';

// https://www.postgresql.org/docs/current/sql-createtable.html has no CREATE OR REPLACE TABLE.
const REPLACES_TABLES = new Set(['duckdb', 'snowflake', 'bigquery', 'databricks', 'spark']);

/**
 * The statements that build a model in plain SQL: CREATE for table and view, CREATE IF NOT
 * EXISTS plus MERGE on the unique key for incremental (after deleting the rows of the load
 * window its first input's filter now rejects), and the snapshot apply for scd2.
 */
export function compileLoadStatements(catalog: Catalog, model: Model, dialect: SqlDialect, relationOf: RelationOf): Compiled<string[]> {
  const target = relationOf(model.name);
  const q = (name: string) => quoteIdentifier(name, dialect);
  const select = compileModelSelect(catalog, model, dialect, relationOf, { incremental: { relation: target } });
  if (!select.ok) return select;
  const load = model.load;
  if (load.strategy === 'view') return ok([`CREATE OR REPLACE VIEW ${target} AS\n${select.value}`]);
  if (load.strategy === 'table') {
    if (REPLACES_TABLES.has(dialect)) return ok([`CREATE OR REPLACE TABLE ${target} AS\n${select.value}`]);
    return ok([`DROP TABLE IF EXISTS ${target}`, `CREATE TABLE ${target} AS\n${select.value}`]);
  }
  const create = createTableIfMissing(model, dialect, target);
  const columns = model.columns.map((column) => q(column.name));
  if (load.strategy === 'incremental') {
    const others = columns.filter((column) => !load.uniqueKey.some((key) => q(key) === column));
    const removed = compileRejectedRowsDelete(catalog, model, dialect, relationOf, target);
    if (!removed.ok) return removed;
    return ok([
      create,
      ...(removed.value === undefined ? [] : [removed.value]),
      [
        `MERGE INTO ${target} AS t`,
        `USING (\n${indent(select.value)}\n) AS s`,
        `ON ${load.uniqueKey.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ')}`,
        ...(others.length ? [`WHEN MATCHED THEN UPDATE SET ${others.map((column) => `${column} = s.${column}`).join(', ')}`] : []),
        `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((column) => `s.${column}`).join(', ')})`,
      ].join('\n'),
    ]);
  }
  const snapshot = q(`${model.name}__snapshot`);
  return ok([create, snapshotStatement(dialect, snapshot, select.value), ...compileScd2Apply(model, dialect, target, snapshot)]);
}

/**
 * For an incremental model whose first input has a filter, the DELETE that runs before the
 * MERGE: it removes the table's rows whose key comes back in the load window rejected by the
 * filter (e.g. an order turned into a test order), as a full rebuild would drop them. Every
 * target that loads incrementally runs this one statement, with its own name for the table
 * (`target`) and for the inputs; undefined when the first input has no filter.
 */
export function compileRejectedRowsDelete(
  catalog: Catalog,
  model: Model,
  dialect: SqlDialect,
  relationOf: RelationOf,
  target: string,
): Compiled<string | undefined> {
  if (model.load.strategy !== 'incremental' || !model.inputs[0]?.filter) return { ok: true, value: undefined };
  const q = (name: string) => quoteIdentifier(name, dialect);
  const rejected = compileModelSelect(catalog, model, dialect, relationOf, { incremental: { relation: target, rejected: true } });
  if (!rejected.ok) return rejected;
  const keys = model.load.uniqueKey.map((key) => `r.${q(key)} = t.${q(key)}`).join(' AND ');
  return {
    ok: true,
    value: `DELETE FROM ${target} AS t\nWHERE EXISTS (\n  SELECT 1 FROM (\n${indent(indent(rejected.value))}\n  ) AS r\n  WHERE ${keys}\n)`,
  };
}

/** The typed table an incremental or scd2 load merges into, created on the first run. */
export function createTableIfMissing(model: Model, dialect: SqlDialect, target: string): string {
  return createColumnsTable(model.outputColumns, dialect, target);
}

/** CREATE TABLE IF NOT EXISTS with these typed columns, e.g. the landing table of a source. */
export function createColumnsTable(columns: readonly OutputColumn[], dialect: SqlDialect, target: string): string {
  const definitions = columns.map(
    (column) => `  ${quoteIdentifier(column.name, dialect)} ${sqlType(column.type, dialect)}${column.nullable ? '' : ' NOT NULL'}`,
  );
  return `CREATE TABLE IF NOT EXISTS ${target} (\n${definitions.join(',\n')}\n)`;
}

// BigQuery scripts have temporary tables but no temporary views:
// https://cloud.google.com/bigquery/docs/multi-statement-queries#temporary_tables
function snapshotStatement(dialect: SqlDialect, name: string, select: string): string {
  return dialect === 'bigquery' ? `CREATE TEMP TABLE ${name} AS\n${select}` : `CREATE OR REPLACE TEMPORARY VIEW ${name} AS\n${select}`;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

function ok(statements: string[]): Compiled<string[]> {
  return { ok: true, value: statements };
}
