import { nodeData, QUERY_TYPES, visitNodes } from './ast-nodes';
import type { ColumnRef } from './column-refs';

/** The comparison operators whose two sides must be of comparable types. */
const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'neq', 'lt', 'lte', 'gt', 'gte']);

/** One side of a comparison that can be typed without inference: a column, or a literal. */
export type ComparedOperand =
  | { readonly kind: 'column'; readonly ref: ColumnRef }
  | { readonly kind: 'literal'; readonly family: 'string' | 'number' | 'boolean'; readonly text: string };

/**
 * Every comparison in an expression, outside subqueries, whose two sides are each a column
 * or a literal (a.x = 'abc', y > 3, a.k = b.k). Other operands (function calls, arithmetic)
 * are left out: their types would need inference.
 */
export function comparisons(expression: unknown): { readonly left: ComparedOperand; readonly right: ComparedOperand }[] {
  const found: { left: ComparedOperand; right: ComparedOperand }[] = [];
  visitNodes(expression, (type, node) => {
    if (QUERY_TYPES.has(type)) return false;
    if (!COMPARISONS.has(type)) return true;
    const data = nodeData(node);
    const left = operandOf(data['left']);
    const right = operandOf(data['right']);
    if (left && right) found.push({ left, right });
    return true;
  });
  return found;
}

/** Every comparison of one column with another (a.x = b.y) in an expression, outside subqueries. */
export function comparedColumns(expression: unknown): { readonly left: ColumnRef; readonly right: ColumnRef }[] {
  return comparisons(expression).flatMap(({ left, right }) =>
    left.kind === 'column' && right.kind === 'column' ? [{ left: left.ref, right: right.ref }] : [],
  );
}

function operandOf(value: unknown): ComparedOperand | undefined {
  const node = value as {
    column?: { name?: { name?: unknown }; table?: { name?: unknown } };
    literal?: { literal_type?: unknown; value?: unknown };
    boolean?: { value?: unknown };
  } | null;
  if (node?.column) {
    const name = node.column.name?.name;
    if (typeof name !== 'string') return undefined;
    const table = node.column.table?.name;
    return { kind: 'column', ref: typeof table === 'string' ? { table, name } : { name } };
  }
  if (node?.literal && (node.literal.literal_type === 'string' || node.literal.literal_type === 'number'))
    return { kind: 'literal', family: node.literal.literal_type, text: String(node.literal.value) };
  if (node?.boolean) return { kind: 'literal', family: 'boolean', text: String(node.boolean.value).toUpperCase() };
  return undefined;
}
