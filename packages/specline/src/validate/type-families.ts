import type { LogicalTypeName } from '../catalog';

/** Types a warehouse compares with each other without a cast: the numbers, and the dates and times. */
const GROUPS: readonly ReadonlySet<LogicalTypeName>[] = [
  new Set(['INT64', 'NUMERIC', 'FLOAT64']),
  new Set(['DATE', 'DATETIME', 'TIMESTAMP']),
];

/** Whether two column types compare without a cast. */
export function comparable(a: LogicalTypeName, b: LogicalTypeName): boolean {
  return a === b || GROUPS.some((group) => group.has(a) && group.has(b));
}

/**
 * Whether a column of this type compares with a literal of this kind without a cast, as
 * BigQuery decides: a string literal coerces to a date or time, never to a number or a
 * boolean; a number literal compares with numbers only; TRUE and FALSE with booleans only.
 */
export function comparableWithLiteral(type: LogicalTypeName, literal: 'string' | 'number' | 'boolean'): boolean {
  if (literal === 'number') return GROUPS[0].has(type);
  if (literal === 'boolean') return type === 'BOOL';
  return type === 'STRING' || GROUPS[1].has(type);
}
