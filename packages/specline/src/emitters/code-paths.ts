import type { Catalog, Dataset } from '../catalog';
import type { OwnedPaths } from '../output';
import type { Target } from '../spec/types';

/**
 * Where generated code goes. Every platform has one tree under the output folder, named after
 * the platform (dbt/, dataform/, airflow/, sql/, pyspark/), deployable as it is; each dataset
 * owns a few files in those trees, and the catalog owns the project-wide ones. This module is
 * the one map from a dataset to its paths: the emitters write to them, the plugin declares them
 * as the codegen target's Nx outputs (from the spec summary, before any catalog is loaded), and
 * codegen removes whatever no current spec owns. Paths are relative to the output folder.
 */
export const CODE_TREES: readonly Target[] = ['dbt', 'dataform', 'pyspark', 'sql', 'airflow'];

/** What decides a dataset's paths; a resolved dataset and the plugin's spec summary both give it. */
export interface DatasetPlacement {
  readonly kind: 'source' | 'model';
  /** The dataset name (a source's is <system>_<table>). */
  readonly name: string;
  /** A model's layer. */
  readonly layer?: string;
  /** A source's system and its table's name there. */
  readonly system?: string;
  readonly table?: string;
  /** The platforms it is generated for (a source: the constitution's). */
  readonly targets: readonly Target[];
  /** A model loaded as scd2 (dbt builds it from a snapshot). */
  readonly scd2?: boolean;
}

/** What decides the catalog's paths: its SQL dialects. */
export interface CatalogPlacement {
  readonly sqlDialects: readonly string[];
}

/** The files one dataset (or the catalog) owns in the trees, and the folders it owns whole (a model's singular dbt tests, the DAG folder). */
export type CodePaths = OwnedPaths;

export function dbtSourcePath(source: DatasetPlacement): string {
  return `dbt/models/sources/${source.system}/${source.table}.yml`;
}

export function dbtModelPaths(dataset: DatasetPlacement) {
  const folder = `dbt/models/${dataset.layer}`;
  return {
    model: `${folder}/${dataset.name}.sql`,
    properties: `${folder}/${dataset.name}.yml`,
    snapshot: dataset.scd2 ? `dbt/snapshots/${dataset.name}_snapshot.sql` : undefined,
    tests: `dbt/tests/${dataset.name}`,
  };
}

export function dataformPath(dataset: DatasetPlacement): string {
  return dataset.kind === 'source'
    ? `dataform/definitions/sources/${dataset.system}/${dataset.table}.sqlx`
    : `dataform/definitions/${dataset.layer}/${dataset.name}.sqlx`;
}

export function pysparkPath(dataset: DatasetPlacement): string | undefined {
  return dataset.kind === 'model' ? `pyspark/${dataset.layer}/${dataset.name}.py` : undefined;
}

export function sqlPath(dataset: DatasetPlacement, dialect: string): string {
  return dataset.kind === 'source'
    ? `sql/${dialect}/sources/${dataset.system}/${dataset.table}.sql`
    : `sql/${dialect}/${dataset.layer}/${dataset.name}.sql`;
}

/** Every path one dataset's codegen writes into the trees. */
export function datasetCodePaths(dataset: DatasetPlacement, catalog: CatalogPlacement): CodePaths {
  const files: string[] = [];
  const folders: string[] = [];
  for (const target of dataset.targets) {
    if (target === 'dbt' && dataset.kind === 'source') files.push(dbtSourcePath(dataset));
    else if (target === 'dbt') {
      const dbt = dbtModelPaths(dataset);
      files.push(...[dbt.model, dbt.properties, dbt.snapshot].filter(isPath));
      folders.push(dbt.tests);
    } else if (target === 'dataform') files.push(dataformPath(dataset));
    else if (target === 'pyspark') files.push(...[pysparkPath(dataset)].filter(isPath));
    else if (target === 'sql') files.push(...catalog.sqlDialects.map((dialect) => sqlPath(dataset, dialect)));
  }
  return { files: [...new Set(files)].sort(), folders: [...new Set(folders)].sort() };
}

export const DBT_PROJECT_FILE = 'dbt/dbt_project.yml';
export const DBT_PROFILES_FILE = 'dbt/profiles.yml';
export const DBT_SCHEMA_MACRO_FILE = 'dbt/macros/generate_schema_name.sql';
export const DATAFORM_SETTINGS_FILE = 'dataform/workflow_settings.yaml';
export const AIRFLOW_DAGS_FOLDER = 'airflow/dags';

export function buildOrderPath(dialect: string): string {
  return `sql/${dialect}/build.sql`;
}

/** The catalog's own files: project settings, the DAG folder (every DAG is the catalog's), the build order per dialect. */
export function catalogCodePaths(catalog: CatalogPlacement): CodePaths {
  return {
    files: [
      DBT_PROJECT_FILE,
      DBT_PROFILES_FILE,
      DBT_SCHEMA_MACRO_FILE,
      DATAFORM_SETTINGS_FILE,
      ...catalog.sqlDialects.map(buildOrderPath),
    ].sort(),
    folders: [AIRFLOW_DAGS_FOLDER],
  };
}

/** A resolved dataset's placement. */
export function placementOf(catalog: Catalog, dataset: Dataset): DatasetPlacement {
  return dataset.kind === 'source'
    ? { kind: 'source', name: dataset.name, system: dataset.system, table: dataset.table, targets: catalog.constitution.targets }
    : { kind: 'model', name: dataset.name, layer: dataset.layer, targets: dataset.targets, scd2: dataset.load.strategy === 'scd2' };
}

/** The one question "which files does this dataset generate": its paths in the trees, relative to the output folder. */
export function codePathsOf(catalog: Catalog, dataset: Dataset): CodePaths {
  return datasetCodePaths(placementOf(catalog, dataset), catalog.constitution);
}

function isPath(value: string | undefined): value is string {
  return value !== undefined;
}
