import { randomBytes } from 'node:crypto';
import type { Catalog, DataType, OutputColumn } from '../catalog';
import { sqlType, type RelationOf } from '../compiler';
import { sqlLiteral, type Row } from '../duckdb';
import { PostgresSession } from '../postgres';
import { quoteIdentifier } from '../sql';
import { EngineSeedWarehouse } from './engine-seed-warehouse';
import type { TestEngine } from './test-engine';

const q = (name: string) => quoteIdentifier(name, 'postgresql');

/** A PostgreSQL test run: the engine the cases run on, and the seed warehouse the generic tests read. */
export interface PostgresRun {
  readonly engine: TestEngine;
  seedWarehouse(catalog: Catalog, workspaceRoot: string): EngineSeedWarehouse;
}

/**
 * Runs `work` on PostgreSQL at `url`, in a scratch schema it creates first and drops last
 * (CASCADE: everything the run built), however `work` ends. Nothing else on the server is
 * read or written: the seed warehouse lives in that schema, each case in the session's own
 * temporary schema, and the search path holds only the scratch schema, so no unqualified
 * name can reach a user's table.
 */
export async function withPostgresEngine<T>(url: string, work: (run: PostgresRun) => Promise<T>): Promise<T> {
  const session = await PostgresSession.connect(url);
  try {
    const schema = `specline_test_${randomBytes(6).toString('hex')}`;
    try {
      await session.runAll([`CREATE SCHEMA ${schema}`, `SET search_path TO ${schema}`]);
    } catch (error) {
      throw new Error(
        `cannot create the scratch schema ${schema} on PostgreSQL: ${error instanceof Error ? error.message : String(error)}. The user in the URL needs the CREATE privilege on the database.`,
      );
    }
    try {
      const engine = postgresEngine(session);
      return await work({
        engine,
        seedWarehouse: (catalog, workspaceRoot) =>
          new EngineSeedWarehouse(session, catalog, workspaceRoot, engine, datasetRelation(catalog, schema)),
      });
    } finally {
      await session.run(`DROP SCHEMA ${schema} CASCADE`);
    }
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** Where a dataset lives in `schema`: raw.crm_customers is <schema>.raw__crm_customers. */
function datasetRelation(catalog: Catalog, schema: string): RelationOf {
  return (name) => {
    const dataset = catalog.datasets.get(name);
    return `${schema}.${q(dataset ? `${dataset.schema}__${dataset.name}` : name)}`;
  };
}

/**
 * PostgreSQL as a test engine. A case's tables live in the session's temporary schema
 * (pg_temp.raw__crm_customers), so it starts empty whatever the seed warehouse holds, and
 * DISCARD TEMP ends it, leaving nothing. Not a transaction rolled back: CURRENT_TIMESTAMP is
 * a transaction's start on PostgreSQL, so successive scd2 loads in one transaction would all
 * stamp the same time, which no real run of the generated scripts does.
 */
function postgresEngine(session: PostgresSession): TestEngine {
  return {
    dialect: 'postgresql',
    label: 'PostgreSQL',
    relationOf: (catalog) => datasetRelation(catalog, 'pg_temp'),
    schemaStatements: () => [],
    async scratch(work) {
      try {
        return await work(session);
      } finally {
        await session.run('DISCARD TEMP');
      }
    },
    quote: q,
    literal: (value, type) => sqlLiteral(value, type, 'postgresql'),
    typedTable: typedTableStatements,
    replaceTableAs: (relation, select, temporary) =>
      // pg_temp: a temporary table's name is unqualified, and DROP must find no other table of that name.
      temporary
        ? [`DROP TABLE IF EXISTS pg_temp.${relation}`, `CREATE TEMPORARY TABLE ${relation} AS\n${select}`]
        : [`DROP TABLE IF EXISTS ${relation}`, `CREATE TABLE ${relation} AS\n${select}`],
    // PostgreSQL has no ORDER BY ALL; a row's text orders it whatever its columns' types.
    firstRows: (sql, limit) => `SELECT * FROM (${sql}) AS specline_row ORDER BY CAST(specline_row AS TEXT) LIMIT ${limit}`,
    canonicalText,
  };
}

// https://www.postgresql.org/docs/current/sql-createtable.html has no CREATE OR REPLACE TABLE.
function typedTableStatements(relation: string, columns: readonly OutputColumn[], rows: readonly Row[]): string[] {
  const list = columns.map((column) => `${q(column.name)} ${sqlType(column.type, 'postgresql')}`);
  // CASCADE: the scd2 snapshot view of an earlier load reads the table; the load recreates it.
  const statements = [`DROP TABLE IF EXISTS ${relation} CASCADE`, `CREATE TABLE ${relation} (${list.join(', ')})`];
  if (rows.length === 0) return statements;
  const values = rows.map((row) => `(${columns.map((column) => sqlLiteral(row[column.name], column.type, 'postgresql')).join(', ')})`);
  return [...statements, `INSERT INTO ${relation} VALUES\n${values.join(',\n')}`];
}

/**
 * The text DuckDB prints for the same typed value, where the two can agree: a TIMESTAMP
 * (TIMESTAMPTZ here) in UTC without the offset, a NUMERIC without a declared scale without
 * trailing zeros, a float rounded to 9 decimals and printed shortest.
 */
function canonicalText(column: string, type: DataType): string {
  if (type.name === 'FLOAT64') return `CAST(CAST(ROUND(CAST(${column} AS NUMERIC), 9) AS DOUBLE PRECISION) AS TEXT)`;
  if (type.name === 'TIMESTAMP') return `CAST(CAST(${column} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TEXT)`;
  if (type.name === 'NUMERIC' && type.precision === undefined) return `CAST(TRIM_SCALE(CAST(${column} AS NUMERIC)) AS TEXT)`;
  return `CAST(CAST(${column} AS ${sqlType(type, 'postgresql')}) AS TEXT)`;
}
