import * as path from 'node:path';
import type { Catalog } from '../src/catalog';
import { formatDiagnostics } from '../src/diagnostics';
import { loadSpecsFolder, type LoadedCatalog } from '../src/load';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

/**
 * The one loader tests use for a catalog that must be clean: the repository's example catalog
 * by default, or a scratch copy. Any diagnostic fails the test that asked, with its text.
 */
export async function exampleCatalog(root = WORKSPACE_ROOT): Promise<Catalog> {
  const { catalog, diagnostics } = await catalogAt(root);
  if (!catalog || diagnostics.length > 0)
    throw new Error(`the catalog at ${root} does not load cleanly:\n${formatDiagnostics(diagnostics)}`);
  return catalog;
}

/** A workspace's specs/ folder loaded as the executors load it, diagnostics and all, for tests that check them. */
export function catalogAt(root: string): Promise<LoadedCatalog> {
  return loadSpecsFolder(root, 'specs');
}
