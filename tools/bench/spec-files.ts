import { stringify } from 'yaml';
import type { CatalogPlan, PlannedColumn, PlannedModel, PlannedSource } from './catalog-plan';

/** A file of a generated workspace: a workspace-relative path and its content. */
export interface BenchFile {
  readonly path: string;
  readonly text: string;
}

const SCHEMAS = 'node_modules/@specline/nx-plugin/schemas';

/** Every platform Specline generates: the default catalog asks for all of them. */
export const ALL_TARGETS = ['dbt', 'dataform', 'pyspark', 'sql', 'airflow'] as const;

/**
 * The plan as Specline specs under specs/: what a user of the plugin would write by hand.
 * `targets` is the constitution's platform list; `['dataform']` gives a catalog that asks for
 * exactly the work `dataform compile` does, for a like-for-like comparison.
 */
export function specFiles(plan: CatalogPlan, targets: readonly string[] = ALL_TARGETS): BenchFile[] {
  return [
    yamlFile('specs/constitution.yaml', constitution(targets)),
    yamlFile('specs/glossary/terms.yaml', glossary(plan.terms)),
    ...plan.sources.map((source) => yamlFile(`specs/sources/${source.system}/${source.table}.yaml`, sourceSpec(source))),
    ...plan.models.map((model) => yamlFile(`specs/models/${model.layer}/${model.name}.yaml`, modelSpec(model))),
  ];
}

function yamlFile(file: string, data: Record<string, unknown>): BenchFile {
  const depth = file.split('/').length - 1;
  const schema = `${'../'.repeat(depth)}${SCHEMAS}/${String(data.kind)}.schema.json`;
  return { path: file, text: `# yaml-language-server: $schema=${schema}\n${stringify({ $schema: schema, ...data })}` };
}

function constitution(targets: readonly string[]): Record<string, unknown> {
  return {
    kind: 'constitution',
    name: 'synthetic',
    description: 'A synthetic catalog for benchmarks: layered sources, staging, intermediate and marts.',
    owner: 'data-platform',
    dialect: 'bigquery',
    warehouse: 'bigquery',
    targets: [...targets],
    sql_dialects: ['duckdb', 'snowflake'],
    schedule: '0 6 * * *',
    source_schema: 'raw',
    layers: {
      staging: { pattern: '^stg_[a-z0-9_]+$', schema: 'staging' },
      intermediate: { pattern: '^int_[a-z0-9_]+$', schema: 'intermediate' },
      marts: { pattern: '^(dim|fact|agg)_[a-z0-9_]+$', schema: 'marts' },
    },
    rules: { required_fields: ['owner', 'description'], primary_key_tests: true },
  };
}

function glossary(terms: readonly string[]): Record<string, unknown> {
  return {
    kind: 'glossary',
    name: 'terms',
    description: 'Business entities of the synthetic catalog.',
    owner: 'data-governance',
    terms: terms.map((term) => ({ name: term, title: term, definition: `A ${term} as the business understands it.` })),
  };
}

function sourceSpec(source: PlannedSource): Record<string, unknown> {
  return {
    kind: 'source',
    name: source.table,
    system: source.system,
    connector: 'postgres',
    description: `The ${source.table} table of ${source.system}.`,
    owner: `${source.system.replace(/_/g, '-')}-team`,
    primary_key: [source.primaryKey],
    load: { strategy: 'incremental', cursor: 'updated_at' },
    freshness: { loaded_at: 'updated_at', warn_after: '12h', error_after: '1d' },
    columns: source.columns.map((column) => ({
      name: column.name,
      type: column.type,
      ...(column.nullable ? {} : { nullable: false }),
      description: column.description,
      ...(column.unique ? { tests: ['not_null', 'unique'] } : {}),
      ...(column.glossary ? { glossary: column.glossary } : {}),
    })),
  };
}

function modelSpec(model: PlannedModel): Record<string, unknown> {
  const load = model.load;
  return {
    kind: 'model',
    name: model.name,
    layer: model.layer,
    description: `${model.layer} model ${model.name}, built from ${model.inputs.map((i) => i.ref).join(' and ')}.`,
    owner: 'analytics-team',
    sources: model.inputs.map((input) => ({
      ref: input.ref,
      alias: input.alias,
      ...(input.filter ? { filter: input.filter, rationale: 'Rows without the key cannot be attributed.' } : {}),
    })),
    ...(model.join
      ? {
          joins: [
            { type: 'left', alias: model.join.alias, on: model.join.on, rationale: 'Every primary row is kept, with or without a match.' },
          ],
        }
      : {}),
    ...(model.groupBy ? { group_by: model.groupBy } : {}),
    load:
      load.strategy === 'scd2'
        ? {
            strategy: 'scd2',
            natural_key: load.key,
            tracked_columns: load.tracked,
            ...(load.cursor ? { updated_at: load.cursor } : {}),
            on_delete: 'close',
          }
        : load.strategy === 'incremental'
          ? { strategy: 'incremental', unique_key: load.key, ...(load.cursor ? { cursor: load.cursor } : {}) }
          : { strategy: load.strategy },
    ...(load.strategy === 'scd2' ? {} : { constraints: { primary_key: [model.primaryKey] } }),
    columns: model.columns.map((column) => modelColumn(column, model)),
  };
}

function modelColumn(column: PlannedColumn, model: PlannedModel): Record<string, unknown> {
  const tests: unknown[] = [];
  const isKey = column.name === model.primaryKey && model.load.strategy !== 'scd2';
  if (isKey || !column.nullable) tests.push('not_null');
  if (isKey) tests.push('unique');
  if (column.acceptedValues) tests.push({ accepted_values: column.acceptedValues });
  if (column.nonNegative && !column.aggregate) tests.push({ expression: '{column} >= 0' });
  return {
    name: column.name,
    type: column.type,
    ...(column.from ? { from: column.from } : {}),
    ...(column.transform ? { transform: column.transform } : {}),
    ...(column.aggregate ? { aggregate: column.aggregate } : {}),
    ...(column.nullable ? {} : { nullable: false }),
    description: column.description,
    ...(column.glossary ? { glossary: column.glossary } : {}),
    ...(tests.length > 0 ? { tests } : {}),
  };
}
