import type { ColumnDraft } from './column-draft';
import { inferCsvColumns } from './csv';
import { readCreateTable } from './ddl';
import type { ParsedModels } from './imported-model';
import { parseRequirementsMarkdown } from './requirements-markdown';
import { parseSpecJson } from './spec-json';

export * from './column-draft';
export * from './import-error';
export * from './imported-model';
export { toModelSpec, type ConvertedModel, type ImportContext } from './to-model-spec';
export { readDbtProject, renderDbtSql, type ColumnTypeLookup, type DbtFiles } from './dbt-project';
export { dbtFilesFromManifest } from './dbt-manifest';

/** What a table format says about one source table. */
export interface ImportedTable {
  readonly columns: readonly ColumnDraft[];
  readonly primaryKey: readonly string[];
  /** What the input says that the spec has no place for, one line each, to report. */
  readonly notCarried: readonly string[];
}

/**
 * A format that describes one source table (spec:table). `origin` names the input in
 * messages; `dialect` is the SQL dialect of a DDL file. Throws ImportError.
 */
export interface TableImporter {
  readonly name: 'ddl' | 'csv';
  read(text: string, origin: string, dialect: string): Promise<ImportedTable>;
}

/** A format that describes models (spec:import); what it cannot map is listed, never dropped. */
export interface ModelImporter {
  readonly name: 'markdown' | 'json';
  /** The file name endings it reads, lower-case. */
  readonly extensions: readonly string[];
  /** What a file of this format is expected to hold, for the "no models found" message. */
  readonly expected: string;
  read(text: string, origin: string): ParsedModels;
}

export const TABLE_IMPORTERS: Readonly<Record<TableImporter['name'], TableImporter>> = {
  ddl: { name: 'ddl', read: (text, origin, dialect) => readCreateTable(text, dialect, origin) },
  csv: { name: 'csv', read: async (text, origin) => ({ columns: inferCsvColumns(text, origin), primaryKey: [], notCarried: [] }) },
};

export const MODEL_IMPORTERS: readonly ModelImporter[] = [
  { name: 'markdown', extensions: ['.md'], expected: '"## Model: <name> (schema: <s>)" sections', read: parseRequirementsMarkdown },
  { name: 'json', extensions: ['.json'], expected: 'a model object, or { "models": [...] }', read: parseSpecJson },
];

/** The model importer for a file name, by its ending. */
export function modelImporterFor(file: string): ModelImporter | undefined {
  const lower = file.toLowerCase();
  return MODEL_IMPORTERS.find((importer) => importer.extensions.some((extension) => lower.endsWith(extension)));
}
