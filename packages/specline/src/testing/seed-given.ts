import { isModel, type Catalog, type Model } from '../catalog';
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
      const columns = isModel(upstream) ? upstream.outputColumns : upstream.columns;
      const projection = columns.map(
        (column) => `CAST(${quoteIdentifier(column.name, 'duckdb')} AS VARCHAR) AS ${quoteIdentifier(column.name, 'duckdb')}`,
      );
      given[input.alias] = await session.rows(`SELECT ${projection.join(', ')} FROM ${warehouse.relationOf(input.ref)} ORDER BY ALL`);
    }
    return given;
  });
}
