import { formatDataType, type LogicalTypeName } from '../catalog';
import { resultKind, type ResultKind } from '../sql';
import type { Rule } from './rule-context';

/** The declared types a value of each kind may be written into without a conversion. */
const ACCEPTS: Readonly<Record<ResultKind, readonly LogicalTypeName[]>> = {
  string: ['STRING'],
  number: ['INT64', 'NUMERIC', 'FLOAT64'],
  boolean: ['BOOL'],
};

/**
 * A transform whose value is certainly of another kind than the column's declared type
 * (LOWER(...) into INT64, a comparison into STRING): BigQuery refuses to write it into the
 * enforced contract, and DuckDB converts it silently or fails on the data at test time.
 * Transforms whose type would need inference (columns, CASE, arithmetic, casts) are not judged.
 */
export const transformTypeRule: Rule = ({ catalog, report }) => {
  for (const model of catalog.models) {
    model.columns.forEach((column) => {
      if (column.aggregate || column.transform === undefined) return;
      const kind = resultKind(column.expression.parsed.ast);
      if (!kind || ACCEPTS[kind].includes(column.type.name)) return;
      report(
        'TYPE005',
        model,
        column.expression.pointer,
        `The transform of ${column.name} yields a ${kind}, but the column is declared ${formatDataType(column.type)}.`,
        `Declare the column as ${kind === 'string' ? 'STRING' : kind === 'boolean' ? 'BOOL' : 'a number type'}, or convert the value, e.g. CAST(... AS ${formatDataType(column.type)}).`,
      );
    });
  }
};
