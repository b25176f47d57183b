import { nodeData, visitNodes } from './ast-nodes';
import type { SqlToken } from './sql-tokens';

/**
 * Keywords that can stand before '(' without being a function call: `x IN (…)`,
 * `NOT (…)`, `OVER (…)`, `COUNT(x) FILTER (WHERE …)`, `CASE (x) WHEN …`.
 */
const NOT_CALLS = new Set([
  'ALL',
  'AND',
  'ANY',
  'AS',
  'BETWEEN',
  'BY',
  'CASE',
  'DISTINCT',
  'ELSE',
  'END',
  'EXCEPT',
  'EXISTS',
  'FILTER',
  'FROM',
  'GROUP',
  'HAVING',
  'IGNORE',
  'ILIKE',
  'IN',
  'INTERSECT',
  'INTERVAL',
  'IS',
  'JOIN',
  'LIKE',
  'LIMIT',
  'NOT',
  'NULLS',
  'ON',
  'OR',
  'ORDER',
  'OVER',
  'PARTITION',
  'QUALIFY',
  'RESPECT',
  'RLIKE',
  'SELECT',
  'SOME',
  'THEN',
  'UNION',
  'USING',
  'VALUES',
  'WHEN',
  'WHERE',
  'WINDOW',
  'WITHIN',
]);

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Upper-case names of the functions an expression calls, distinct, in order of appearance,
 * including calls inside subqueries. Read from tokens rather than the AST because polyglot
 * turns many calls into typed nodes (COUNTIF becomes count_if) and loses the written name.
 */
export function functionNames(tokens: readonly SqlToken[], expression: unknown): string[] {
  const niladic = niladicFunctions(expression);
  const names: string[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const isCall = next?.type === 'L_PAREN' && (isIdentifier(token) || (WORD.test(token.text) && !NOT_CALLS.has(token.text.toUpperCase())));
    const isNiladic = next?.type !== 'L_PAREN' && niladic.has(token.text.toUpperCase());
    if (isCall || isNiladic) names.push(qualifiedName(tokens, i).toUpperCase());
  });
  return [...new Set(names)];
}

function isIdentifier(token: SqlToken): boolean {
  return token.type === 'VAR' || token.type === 'QUOTED_IDENTIFIER';
}

/** `SAFE.PARSE_DATE(…)` and `project.dataset.udf(…)` keep their qualifier. */
function qualifiedName(tokens: readonly SqlToken[], index: number): string {
  const parts = [tokens[index]?.text ?? ''];
  for (let i = index; i >= 2; i -= 2) {
    const dot = tokens[i - 1];
    const qualifier = tokens[i - 2];
    if (dot?.type !== 'DOT' || !qualifier || !isIdentifier(qualifier)) break;
    parts.unshift(qualifier.text);
  }
  return parts.join('.');
}

/** CURRENT_DATE and friends are calls without parentheses; only the AST knows them apart from columns. */
function niladicFunctions(expression: unknown): Set<string> {
  const names = new Set<string>();
  visitNodes(expression, (type, node) => {
    const data = nodeData(node);
    if (type === 'function' && data['no_parens'] === true && typeof data['name'] === 'string') names.add(data['name'].toUpperCase());
  });
  return names;
}
