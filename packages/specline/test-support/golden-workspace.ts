import * as path from 'node:path';
import { type Catalog } from '../src/catalog';
import { formatDiagnostics } from '../src/diagnostics';
import type { GeneratedFile } from '../src/emitters/emitter';
import { generateCatalogCode, generateDatasetCode } from '../src/emitters/generate-code';

/** The fixture catalog of the golden tests: every load strategy, join type and aggregate. */
export const GOLDEN_WORKSPACE = path.join(__dirname, 'golden', 'workspace');

/** Every file of every project, as the codegen target lays them out: <project>/<path>; catalog files under _catalog/. */
export function generateAll(catalog: Catalog): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const dataset of [...catalog.datasets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const code = generateDatasetCode(catalog, dataset);
    if (code.diagnostics.length) throw new Error(`${dataset.name}: ${formatDiagnostics(code.diagnostics)}`);
    files.push(...code.files.map((file) => ({ path: `${dataset.name}/${file.path}`, content: file.content })));
  }
  const catalogCode = generateCatalogCode(catalog);
  if (catalogCode.diagnostics.length) throw new Error(formatDiagnostics(catalogCode.diagnostics));
  files.push(...catalogCode.files.map((file) => ({ path: `_catalog/${file.path}`, content: file.content })));
  return files;
}
