import * as path from 'node:path';
import { type Catalog } from '../src/catalog';
import { formatDiagnostics } from '../src/diagnostics';
import type { GeneratedFile } from '../src/emitters/emitter';
import { generateCatalogCode, generateDatasetCode } from '../src/emitters/generate-code';

/** The fixture catalog of the golden tests: every load strategy, join type and aggregate. */
export const GOLDEN_WORKSPACE = path.join(__dirname, 'golden', 'workspace');

/**
 * The output folder after every codegen task, as the codegen targets lay it out: the platform
 * trees (dbt/, dataform/, ...) holding every project's files and the catalog's, and each
 * project's own files under <project>/codegen/. Sorted by path.
 */
export function generateAll(catalog: Catalog): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const dataset of [...catalog.datasets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const code = generateDatasetCode(catalog, dataset);
    if (code.diagnostics.length) throw new Error(`${dataset.name}: ${formatDiagnostics(code.diagnostics)}`);
    files.push(
      ...code.files,
      ...code.projectFiles.map((file) => ({ path: `${dataset.name}/codegen/${file.path}`, content: file.content })),
    );
  }
  const catalogCode = generateCatalogCode(catalog);
  if (catalogCode.diagnostics.length) throw new Error(formatDiagnostics(catalogCode.diagnostics));
  files.push(...catalogCode.files);
  const paths = files.map((file) => file.path);
  const repeated = paths.find((file, index) => paths.indexOf(file) !== index);
  if (repeated) throw new Error(`Two projects write ${repeated}.`);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
