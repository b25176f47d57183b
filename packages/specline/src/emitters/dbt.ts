import type { Catalog, Model, SourceTable } from '../catalog';
import { compileModelSelect, compileRejectedRowsDelete, sqlType, type RelationOf } from '../compiler';
import type { Diagnostic } from '../diagnostics';
import { escaped, jinjaArguments, jinjaInertText, sqlLineComment, type Escaped } from '../escaping';
import { quoteIdentifier } from '../sql';
import { dbtModelPaths, dbtSourcePath, placementOf, DBT_PROFILES_FILE, DBT_PROJECT_FILE, DBT_SCHEMA_MACRO_FILE } from './code-paths';
import { dbtColumnTests, dbtSingularTests, dbtUnitTests } from './dbt-tests';
import { dbtProfiles } from './dbt-profiles';
import { parseDuration } from './duration';
import { emitted, refused, type Emitter, type EmitResult, type GeneratedFile } from './emitter';
import { generatedHeader } from './generated-header';
import { partitionType } from './partition-type';
import { renderTemplate } from './render-template';
import { yamlFile } from './yaml-file';

/**
 * dbt: a model file with config(), its property file (an enforced contract, data tests and unit
 * tests in dbt 1.10's form), a property file per source table, snapshots for scd2; for the
 * catalog, dbt_project.yml and a profiles.yml with a target per warehouse.
 */
export const dbtEmitter: Emitter = {
  name: 'dbt',
  emit: (catalog, dataset) => (dataset.kind === 'source' ? emitted([sourceYaml(catalog, dataset)]) : emitModel(catalog, dataset)),
  emitCatalog: (catalog) =>
    emitted([
      dbtProject(catalog),
      yamlFile(DBT_PROFILES_FILE, dbtProfiles(catalog)),
      { path: DBT_SCHEMA_MACRO_FILE, content: SCHEMA_MACRO },
    ]),
};

/**
 * A model's schema is its layer's schema, as the spec says and as Dataform and the SQL scripts
 * build it. dbt's default generate_schema_name would prefix it with the target's schema
 * (staging -> customer_360_staging); this override, the one dbt documents, uses it as it is.
 * https://docs.getdbt.com/docs/build/custom-schemas#changing-the-way-dbt-generates-a-schema-name
 */
const SCHEMA_MACRO = `{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
`;

/** ref('model') or source('system', 'table'): how dbt names a dataset inside Jinja. */
function testRef(catalog: Catalog): (name: string) => string {
  return (name) => {
    const dataset = catalog.datasets.get(name);
    return dataset?.kind === 'source' ? `source('${dataset.system}', '${dataset.table}')` : `ref('${name}')`;
  };
}

function relationOf(catalog: Catalog): RelationOf {
  const ref = testRef(catalog);
  return (name) => `{{ ${ref(name)} }}`;
}

