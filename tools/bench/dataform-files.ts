import type { CatalogPlan, PlannedColumn, PlannedModel, PlannedSource } from './catalog-plan';
import type { BenchFile } from './spec-files';

/**
 * The plan as a Dataform project written the way a Dataform user would by hand (not by our
 * codegen): one declaration per source, one SQLX per model with its description, column
 * docs and built-in assertions. Dataform has no SCD2 type; users write an incremental table
 * merged on the key, so that is what scd2 models become here.
 */
export function dataformFiles(plan: CatalogPlan): BenchFile[] {
  return [
    // The version pin the CLI requires; the package itself is copied into node_modules, not installed.
    {
      path: 'package.json',
      text: '{\n  "name": "synthetic-bench",\n  "private": true,\n  "dependencies": { "@dataform/core": "3.0.62" }\n}\n',
    },
    {
      path: 'workflow_settings.yaml',
      text: 'defaultProject: synthetic-bench\ndefaultLocation: US\ndefaultDataset: dataform\ndefaultAssertionDataset: dataform_assertions\n',
    },
    ...plan.sources.map((source) => ({ path: `definitions/sources/${source.system}/${source.table}.sqlx`, text: declaration(source) })),
    ...plan.models.map((model) => ({ path: `definitions/${model.layer}/${model.name}.sqlx`, text: modelSqlx(model, plan) })),
  ];
}

function declaration(source: PlannedSource): string {
  const config = {
    type: 'declaration',
    schema: 'raw',
    name: source.name,
    description: `The ${source.table} table of ${source.system}.`,
    columns: columnDocs(source.columns),
  };
  return `config ${JSON.stringify(config, null, 2)}\n`;
}

function modelSqlx(model: PlannedModel, plan: CatalogPlan): string {
  const schema = model.layer;
  const type = model.load.strategy === 'scd2' ? 'incremental' : model.load.strategy;
  const keyed = model.columns.filter((c) => !c.nullable).map((c) => c.name);
  const rowConditions = model.columns.flatMap((c) => [
    ...(c.acceptedValues ? [`${c.name} IS NULL OR ${c.name} IN (${c.acceptedValues.map((v) => `'${v}'`).join(', ')})`] : []),
    ...(c.nonNegative && !c.aggregate ? [`${c.name} IS NULL OR ${c.name} >= 0`] : []),
  ]);
  const config = {
    type,
    schema,
    name: model.name,
    description: `${model.layer} model ${model.name}, built from ${model.inputs.map((i) => i.ref).join(' and ')}.`,
    ...(type === 'incremental' ? { uniqueKey: model.load.key } : {}),
    columns: columnDocs(model.columns),
    assertions: {
      ...(model.load.strategy === 'scd2' ? {} : { uniqueKey: [model.primaryKey] }),
      nonNull: keyed,
      ...(rowConditions.length > 0 ? { rowConditions } : {}),
    },
  };
  const sourceNames = new Set(plan.sources.map((s) => s.name));
  const refOf = (name: string) => (sourceNames.has(name) ? `\${ref("raw", "${name}")}` : `\${ref("${name}")}`);
  const [primary, lookup] = model.inputs;
  const select = model.columns.map((c) => `  ${expression(c)} AS ${c.name}`).join(',\n');
  const lines = [`config ${JSON.stringify(config, null, 2)}`, '', 'SELECT', select, `FROM ${refOf(primary.ref)} AS ${primary.alias}`];
  if (lookup && model.join) lines.push(`LEFT JOIN ${refOf(lookup.ref)} AS ${lookup.alias} ON ${model.join.on}`);
  const filters = model.inputs.filter((i) => i.filter).map((i) => i.filter!.replace(/^(?![a-z]+\.)/, `${i.alias}.`));
  if (filters.length > 0) lines.push(`WHERE ${filters.join(' AND ')}`);
  if (type === 'incremental' && model.load.cursor)
    lines.push(
      `\${when(incremental(), \`${filters.length > 0 ? 'AND' : 'WHERE'} ${primary.alias}.${model.load.cursor} > (SELECT MAX(${model.load.cursor}) FROM \${self()})\`)}`,
    );
  if (model.groupBy) lines.push(`GROUP BY ${model.groupBy.map((column) => `${primary.alias}.${column}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function expression(column: PlannedColumn): string {
  const from = column.from ?? column.name;
  const value = column.transform ? column.transform.split('{from}').join(from) : from;
  if (!column.aggregate) return `CAST(${value} AS ${column.type})`;
  return column.aggregate === 'count'
    ? `COUNT(${value})`
    : column.aggregate === 'count_distinct'
      ? `COUNT(DISTINCT ${value})`
      : `${column.aggregate.toUpperCase()}(${value})`;
}

function columnDocs(columns: readonly PlannedColumn[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.name, c.description]));
}
