import { nodeData, nodeType } from '../ast-nodes';

/**
 * Reading and building the few literal nodes the semantic corrections need. Polyglot keeps
 * a literal's decoded value, so r'\d' and '\\d' both read as the two characters \d.
 */
export function stringValue(node: unknown): string | undefined {
  if (nodeType(node) !== 'literal') return undefined;
  const data = nodeData(node);
  const kind = String(data['literal_type'] ?? '');
  if (!/string$/.test(kind) || /byte|national|hex/.test(kind)) return undefined;
  return typeof data['value'] === 'string' ? data['value'] : undefined;
}

export function stringLiteral(value: string): unknown {
  return { literal: { literal_type: 'string', value } };
}

/** A date part as BigQuery writes it: MONTH (a bare word) or WEEK(MONDAY) (a call). */
export function datePart(node: unknown): string | undefined {
  const type = nodeType(node);
  const data = nodeData(node);
  if (type === 'var' && typeof data['this'] === 'string') return data['this'].toUpperCase();
  if (type === 'column') return (data['name'] as { name?: string } | undefined)?.name?.toUpperCase();
  if (type === 'function' && typeof data['name'] === 'string' && Array.isArray(data['args']) && data['args'].length === 1) {
    const inner = datePart(data['args'][0]);
    return inner === undefined ? undefined : `${data['name'].toUpperCase()}(${inner})`;
  }
  return undefined;
}

export function castNode(type: 'cast' | 'safe_cast', value: unknown, to: unknown): unknown {
  return { [type]: { this: value, to, trailing_comments: [], double_colon_syntax: false } };
}