function emitModel(catalog: Catalog, model: Model): EmitResult {
  // A model names its own warehouse when it runs somewhere else than the catalog's default.
  const dialect = model.warehouse;
  const problems: Diagnostic[] = [];
  const select = compileModelSelect(catalog, model, dialect, relationOf(catalog), {
    incremental: { relation: '{{ this }}', guard: (clause) => `{% if is_incremental() %}\n${clause}\n{% endif %}` },
  });
  if (!select.ok) return refused(select.diagnostics);
  const paths = dbtModelPaths(placementOf(catalog, model));
  const files: GeneratedFile[] = [];
  const headerComment = escaped('jinja', sqlLineComment(jinjaInertText(generatedHeader(model))));
  if (model.load.strategy === 'scd2') {
    // dbt snapshots keep the history; the model on top adds is_current, which snapshots lack.
    const load = model.load;
    const snapshot = `${model.name}_snapshot`;
    // The snapshot's file is named after it: dbt names a SQL snapshot by its {% snapshot %} block.
    const config = jinjaArguments({
      target_schema: model.schema,
      unique_key: [...load.naturalKey],
      // check on the tracked columns, like every other platform's apply: the timestamp strategy
      // would open a version on any updated_at change. updated_at, when given, still dates the
      // versions (dbt-labs/dbt-core#5076).
      strategy: 'check',
      check_cols: [...load.trackedColumns],
      updated_at: load.updatedAt,
      hard_deletes: load.onDelete === 'close' ? 'invalidate' : 'ignore',
      snapshot_meta_column_names: { dbt_valid_from: load.validFrom, dbt_valid_to: load.validTo },
    });
    files.push({
      path: paths.snapshot!,
      content: renderTemplate('dbt-snapshot.sql', {
        name: jinja(snapshot),
        config: config.map(jinja),
        headerComment,
        sql: jinja(select.value),
      }),
    });
    const q = (name: string) => quoteIdentifier(name, dialect);
    // Named columns, not *: the snapshot's dbt_scd_id and dbt_updated_at would break the contract.
    const kept = [...model.columns.map((column) => column.name), load.validFrom, load.validTo].map((name) => `  ${q(name)},`);
    const view = `SELECT\n${kept.join('\n')}\n  ${q(load.validTo)} IS NULL AS ${q(load.isCurrent)}\nFROM {{ ref('${snapshot}') }}`;
    files.push({
      path: paths.model,
      content: renderTemplate('dbt-model.sql', {
        preHook: undefined,
        config: jinjaArguments({ materialized: 'view', schema: model.schema }).map(jinja),
        headerComment,
        sql: jinja(view),
      }),
    });
  } else {
    // The plain SQL load's DELETE, as a pre-hook. dbt renders a hook when it runs it, so
    // is_incremental() and {{ this }} are the run's, and runs it before the merge.
    // https://docs.getdbt.com/reference/resource-configs/pre-hook-post-hook
    const removal = compileRejectedRowsDelete(catalog, model, dialect, relationOf(catalog), '{{ this }}');
    if (!removal.ok) return refused(removal.diagnostics);
    const preHook = removal.value === undefined ? undefined : jinja(preHookBlock(removal.value));
    files.push({
      path: paths.model,
      content: renderTemplate('dbt-model.sql', {
        preHook,
        config: [...jinjaArguments(modelConfig(model)), ...(preHook ? [`pre_hook=${PRE_HOOK}`] : [])].map(jinja),
        headerComment,
        sql: jinja(select.value),
      }),
    });
  }
  files.push(
    ...dbtSingularTests(catalog, model, `{{ ref('${model.name}') }}`, problems).map((file) => ({
      ...file,
      path: `${paths.tests}/${file.path}`,
    })),
  );
  files.push(schemaYaml(catalog, model, paths.properties));
  return problems.length ? refused(problems) : emitted(files);
}

/** The Jinja variable that holds an incremental model's pre-hook until config() takes it. */
const PRE_HOOK = 'delete_rows_the_filter_now_rejects';

/**
 * The pre-hook's text in a {% set %} block: {% raw %} keeps its Jinja (is_incremental(),
 * {{ this }}, ref()) unrendered while dbt renders the model file, for dbt to render when it
 * runs the hook. A Jinja comment says what it is for.
 */
function preHookBlock(deleteStatement: string): string {
  return [
    '{# Before the merge, delete the rows of the load window that the source filter now rejects, as a full rebuild would. #}',
    `{% set ${PRE_HOOK} %}{% raw %}`,
    '{% if is_incremental() %}',
    deleteStatement,
    '{% endif %}',
    '{% endraw %}{% endset %}',
  ].join('\n');
}

/**
 * dbt model and snapshot files are Jinja. Their SQL is the compiler's output (identifiers quoted,
 * fragments parsed and free of template syntax, see sql/lexical-checks.ts); config values are
 * Jinja literals; the snapshot name is an identifier.
 */
function jinja(code: string): Escaped {
  return escaped('jinja', code);
}

