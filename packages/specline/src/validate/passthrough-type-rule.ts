import { formatDataType, tableColumnsOf, type LogicalTypeName } from '../catalog';
import type { Rule } from './rule-context';

/**
 * Conversions a warehouse makes without loss when a value is stored into a column of the
 * other type; anything else across types is rejected (BigQuery) or converted silently and
 * perhaps wrongly (DuckDB casts '2024-01-01' text into DATE, 2.7 into 3), and surfaces late,
 * at test or run time, without a spec location.
 */
const WIDENINGS: ReadonlySet<string> = new Set(['INT64>NUMERIC', 'INT64>FLOAT64', 'NUMERIC>FLOAT64', 'DATE>TIMESTAMP', 'DATE>DATETIME']);

function storable(from: LogicalTypeName, to: LogicalTypeName): boolean {
  return from === to || WIDENINGS.has(`${from}>${to}`);
}

/**
 * A column read as is (`from` without a transform or an aggregate) must be declared with the
 * type of the column it reads, or one that type widens to; a conversion is written as a
 * transform, so that it is visible and reviewed.
 */
export const passthroughTypeRule: Rule = ({ catalog, report }) => {
  for (const model of catalog.models) {
    const aliases = new Map(model.inputs.map((input) => [input.alias, input.ref]));
    for (const column of model.columns) {
      if (!column.from || column.transform !== undefined || column.aggregate !== undefined) continue;
      const input = catalog.datasets.get(aliases.get(column.from.alias) ?? '');
      const read = input && tableColumnsOf(input).find((candidate) => candidate.name === column.from!.column);
      if (!read || storable(read.type.name, column.type.name)) continue;
      report(
        'TYPE002',
        model,
        `${column.pointer}/type`,
        `"${column.name}" is declared ${formatDataType(column.type)} but reads ${column.from.alias}.${column.from.column}, which is ${formatDataType(read.type)}.`,
        `Declare it as ${formatDataType(read.type)}, or convert it explicitly: transform: "CAST({from} AS ${formatDataType(column.type)})".`,
      );
    }
  }
};
