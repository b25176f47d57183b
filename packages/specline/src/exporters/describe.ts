import { formatDataType, type ColumnTest, type LoadStrategy, type ModelColumn, type ModelTest } from '../catalog';

/**
 * How review documents spell catalog values. Kept in one place so the workbook, the CSVs
 * and the Markdown pages never disagree about what a reviewer reads.
 */
export function describeColumnTest(test: ColumnTest): string {
  switch (test.kind) {
    case 'accepted_values':
      return `accepted_values(${test.values.map(String).join(', ')})`;
    case 'relationships':
      return `relationships(${test.to}.${test.field})`;
    case 'expression':
      return `expression(${test.expression.text})`;
    default:
      return test.kind;
  }
}

export function describeModelTest(test: ModelTest): string {
  switch (test.kind) {
    case 'row_count':
      return `row_count(${[test.min === undefined ? '' : `min ${test.min}`, test.max === undefined ? '' : `max ${test.max}`].filter(Boolean).join(', ')})`;
    case 'unique_combination':
      return `unique_combination(${test.columns.join(', ')})`;
    default:
      return `expression(${test.expression.text})`;
  }
}

const AGGREGATE_SQL: Readonly<Record<string, (text: string) => string>> = {
  count_distinct: (text) => `COUNT(DISTINCT ${text})`,
};

/** The SQL that computes the column, aggregate included: what the generated code executes. */
export function columnSql(column: ModelColumn): string {
  const text = column.expression.text;
  if (!column.aggregate) return text;
  return (AGGREGATE_SQL[column.aggregate] ?? ((t: string) => `${column.aggregate!.toUpperCase()}(${t})`))(text);
}

export function describeType(column: { readonly type: Parameters<typeof formatDataType>[0] }): string {
  return formatDataType(column.type);
}

export function describeLoad(load: LoadStrategy): string {
  switch (load.strategy) {
    case 'incremental':
      return `incremental (unique key ${load.uniqueKey.join(', ')}${load.cursor ? `; cursor ${load.cursor}` : ''})`;
    case 'scd2':
      return `scd2 (natural key ${load.naturalKey.join(', ')}; tracks ${load.trackedColumns.join(', ')})`;
    default:
      return load.strategy;
  }
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no';
}
