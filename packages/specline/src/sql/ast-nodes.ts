/**
 * Polyglot's AST is plain JSON: every node is an object with a single key, its type, e.g.
 * {"lower": {"this": {"column": {...}}}}. These helpers walk that JSON directly, because the
 * sdk's own walk() cannot skip a subtree, and several checks must not look inside subqueries.
 */
export type AstNode = Readonly<Record<string, unknown>>;

export function nodeType(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const inner = (value as AstNode)[keys[0] as string];
  return inner === null || typeof inner === 'object' ? keys[0] : undefined;
}

export function nodeData(node: unknown): Readonly<Record<string, unknown>> {
  const type = nodeType(node);
  const inner = type === undefined ? undefined : (node as AstNode)[type];
  return inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : {};
}

/** Node types that start a query of their own: a subquery, IN (SELECT …), EXISTS (…). */
export const QUERY_TYPES: ReadonlySet<string> = new Set(['select', 'union', 'intersect', 'except']);

/**
 * Visits every node in document order. Returning false from visit skips that node's children.
 */
export function visitNodes(value: unknown, visit: (type: string, node: AstNode) => boolean | void): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) visitNodes(item, visit);
    return;
  }
  const type = nodeType(value);
  if (type !== undefined && visit(type, value as AstNode) === false) return;
  for (const child of Object.values(value)) visitNodes(child, visit);
}

/** The nodes of the given types that are not inside another such node. */
export function outermostNodes(value: unknown, types: ReadonlySet<string>): AstNode[] {
  const found: AstNode[] = [];
  visitNodes(value, (type, node) => {
    if (!types.has(type)) return true;
    found.push(node);
    return false;
  });
  return found;
}
