import type { Catalog, Model, SourceTable } from '../catalog';
import { allColumnsTable, allJoinsTable, allTestsTable, allTransformsTable, dataLineageTable, overviewTable } from './catalog-tables';
import { toCsv } from './csv';
import type { ExportedFile } from './exported-file';
import { columnMappingTable, sourceColumnsTable } from './model-tables';

/** The catalog's CSV set; the numbered names keep the files in reading order in a pull request. */
export function toCatalogCsvs(catalog: Catalog): ExportedFile[] {
  return [
    { path: '00_overview.csv', content: toCsv(overviewTable(catalog)) },
    { path: '01_all_columns.csv', content: toCsv(allColumnsTable(catalog)) },
    { path: '02_all_transforms.csv', content: toCsv(allTransformsTable(catalog)) },
    { path: '03_all_joins.csv', content: toCsv(allJoinsTable(catalog)) },
    { path: '04_all_tests.csv', content: toCsv(allTestsTable(catalog)) },
    { path: '05_data_lineage.csv', content: toCsv(dataLineageTable(catalog)) },
  ];
}

export function toModelCsv(model: Model): ExportedFile {
  return { path: `model_${model.name}.csv`, content: toCsv(columnMappingTable(model)) };
}

export function toSourceCsv(source: SourceTable): ExportedFile {
  return { path: `source_${source.name}.csv`, content: toCsv(sourceColumnsTable(source)) };
}
