import { formatDataType, tableColumnsOf, type Catalog, type DataType, type Model, type SqlFragment } from '../catalog';
import { comparisons, type ComparedOperand } from '../sql';
import type { Rule } from './rule-context';
import { comparable, comparableWithLiteral } from './type-families';

/**
 * A filter, a transform, a where or a join condition that compares a column with a literal or with
 * another column must compare like with like, as the constitution's dialect types it:
 * BigQuery refuses `INT64 = 'abc'` ("No matching signature for operator ="), and DuckDB casts
 * one side silently, failing on the data at test time with no spec location, or not at all.
 * Column-to-column comparisons across two inputs of a join are TYPE003 (join-key-type-rule).
 */
export const comparisonTypeRule: Rule = ({ catalog, report }) => {
  for (const model of catalog.models) {
    const typeIn = columnTypes(catalog, model);
    const check = (fragment: SqlFragment, where: string, defaultAlias: string | undefined, columnPairs: boolean) => {
      for (const { left, right } of comparisons(fragment.parsed.ast)) {
        if (left.kind === 'column' && right.kind === 'column' && !columnPairs) continue;
        const problem = mismatch(left, right, (ref) => typeIn(ref.table ?? defaultAlias, ref.name));
        if (problem) report('TYPE004', model, fragment.pointer, `${where} compares ${problem.text}.`, problem.hint);
      }
    };
    for (const input of model.inputs) if (input.filter) check(input.filter, `The filter on ${input.alias}`, input.alias, true);
    for (const column of model.columns) check(column.expression, `The transform of ${column.name}`, undefined, true);
    if (model.where) check(model.where.condition, 'The where condition', undefined, true);
    // A join's column pairs are TYPE003's; its comparisons with literals are checked here.
    for (const join of model.joins) if (join.on) check(join.on, `The join on ${join.alias}`, undefined, false);
  }
};

function mismatch(
  left: ComparedOperand,
  right: ComparedOperand,
  typeOf: (ref: { table?: string; name: string }) => { name: string; type: DataType } | undefined,
): { text: string; hint: string } | undefined {
  if (left.kind === 'literal' && right.kind === 'literal') return undefined;
  const [column, other] = left.kind === 'column' ? [left, right] : [right as typeof left & { kind: 'column' }, left];
  if (column.kind !== 'column') return undefined;
  const typed = typeOf(column.ref);
  if (!typed) return undefined;
  const name = `${column.ref.table ? `${column.ref.table}.` : ''}${column.ref.name}`;
  if (other.kind === 'literal') {
    if (comparableWithLiteral(typed.type.name, other.family)) return undefined;
    const literal = other.family === 'string' ? `'${other.text}'` : other.text;
    return {
      text: `${name} (${formatDataType(typed.type)}) with the ${other.family} ${literal}`,
      hint:
        other.family === 'string' && ['INT64', 'NUMERIC', 'FLOAT64'].includes(typed.type.name)
          ? `Write the number without quotes, e.g. ${name} = ${other.text.replace(/[^0-9.-]/g, '') || '0'}, or fix the column's declared type.`
          : `Compare with a literal of the column's type, or fix the column's declared type.`,
    };
  }
  const otherTyped = typeOf(other.ref);
  if (!otherTyped || comparable(typed.type.name, otherTyped.type.name)) return undefined;
  const otherName = `${other.ref.table ? `${other.ref.table}.` : ''}${other.ref.name}`;
  return {
    text: `${name} (${formatDataType(typed.type)}) with ${otherName} (${formatDataType(otherTyped.type)})`,
    hint: `Compare columns of one type: fix a declared type, or convert one side, e.g. CAST(${otherName} AS ${formatDataType(typed.type)}).`,
  };
}

/**
 * The declared type of a column an expression of `model` reads: by alias when qualified (or
 * when the fragment belongs to one input, as a filter does), else the one input that has the
 * column. Unknown or ambiguous references are left to the reference checks.
 */
function columnTypes(catalog: Catalog, model: Model) {
  const inputs = model.inputs.map((input) => ({ alias: input.alias, dataset: catalog.datasets.get(input.ref) }));
  const columnsOf = (dataset: (typeof inputs)[number]['dataset']) => (dataset ? tableColumnsOf(dataset) : []);
  return (alias: string | undefined, name: string): { name: string; type: DataType } | undefined => {
    if (alias !== undefined) return columnsOf(inputs.find((input) => input.alias === alias)?.dataset).find((c) => c.name === name);
    const found = inputs.flatMap((input) => columnsOf(input.dataset).filter((c) => c.name === name));
    return found.length === 1 ? found[0] : undefined;
  };
}
