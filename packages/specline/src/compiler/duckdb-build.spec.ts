import { DuckDBInstance } from '@duckdb/node-api';
import { exampleCatalog } from '../../test-support/example-catalog';
import { typedTables } from '../../test-support/example-catalog-tables';
import { compileLoadStatements } from './compile-load';
import { warehouseRelation } from './warehouse-relation';

describe('compiled DuckDB SQL on the example catalog', () => {
  it('builds every model from the seed CSVs, twice (incremental and scd2 loads re-run cleanly)', async () => {
    const catalog = await exampleCatalog();
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    for (const statement of typedTables(catalog, 'duckdb', false)) await connection.run(statement);
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
