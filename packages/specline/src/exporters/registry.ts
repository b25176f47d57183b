import type { Catalog, Dataset } from '../catalog';
import { toCatalogMermaid } from './catalog-diagram';
import { toCatalogCsvs, toModelCsv, toSourceCsv } from './csv-set';
import type { ExportedFile } from './exported-file';
import { toModelMermaid, toSourceMermaid } from './model-diagram';
import { toModelMarkdown, toSourceMarkdown } from './review-page';
import { toOpenLineageCatalog, toOpenLineageDataset } from './openlineage';
import { toWorkbook } from './workbook';

/**
 * A format that documents one dataset (a source or model project's `export`). It reads the
 * catalog only for what the dataset's own spec points at (its inputs' names, for lineage).
 */
export type DatasetExporter = (dataset: Dataset, catalog: Catalog) => ExportedFile[];
/** A format that documents the whole catalog (the `catalog` project's `export`). */
export type CatalogExporter = (catalog: Catalog) => Promise<ExportedFile[]>;

/** The formats, registered by name; the executor runs them all, tests may pick one. */
export const DATASET_EXPORTERS: Readonly<Record<string, DatasetExporter>> = {
  csv: (dataset) => [dataset.kind === 'model' ? toModelCsv(dataset) : toSourceCsv(dataset)],
  mermaid: (dataset) => [
    { path: `${dataset.name}.mmd`, content: dataset.kind === 'model' ? toModelMermaid(dataset) : toSourceMermaid(dataset) },
  ],
  markdown: (dataset) => [
    { path: `${dataset.name}.md`, content: dataset.kind === 'model' ? toModelMarkdown(dataset) : toSourceMarkdown(dataset) },
  ],
  openlineage: (dataset, catalog) => [
    { path: `${dataset.name}.openlineage.json`, content: jsonFile(toOpenLineageDataset(catalog, dataset)) },
  ],
};

export const CATALOG_EXPORTERS: Readonly<Record<string, CatalogExporter>> = {
  excel: async (catalog) => [{ path: 'catalog.xlsx', content: await toWorkbook(catalog) }],
  csv: async (catalog) => toCatalogCsvs(catalog),
  mermaid: async (catalog) => [{ path: 'catalog.mmd', content: toCatalogMermaid(catalog) }],
  openlineage: async (catalog) => [{ path: 'catalog.openlineage.json', content: jsonFile(toOpenLineageCatalog(catalog)) }],
};

export function exportDataset(dataset: Dataset, catalog: Catalog): ExportedFile[] {
  return Object.keys(DATASET_EXPORTERS)
    .sort()
    .flatMap((name) => DATASET_EXPORTERS[name](dataset, catalog));
}

/** JSON as review tools and diffs read it: two-space indent, a final newline. */
function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function exportCatalog(catalog: Catalog): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  for (const name of Object.keys(CATALOG_EXPORTERS).sort()) files.push(...(await CATALOG_EXPORTERS[name](catalog)));
  return files;
}
