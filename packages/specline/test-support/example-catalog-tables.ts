import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalog, SourceTable } from '../src/catalog';
import { createColumnsTable, createTableIfMissing, warehouseRelation } from '../src/compiler';
import { quoteIdentifier } from '../src/sql/quote-identifier';
import { WORKSPACE_ROOT } from './example-catalog';

/**
 * Test fixtures for running generated SQL on real engines: the example catalog in specs/, and
 * the statements that give an engine its typed tables, as codegen's plain SQL names them
 * (raw.<table>, <layer schema>.<model>), with the seed CSVs loaded into the sources.
 */

export type SeededEngine = 'duckdb' | 'postgresql';

/** CREATE SCHEMA and CREATE TABLE for every source (seeded) and, with `models`, every model (empty). */
export function typedTables(catalog: Catalog, dialect: SeededEngine, models: boolean): string[] {
  const relation = warehouseRelation(catalog, dialect);
  const schemas = [catalog.constitution.sourceSchema, ...catalog.constitution.layers.map((layer) => layer.schema)];
  const statements = [...new Set(schemas)].map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema, dialect)};`);
  for (const source of catalog.sources) {
    statements.push(`${createColumnsTable(source.columns, dialect, relation(source.name))};`);
    if (source.seed) statements.push(seedStatement(catalog, source, dialect));
  }
  if (models) for (const model of catalog.models) statements.push(`${createTableIfMissing(model, dialect, relation(model.name))};`);
  return statements;
}

/** Loads the source's seed CSV into its landing table. */
export function seedStatement(catalog: Catalog, source: SourceTable, dialect: SeededEngine): string {
  const table = warehouseRelation(catalog, dialect)(source.name);
  const file = path.join(WORKSPACE_ROOT, source.seed ?? '');
  const header = fs.readFileSync(file, 'utf8').split('\n')[0]?.trim() ?? '';
  const columns = header
    .split(',')
    .map((name) => quoteIdentifier(name, dialect))
    .join(', ');
  // psql's \copy reads the file as the client, so the server user needs no access to the checkout.
  if (dialect === 'postgresql') return `\\copy ${table} (${columns}) FROM '${file}' WITH (FORMAT csv, HEADER true)`;
  return `INSERT INTO ${table} (${columns}) SELECT * FROM read_csv('${file}', header = true, all_varchar = true);`;
}
