import type { Model, SourceTable } from '../catalog';
import { columnSql, describeColumnTest, describeLoad, describeModelTest, describeType, yesNo } from './describe';
import type { ReviewTable } from './review-table';

/** The column mapping of one model: the heart of its review, on its sheet and in model_<name>.csv. */
export const COLUMN_MAPPING_HEADER: readonly string[] = [
  'target',
  'type',
  'from',
  'transform',
  'nullable',
  'tests',
  'description',
  'pii',
  'glossary_term',
];

export function columnMappingTable(model: Model): ReviewTable {
  return {
    header: COLUMN_MAPPING_HEADER,
    rows: model.columns.map((column) => [
      column.name,
      describeType(column),
      column.from ? `${column.from.alias}.${column.from.column}` : '',
      columnSql(column),
      yesNo(column.nullable),
      column.tests.map(describeColumnTest).join('; '),
      column.description ?? '',
      yesNo(column.pii),
      column.glossary ?? '',
    ]),
  };
}

/** The columns of a source table, for its own review page and CSV. */
export function sourceColumnsTable(source: SourceTable): ReviewTable {
  return {
    header: ['column', 'type', 'nullable', 'tests', 'description', 'pii', 'glossary_term'],
    rows: source.columns.map((column) => [
      column.name,
      describeType(column),
      yesNo(column.nullable),
      column.tests.map(describeColumnTest).join('; '),
      column.description ?? '',
      yesNo(column.pii),
      column.glossary ?? '',
    ]),
  };
}

export function inputsTable(model: Model): ReviewTable {
  return {
    header: ['alias', 'reads', 'role', 'filter', 'rationale'],
    rows: model.inputs.map((input, index) => [
      input.alias,
      input.ref,
      index === 0 ? 'from' : 'join',
      input.filter?.text ?? '',
      input.rationale ?? '',
    ]),
  };
}

export const JOINS_HEADER: readonly string[] = ['type', 'alias', 'reads', 'on', 'rationale'];

export function joinsTable(model: Model): ReviewTable {
  const refByAlias = new Map(model.inputs.map((input) => [input.alias, input.ref]));
  return {
    header: JOINS_HEADER,
    rows: model.joins.map((join) => [join.type, join.alias, refByAlias.get(join.alias) ?? '', join.on?.text ?? '', join.rationale ?? '']),
  };
}

export const FILTERS_HEADER: readonly string[] = ['alias', 'reads', 'filter', 'rationale'];

/** The input filters, then the model's own row selections in the order they apply (no alias: they read the joined rows). */
export function filtersTable(model: Model): ReviewTable {
  const { where, having, dedupe } = model;
  const order = dedupe && dedupe.orderBy.map((key) => `${key.column} ${key.direction.toUpperCase()} NULLS ${key.nulls.toUpperCase()}`);
  return {
    header: FILTERS_HEADER,
    rows: [
      ...model.inputs.filter((input) => input.filter).map((input) => [input.alias, input.ref, input.filter!.text, input.rationale ?? '']),
      ...(where ? [['', 'where (after the joins)', where.condition.text, where.rationale ?? '']] : []),
      ...(having ? [['', 'having (after group_by)', having.condition.text, having.rationale ?? '']] : []),
      ...(dedupe && order
        ? [['', 'dedupe (one row per key)', `key ${dedupe.key.join(', ')}; first by ${order.join(', ')}`, dedupe.rationale ?? '']]
        : []),
    ],
  };
}

export const AGGREGATIONS_HEADER: readonly string[] = ['column', 'aggregate', 'sql'];

export function aggregationsTable(model: Model): ReviewTable {
  return {
    header: AGGREGATIONS_HEADER,
    rows: [
      ...model.groupBy.map((column) => [column, 'group by', '']),
      ...model.columns.filter((column) => column.aggregate).map((column) => [column.name, column.aggregate!, columnSql(column)]),
    ],
  };
}

export const CONSTRAINTS_HEADER: readonly string[] = ['constraint', 'value'];

export function constraintsTable(model: Model): ReviewTable {
  const rows: string[][] = [
    ['primary key', model.primaryKey.join(', ')],
    ['load strategy', describeLoad(model.load)],
  ];
  if (model.partitionBy) rows.push(['partition by', `${model.partitionBy.column} (${model.partitionBy.granularity})`]);
  if (model.clusterBy.length > 0) rows.push(['cluster by', model.clusterBy.join(', ')]);
  for (const test of model.tests) rows.push(['model test', describeModelTest(test)]);
  return { header: CONSTRAINTS_HEADER, rows };
}
