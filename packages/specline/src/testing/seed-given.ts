import { isModel, type Catalog, type Model, type OutputColumn } from '../catalog';
import { DuckSession, SeedWarehouse, type Row } from '../duckdb';
import { quoteIdentifier } from '../sql';
import type { GivenRows } from './input-tables';

/**
 * The model's inputs as the seed CSVs make them (sources from their seeds, upstream models
 * built by the spec), read back as a given block: one more named case to compare on.
 */
export async function seedGiven(catalog: Catalog, model: Model, workspaceRoot: string): Promise<GivenRows> {
  return DuckSession.scratch(async (session) => {
    const warehouse = new SeedWarehouse(session, catalog, workspaceRoot);
    const given: Record<string, Row[]> = {};
    const read = new Set<string>();
    for (const input of model.inputs) {
      // A dataset read twice (a self-join) is one table, given under its first alias.
      if (read.has(input.ref)) continue;
      read.add(input.ref);
      const upstream = catalog.datasets.get(input.ref);
      if (!upstream) continue;
      await warehouse.ensure(input.ref);
      given[input.alias] = await rowsAsText(warehouse, input.ref, isModel(upstream) ? upstream.outputColumns : upstream.columns);
    }
    return given;
  });
}

/**
 * A dataset's rows as DuckDB builds them from the seed CSVs, each value as text (a source's
 * seed read with its declared types, then printed): what another engine is loaded with, so
 * both start from the same typed rows and a bad seed gets the same located error.
 */
export async function seedRowsOf(catalog: Catalog, name: string, columns: readonly OutputColumn[], workspaceRoot: string): Promise<Row[]> {
  return DuckSession.scratch(async (session) => {
    const warehouse = new SeedWarehouse(session, catalog, workspaceRoot);
    await warehouse.ensure(name);
    return rowsAsText(warehouse, name, columns);
  });
}

function rowsAsText(warehouse: SeedWarehouse, name: string, columns: readonly OutputColumn[]): Promise<Row[]> {
  const projection = columns.map(
    (column) => `CAST(${quoteIdentifier(column.name, 'duckdb')} AS VARCHAR) AS ${quoteIdentifier(column.name, 'duckdb')}`,
  );
  return warehouse.session.rows(`SELECT ${projection.join(', ')} FROM ${warehouse.relationOf(name)} ORDER BY ALL`);
}