function modelConfig(model: Model): Record<string, unknown> {
  const partition = model.partitionBy && {
    field: model.partitionBy.column,
    data_type: partitionType(model).toLowerCase(),
    granularity: model.partitionBy.granularity,
  };
  const base = {
    schema: model.schema,
    partition_by: partition,
    cluster_by: model.clusterBy.length ? [...model.clusterBy] : undefined,
    tags: model.tags.length ? [...model.tags] : undefined,
  };
  if (model.load.strategy !== 'incremental') return { materialized: model.load.strategy, ...base };
  // An enforced contract on an incremental model needs on_schema_change: fail (or append_new_columns).
  return {
    materialized: 'incremental',
    unique_key: [...model.load.uniqueKey],
    incremental_strategy: 'merge',
    on_schema_change: 'fail',
    ...base,
  };
}

function schemaYaml(catalog: Catalog, model: Model, path: string): GeneratedFile {
  const dialect = model.warehouse;
  const declared = new Map(model.columns.map((column) => [column.name, column]));
  const columns = model.outputColumns.map((column) => {
    const spec = declared.get(column.name);
    const tests = spec ? dbtColumnTests(spec, testRef(catalog), dialect) : [];
    return {
      name: column.name,
      data_type: sqlType(column.type, dialect),
      ...(spec?.description ? { description: jinjaInertText(spec.description) } : {}),
      ...(tests.length ? { data_tests: tests } : {}),
    };
  });
  // An scd2 model reads its snapshot in dbt, not the spec's inputs its unit tests give rows for.
  const unitTests = model.load.strategy === 'scd2' ? [] : dbtUnitTests(model, testRef(catalog));
  return yamlFile(path, {
    version: 2,
    models: [
      {
        name: model.name,
        ...(model.description ? { description: jinjaInertText(model.description) } : {}),
        config: { contract: { enforced: true } },
        columns,
      },
    ],
    ...(unitTests.length ? { unit_tests: unitTests } : {}),
  });
}

function sourceYaml(catalog: Catalog, source: SourceTable): GeneratedFile {
  const freshness = source.freshness && {
    ...(parseDuration(source.freshness.warnAfter) ? { warn_after: period(source.freshness.warnAfter) } : {}),
    ...(parseDuration(source.freshness.errorAfter) ? { error_after: period(source.freshness.errorAfter) } : {}),
  };
  const table = {
    name: source.table,
    // The table lands as <system>_<table> (raw.crm_customers); source('crm', 'customers') resolves to it.
    identifier: source.name,
    ...(source.description ? { description: jinjaInertText(source.description) } : {}),
    // dbt 1.10 reads freshness and loaded_at_field as configs; at the top level they are deprecated.
    // https://docs.getdbt.com/reference/resource-properties/freshness
    ...(source.freshness ? { config: { loaded_at_field: source.freshness.loadedAt, freshness } } : {}),
    columns: source.columns.map((column) => {
      const tests = dbtColumnTests(column, testRef(catalog), catalog.constitution.warehouse);
      return {
        name: column.name,
        data_type: sqlType(column.type, catalog.constitution.warehouse),
        ...(column.description ? { description: jinjaInertText(column.description) } : {}),
        ...(tests.length ? { data_tests: tests } : {}),
      };
    }),
  };
  return yamlFile(dbtSourcePath(placementOf(catalog, source)), {
    version: 2,
    sources: [{ name: source.system, schema: source.schema, tables: [table] }],
  });
}

function period(text: string | undefined) {
  const duration = parseDuration(text)!;
  return { count: duration.count, period: duration.unit };
}

function dbtProject(catalog: Catalog): GeneratedFile {
  const name = catalog.constitution.name;
  const layers = Object.fromEntries(catalog.constitution.layers.map((layer) => [layer.name, { '+schema': layer.schema }]));
  return yamlFile(DBT_PROJECT_FILE, {
    name,
    version: '1.0.0',
    'config-version': 2,
    // Data test arguments under `arguments:` and freshness as a config are dbt 1.10's forms.
    'require-dbt-version': '>=1.10.0',
    profile: name,
    'model-paths': ['models'],
    'macro-paths': ['macros'],
    'snapshot-paths': ['snapshots'],
    'test-paths': ['tests'],
    models: { [name]: layers },
  });
}
