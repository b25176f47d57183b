import * as path from 'node:path';
import { type Catalog } from '../src/catalog';
import { loadSpecsFolder } from '../src/load';
import { initSql } from '../src/sql';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

/** Loads a catalog from a workspace (the repository by default) for tests; throws when it does not load. */
export async function exampleCatalog(root = WORKSPACE_ROOT): Promise<Catalog> {
  await initSql();
  const { catalog, diagnostics } = await loadSpecsFolder(root, 'specs');
  if (!catalog) throw new Error(`the catalog does not load: ${JSON.stringify(diagnostics)}`);
  return catalog;
}
