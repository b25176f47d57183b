import { formatDataType, tableColumnsOf } from '../catalog';
import { comparedColumns } from '../sql';
import type { Rule } from './rule-context';
import { comparable } from './type-families';

/**
 * A join condition that compares a column of one input with a column of another must compare
 * like with like: BigQuery refuses BIGINT = TIMESTAMP, and DuckDB converts one side silently
 * (or fails on the data, at test time, with no spec location).
 */
export const joinKeyTypeRule: Rule = ({ catalog, report }) => {
  for (const model of catalog.models) {
    const aliases = new Map(model.inputs.map((input) => [input.alias, catalog.datasets.get(input.ref)]));
    const typeOf = (ref: { table?: string; name: string }) => {
      const dataset = ref.table === undefined ? undefined : aliases.get(ref.table);
      return dataset && tableColumnsOf(dataset).find((column) => column.name === ref.name)?.type;
    };
    for (const join of model.joins) {
      if (!join.on) continue;
      for (const { left, right } of comparedColumns(join.on.parsed.ast)) {
        const [leftType, rightType] = [typeOf(left), typeOf(right)];
        if (!leftType || !rightType || comparable(leftType.name, rightType.name)) continue;
        report(
          'TYPE003',
          model,
          `${join.pointer}/on`,
          `The join on ${join.alias} compares ${left.table}.${left.name} (${formatDataType(leftType)}) with ${right.table}.${right.name} (${formatDataType(rightType)}).`,
          `Compare columns of one type: fix the declared type of one of them, or convert one side in the condition, e.g. CAST(${right.table}.${right.name} AS ${formatDataType(leftType)}).`,
        );
      }
    }
  }
};
