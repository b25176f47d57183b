import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Catalog } from '../catalog';
import { loadSpecsFolder } from '../load';
import { initSql, quoteIdentifier } from '../sql';
import { compileLoadStatements } from './compile-load';
import { sqlType } from './sql-type';
import { warehouseRelation } from './warehouse-relation';

const ROOT = path.resolve(__dirname, '../../../..');

async function exampleCatalog(): Promise<Catalog> {
  await initSql();
  const { catalog } = await loadSpecsFolder(ROOT, 'specs');
  if (!catalog) throw new Error('the example catalog does not load');
  return catalog;
}

/** Loads every seed CSV into raw.<table> with the source spec's declared types. */
function seedStatements(catalog: Catalog): string[] {
  const relation = warehouseRelation(catalog, 'duckdb');
  const statements = [
    'CREATE SCHEMA IF NOT EXISTS raw',
    ...catalog.constitution.layers.map((layer) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(layer.schema, 'duckdb')}`),
  ];
  for (const source of catalog.sources) {
    if (!source.seed) continue;
    const columns = source.columns.map((column) => `'${column.name}': '${sqlType(column.type, 'duckdb')}'`).join(', ');
    statements.push(
      `CREATE TABLE ${relation(source.name)} AS SELECT * FROM read_csv('${path.join(ROOT, source.seed)}', header = true, columns = {${columns}})`,
    );
  }
  return statements;
}

describe('compiled DuckDB SQL on the example catalog', () => {
  it('builds every model from the seed CSVs, twice (incremental and scd2 loads re-run cleanly)', async () => {
    const catalog = await exampleCatalog();
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    for (const statement of seedStatements(catalog)) await connection.run(statement);
    const relation = warehouseRelation(catalog, 'duckdb');
    for (let run = 0; run < 2; run++) {
      for (const model of catalog.models) {
        const compiled = compileLoadStatements(catalog, model, 'duckdb', relation);
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
        for (const statement of compiled.value) await connection.run(statement);
      }
    }
    const counts: Record<string, number> = {};
    for (const model of catalog.models) {
      const reader = await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM ${relation(model.name)}`);
      counts[model.name] = Number(reader.getRowObjects()[0].n);
    }
    expect(Object.values(counts).every((count) => count > 0)).toBe(true);
    // The second run saw no change: scd2 opened no new versions.
    const current = await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM ${relation('dim_customer')} WHERE NOT is_current`);
    expect(Number(current.getRowObjects()[0].n)).toBe(0);
  });
});
