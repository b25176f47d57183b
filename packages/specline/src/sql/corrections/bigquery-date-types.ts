import { nodeData, nodeType } from '../ast-nodes';
import { type ColumnTypes, columnTypeOf } from '../column-types';
import { type CorrectionPlan, replace } from './correction-plan';
import { castNode } from './source-literals';

/** BigQuery's DATE type as a source AST node, the `to` of a cast. */
export const DATE_TYPE: unknown = { data_type: 'date' };

/** BigQuery functions that always return a DATE, whatever their argument. */
const DATE_FUNCTIONS: ReadonlySet<string> = new Set(['DATE', 'CURRENT_DATE', 'DATE_ADD', 'DATE_SUB', 'PARSE_DATE', 'DATE_FROM_UNIX_DATE']);

/**
 * Whether a source node is certainly a DATE in BigQuery, read off its syntax: a DATE literal,
 * a cast to DATE, a call that returns one, DATE_TRUNC of a date, or a column the scope
 * declares a DATE.
 */
export function isDateValued(node: unknown, columns: ColumnTypes): boolean {
  const type = nodeType(node);
  const data = nodeData(node);
  if (type === 'column') return columnTypeOf(node, columns) === 'DATE';
  if (type === 'paren') return isDateValued(data['this'], columns);
  if (type === 'literal') return data['literal_type'] === 'date';
  if (type === 'cast' || type === 'safe_cast') return (data['to'] as { data_type?: unknown } | undefined)?.data_type === 'date';
  if (type === 'last_day') return true;
  if (type !== 'function' || typeof data['name'] !== 'string') return false;
  const name = data['name'].toUpperCase();
  const args = Array.isArray(data['args']) ? data['args'] : [];
  return DATE_FUNCTIONS.has(name) || (name === 'DATE_TRUNC' && isDateValued(args[0], columns));
}

/**
 * The call inside CAST(… AS DATE). DuckDB and PostgreSQL add an interval to a date as a
 * TIMESTAMP (midnight), where BigQuery's DATE_ADD and DATE_SUB, which take only a DATE, give a
 * DATE: the value is the same, its text and type are not. Month arithmetic keeps BigQuery's
 * rule on both engines (2024-01-31 plus one month is 2024-02-29, the month's last day).
 */
export function keptAsDate(): CorrectionPlan {
  return replace((node) => castNode('cast', node, DATE_TYPE));
}

/** A rewrite whose result is a DATE in BigQuery but a TIMESTAMP in the target, cast back. */
export function asDate(plan: CorrectionPlan): CorrectionPlan {
  return plan.kind === 'rewrite' ? { ...plan, castTo: DATE_TYPE } : plan;
}
