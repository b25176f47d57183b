import { nodeData, QUERY_TYPES, visitNodes } from './ast-nodes';

export interface ColumnRef {
  readonly table?: string;
  readonly name: string;
}

/**
 * The columns an expression reads, distinct, in the order they appear in the text. Columns
 * inside a subquery belong to the subquery's own FROM, not to the model's inputs, so they are
 * left out; ParsedExpression.hasSubquery tells the caller that the list is partial.
 */
export function columnRefs(expression: unknown): ColumnRef[] {
  const found: { ref: ColumnRef; at: number }[] = [];
  visitNodes(expression, (type, node) => {
    if (QUERY_TYPES.has(type)) return false;
    if (type !== 'column') return true;
    const data = nodeData(node);
    const name = identifierName(data['name']);
    if (name === undefined) return true;
    const table = identifierName(data['table']);
    found.push({ ref: Object.freeze(table === undefined ? { name } : { table, name }), at: spanStart(data) });
    return true;
  });
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.ref)
    .filter((ref) => {
      const key = JSON.stringify([ref.table ?? null, ref.name]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function identifierName(identifier: unknown): string | undefined {
  if (identifier === null || typeof identifier !== 'object') return undefined;
  const name = (identifier as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

function spanStart(data: Readonly<Record<string, unknown>>): number {
  const span = data['span'] as { start?: unknown } | undefined;
  return typeof span?.start === 'number' ? span.start : Number.MAX_SAFE_INTEGER;
}
