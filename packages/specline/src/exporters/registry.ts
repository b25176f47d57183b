import type { Catalog, Dataset } from '../catalog';
import { toCatalogMermaid } from './catalog-diagram';
import { toCatalogCsvs, toModelCsv, toSourceCsv } from './csv-set';
import type { ExportedFile } from './exported-file';
import { toModelMermaid, toSourceMermaid } from './model-diagram';
import { toModelMarkdown, toSourceMarkdown } from './review-page';
import { toWorkbook } from './workbook';

/** A format that documents one dataset (a source or model project's `export`). */
export type DatasetExporter = (dataset: Dataset) => ExportedFile[];
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
};

export const CATALOG_EXPORTERS: Readonly<Record<string, CatalogExporter>> = {
  excel: async (catalog) => [{ path: 'catalog.xlsx', content: await toWorkbook(catalog) }],
  csv: async (catalog) => toCatalogCsvs(catalog),
  mermaid: async (catalog) => [{ path: 'catalog.mmd', content: toCatalogMermaid(catalog) }],
};

export function exportDataset(dataset: Dataset): ExportedFile[] {
  return Object.keys(DATASET_EXPORTERS)
    .sort()
    .flatMap((name) => DATASET_EXPORTERS[name](dataset));
}

export async function exportCatalog(catalog: Catalog): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  for (const name of Object.keys(CATALOG_EXPORTERS).sort()) files.push(...(await CATALOG_EXPORTERS[name](catalog)));
  return files;
}
