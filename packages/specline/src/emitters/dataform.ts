import type { Catalog, Model, SourceTable } from '../catalog';
import { compileLoadStatements, compileModelSelect, compileRejectedRowsDelete, type RelationOf } from '../compiler';
import type { Diagnostic } from '../diagnostics';
import { DATAFORM_SETTINGS_FILE, dataformPath, placementOf } from './code-paths';
import { dataformAssertions } from './dataform-assertions';
import { DATAFORM_DIALECT } from './dataform-dialect';
import { partitionType } from './partition-type';
import { emitted, refused, type Emitter, type EmitResult, type GeneratedFile } from './emitter';
import { generatedHeader } from './generated-header';
import { renderTemplate } from './render-template';
import { escaped, sqlLineComment, sqlxConfigObject, sqlxInertText } from '../escaping';
import { yamlFile } from './yaml-file';

/** The @dataform/core version the generated repository is written for (the workspace's package.json pins it too). */
export const DATAFORM_CORE_VERSION = '3.0.62';

/** Dataform: one SQLX per model with its config block, declarations for sources, workflow_settings.yaml. */
export const dataformEmitter: Emitter = {
  name: 'dataform',
  emit: (catalog, dataset) => (dataset.kind === 'source' ? emitted([declaration(catalog, dataset)]) : emitModel(catalog, dataset)),
  emitCatalog: (catalog) =>
    emitted([
      // With dataformCoreVersion here, and no package.json beside it, the CLI and Dataform in
      // Google Cloud install that @dataform/core themselves: the folder is a repository as it is.
      // https://cloud.google.com/dataform/docs/manage-repository#dataform-core-version
      yamlFile(DATAFORM_SETTINGS_FILE, {
        dataformCoreVersion: DATAFORM_CORE_VERSION,
        defaultProject: catalog.constitution.name.replace(/_/g, '-'),
        defaultLocation: 'US',
        defaultDataset: catalog.constitution.name,
        defaultAssertionDataset: `${catalog.constitution.name}_assertions`,
      }),
    ]),
};

function relationOf(catalog: Catalog, self: string): RelationOf {
  return (name) => {
    if (name === self) return '${self()}';
    const dataset = catalog.datasets.get(name);
    return dataset?.kind === 'source'
      ? `\${ref(${JSON.stringify(dataset.schema)}, ${JSON.stringify(dataset.name)})}`
      : `\${ref(${JSON.stringify(name)})}`;
  };
}

function emitModel(catalog: Catalog, model: Model): EmitResult {
  const problems: Diagnostic[] = [];
  const dialect = DATAFORM_DIALECT;
  const relations = relationOf(catalog, model.name);
  const compiled =
    model.load.strategy === 'scd2'
      ? // Dataform has no snapshots: an operations action runs the scd2 apply as one BigQuery script.
        mapOk(compileLoadStatements(catalog, model, dialect, relations), (statements) => `${statements.join(';\n\n')};`)
      : compileModelSelect(catalog, model, dialect, relations, { incremental: { relation: '${self()}', guard: whenIncremental } });
  if (!compiled.ok) return refused(compiled.diagnostics);
  // The plain SQL load's DELETE, before the merge: Dataform runs an incremental table's
  // pre_operations before it, and when(incremental()) leaves them empty on a full rebuild.
  // https://cloud.google.com/dataform/docs/incremental-tables
  const removal = compileRejectedRowsDelete(catalog, model, dialect, relations, '${self()}');
  if (!removal.ok) return refused(removal.diagnostics);
  const assertions = dataformAssertions(catalog, model, problems);
  if (problems.length) return refused(problems);
  const config = {
    type: model.load.strategy === 'scd2' ? 'operations' : model.load.strategy,
    ...(model.load.strategy === 'scd2' ? { hasOutput: true } : {}),
    schema: model.schema,
    name: model.name,
    ...(model.description ? { description: model.description } : {}),
    ...(model.load.strategy === 'incremental' ? { uniqueKey: [...model.load.uniqueKey] } : {}),
    ...(model.load.strategy !== 'scd2' ? { columns: columnDescriptions(model) } : {}),
    ...(bigqueryOptions(model) ?? {}),
    ...(assertions && model.load.strategy !== 'scd2' ? { assertions } : {}),
    ...(model.tags.length ? { tags: [...model.tags] } : {}),
  };
  const file: GeneratedFile = {
    path: dataformPath(placementOf(catalog, model)),
    content: renderTemplate('dataform.sqlx', {
      config: escaped('sqlx', sqlxConfigObject(config)),
      headerComment: escaped('sqlx', sqlLineComment(sqlxInertText(generatedHeader(model)))),
      // The compiler's SQL: identifiers quoted, fragments parsed and free of ${ (sql/lexical-checks.ts).
      sql: escaped('sqlx', compiled.value),
      preOperations: removal.value === undefined ? undefined : escaped('sqlx', whenIncremental(removal.value)),
    }),
  };
  return emitted([file]);
}

/**
 * SQL that only an incremental run executes: a JavaScript template literal inside
 * ${when(incremental(), `...`)}, so backticks (BigQuery's identifier quotes) and backslashes are
 * escaped, while the ${self()} and ${ref()} it holds are still evaluated.
 */
function whenIncremental(sql: string): string {
  return `\${when(incremental(), \`${sql.replace(/[`\\]/g, '\\$&')}\`)}`;
}

function columnDescriptions(model: Model): Record<string, string> {
  return Object.fromEntries(model.columns.filter((column) => column.description).map((column) => [column.name, column.description!]));
}

function bigqueryOptions(model: Model) {
  if (model.load.strategy === 'view' || model.load.strategy === 'scd2') return undefined;
  const options = {
    ...(model.partitionBy
      ? { partitionBy: `${partitionType(model)}_TRUNC(${model.partitionBy.column}, ${model.partitionBy.granularity.toUpperCase()})` }
      : {}),
    ...(model.clusterBy.length ? { clusterBy: [...model.clusterBy] } : {}),
  };
  return Object.keys(options).length ? { bigquery: options } : undefined;
}

function declaration(catalog: Catalog, source: SourceTable): GeneratedFile {
  const config = {
    type: 'declaration',
    schema: source.schema,
    name: source.name,
    ...(source.description ? { description: source.description } : {}),
  };
  return {
    path: dataformPath(placementOf(catalog, source)),
    content: `config ${sqlxConfigObject(config)}\n`,
  };
}

function mapOk<T, U>(result: { ok: true; value: T } | { ok: false; diagnostics: readonly Diagnostic[] }, map: (value: T) => U) {
  return result.ok ? { ok: true as const, value: map(result.value) } : result;
}
