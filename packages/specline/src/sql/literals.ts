import { visitNodes } from './ast-nodes';

/** A literal written in an expression: the values a CASE branch or a filter compares with. */
export interface WrittenLiteral {
  readonly family: 'string' | 'number';
  readonly text: string;
}

/**
 * Every string and number literal in a parsed expression, subqueries included, in order.
 * Generated test rows draw from them, so each CASE branch and each side of a filter is reached.
 */
export function literalsIn(expression: unknown): WrittenLiteral[] {
  const found: WrittenLiteral[] = [];
  visitNodes(expression, (type, node) => {
    if (type !== 'literal') return true;
    const literal = node['literal'] as { literal_type?: unknown; value?: unknown } | null;
    if (literal && (literal.literal_type === 'string' || literal.literal_type === 'number'))
      found.push({ family: literal.literal_type, text: String(literal.value) });
    return false;
  });
  return found;
}
