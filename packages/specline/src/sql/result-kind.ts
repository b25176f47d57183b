/** The kind of value an expression certainly yields, read off its outermost node. */
export type ResultKind = 'string' | 'number' | 'boolean';

// polyglot's node types for string functions it parses into their own nodes.
const STRING_NODES: ReadonlySet<string> = new Set([
  'lower',
  'upper',
  'trim',
  'ltrim',
  'rtrim',
  'initcap',
  'reverse',
  'lpad',
  'rpad',
  'replace',
  'substring',
]);
// Functions polyglot keeps as generic calls, by name, that always return a string in BigQuery.
const STRING_FUNCTIONS: ReadonlySet<string> = new Set([
  'CONCAT',
  'FORMAT',
  'TO_HEX',
  'TO_BASE64',
  'REGEXP_REPLACE',
  'REGEXP_EXTRACT',
  'SUBSTR',
  'LOWER',
  'UPPER',
  'TRIM',
  'INITCAP',
  'REPLACE',
]);
const BOOLEAN_NODES: ReadonlySet<string> = new Set([
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'and',
  'or',
  'not',
  'is_null',
  'like',
  'ilike',
  'in',
  'between',
]);

/**
 * What a parsed expression certainly yields, or undefined when that would need inference (a
 * column, CASE, arithmetic, a cast, an unknown function). Only certain answers are given, so a
 * check built on it reports no false mismatch.
 */
export function resultKind(ast: unknown): ResultKind | undefined {
  if (!ast || typeof ast !== 'object') return undefined;
  const [type] = Object.keys(ast);
  const data = (ast as Record<string, unknown>)[type] as Record<string, unknown> | null;
  if (type === 'literal')
    return data?.['literal_type'] === 'string' ? 'string' : data?.['literal_type'] === 'number' ? 'number' : undefined;
  if (type === 'boolean') return 'boolean';
  if (type === 'paren') return resultKind(data?.['this']);
  if (STRING_NODES.has(type)) return 'string';
  if (type === 'function' && typeof data?.['name'] === 'string' && STRING_FUNCTIONS.has(data['name'].toUpperCase())) return 'string';
  if (BOOLEAN_NODES.has(type)) return 'boolean';
  return undefined;
}
