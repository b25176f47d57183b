import { DuckSession, SeedWarehouse } from '../duckdb';
import type { Catalog } from '../catalog';

const warehouses = new Map<Catalog, Promise<SeedWarehouse>>();

/**
 * One in-memory warehouse built from the seed CSVs per catalog and process: in Nx batch mode
 * every test task of a run shares it, and each dataset is built once.
 */
export function seededMemoryWarehouse(catalog: Catalog, workspaceRoot: string): Promise<SeedWarehouse> {
  let warehouse = warehouses.get(catalog);
  if (!warehouse) {
    warehouse = DuckSession.open().then((session) => new SeedWarehouse(session, catalog, workspaceRoot));
    warehouses.set(catalog, warehouse);
  }
  return warehouse;
}
