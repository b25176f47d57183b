import { nodeData, QUERY_TYPES, visitNodes } from './ast-nodes';
import type { ColumnRef } from './column-refs';

/** The comparison operators whose two sides must be of comparable types. */
const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'neq', 'lt', 'lte', 'gt', 'gte']);

/** Every comparison of one column with another (a.x = b.y) in an expression, outside subqueries. */
export function comparedColumns(expression: unknown): { readonly left: ColumnRef; readonly right: ColumnRef }[] {
  const found: { left: ColumnRef; right: ColumnRef }[] = [];
  visitNodes(expression, (type, node) => {
    if (QUERY_TYPES.has(type)) return false;
    if (!COMPARISONS.has(type)) return true;
    const data = nodeData(node);
    const left = columnOf(data['left']);
    const right = columnOf(data['right']);
    if (left && right) found.push({ left, right });
    return true;
  });
  return found;
}

function columnOf(value: unknown): ColumnRef | undefined {
  const column = (value as { column?: { name?: { name?: unknown }; table?: { name?: unknown } } } | null)?.column;
  const name = column?.name?.name;
  if (typeof name !== 'string') return undefined;
  const table = column?.table?.name;
  return typeof table === 'string' ? { table, name } : { name };
}
