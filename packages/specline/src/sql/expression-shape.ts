import { type AstNode, nodeData, nodeType, visitNodes } from './ast-nodes';
import type { SqlToken } from './sql-tokens';
import { topLevelTokens } from './lexical-checks';
import { sqlProblem, type SqlProblem } from './sql-problem';

export type ShapeOutcome = { ok: true; expression: AstNode } | { ok: false; problem: SqlProblem };

/** Clauses of the wrapping SELECT that a fragment could smuggle in, with the keyword that starts each. */
const CLAUSES: Readonly<Record<string, { label: string; keyword: string }>> = {
  from: { label: 'a FROM clause', keyword: 'FROM' },
  joins: { label: 'a JOIN', keyword: 'JOIN' },
  lateral_views: { label: 'a LATERAL VIEW', keyword: 'LATERAL' },
  where_clause: { label: 'a WHERE clause', keyword: 'WHERE' },
  group_by: { label: 'a GROUP BY clause', keyword: 'GROUP' },
  having: { label: 'a HAVING clause', keyword: 'HAVING' },
  qualify: { label: 'a QUALIFY clause', keyword: 'QUALIFY' },
  order_by: { label: 'an ORDER BY clause', keyword: 'ORDER' },
  limit: { label: 'a LIMIT clause', keyword: 'LIMIT' },
  offset: { label: 'an OFFSET clause', keyword: 'OFFSET' },
  fetch: { label: 'a FETCH clause', keyword: 'FETCH' },
  distinct: { label: 'DISTINCT', keyword: 'DISTINCT' },
  distinct_on: { label: 'DISTINCT ON', keyword: 'DISTINCT' },
  top: { label: 'TOP', keyword: 'TOP' },
  with: { label: 'a WITH clause', keyword: 'WITH' },
  windows: { label: 'a WINDOW clause', keyword: 'WINDOW' },
  into: { label: 'an INTO clause', keyword: 'INTO' },
  kind: { label: 'SELECT AS STRUCT/VALUE', keyword: 'AS' },
  sample: { label: 'a SAMPLE clause', keyword: 'USING' },
  operation_modifiers: { label: 'a query modifier', keyword: '' },
};

const HINT_EXPRESSION_ONLY =
  'Write only the expression, e.g. LOWER(TRIM(c.email)); joins, filters and grouping belong in their own spec fields.';

/**
 * Checks that the parsed `SELECT <fragment>` is that and nothing more: one select item, no
 * clause, no alias, no `*`, no query parameter. Returns the select item itself.
 */
export function checkExpressionShape(statements: readonly unknown[], text: string, tokens: readonly SqlToken[]): ShapeOutcome {
  const fail = (problem: SqlProblem): ShapeOutcome => ({ ok: false, problem });
  const statement = statements[0];
  if (statements.length !== 1)
    return fail(sqlProblem('SQL002', 'The SQL holds more than one statement.', 'Delete everything after the first expression.', 0));
  const type = nodeType(statement);
  if (type !== 'select') {
    const setOperation = type === 'union' || type === 'intersect' || type === 'except' ? type.toUpperCase() : undefined;
    const message = setOperation ? `The SQL combines queries with ${setOperation}` : 'The SQL is not an expression';
    return fail(
      sqlProblem(
        'SQL004',
        `${message}; a fragment must be one expression.`,
        HINT_EXPRESSION_ONLY,
        setOperation ? keywordOffset(tokens, setOperation) : 0,
      ),
    );
  }
  const select = nodeData(statement);
  for (const [key, value] of Object.entries(select)) {
    if (key === 'expressions' || isEmpty(value)) continue;
    if (key === 'leading_comments') return fail(sqlProblem('SQL003', 'The SQL holds a comment.', 'Delete the comment.', 0));
    const clause = CLAUSES[key] ?? { label: `a query clause (${key})`, keyword: '' };
    return fail(
      sqlProblem(
        'SQL004',
        `The SQL holds ${clause.label}; a fragment must be one expression.`,
        HINT_EXPRESSION_ONLY,
        keywordOffset(tokens, clause.keyword),
      ),
    );
  }
  const items = Array.isArray(select['expressions']) ? (select['expressions'] as unknown[]) : [];
  // Some dialects accept a trailing comma (`x,`), so the token stream is checked as well.
  const comma = topLevelTokens(tokens).find((token) => token.type === 'COMMA');
  if (items.length === 1 && comma) {
    return fail(
      sqlProblem(
        'SQL004',
        'The SQL has a comma after the expression; a fragment must be exactly one expression.',
        'Delete the comma.',
        comma.start,
      ),
    );
  }
  if (items.length !== 1) {
    return fail(
      sqlProblem(
        'SQL004',
        `The SQL holds ${items.length} comma-separated expressions; a fragment must be exactly one.`,
        'Give each value its own column, or combine them with CONCAT, STRUCT or a CASE.',
        comma?.start ?? 0,
      ),
    );
  }
  // `ALL x` parses as SELECT ALL x, leaving the modifier nowhere in the AST.
  if (tokens[0]?.type === 'ALL') {
    return fail(
      sqlProblem('SQL004', 'The SQL starts with ALL, a query modifier; a fragment must be one expression.', 'Delete the ALL.', 0),
    );
  }
  const expression = items[0] as AstNode;
  return checkItem(expression, text, tokens) ?? { ok: true, expression };
}

function checkItem(expression: AstNode, text: string, tokens: readonly SqlToken[]): ShapeOutcome | undefined {
  const type = nodeType(expression);
  if (type === 'alias') {
    const as = topLevelTokens(tokens)
      .filter((token) => token.type === 'AS')
      .pop();
    const aliasName = (nodeData(expression)['alias'] as { name?: string } | undefined)?.name ?? '';
    return {
      ok: false,
      problem: sqlProblem(
        'SQL004',
        `The SQL ends with an alias (${aliasName}); a fragment must be an expression without a name.`,
        "Delete the alias; the column's name in the spec names the result.",
        as?.start ?? lastWordOffset(tokens),
      ),
    };
  }
  if (type === 'star') {
    return {
      ok: false,
      problem: sqlProblem(
        'SQL004',
        "The SQL is '*', which selects columns; it is not an expression.",
        'Name the column you need, e.g. c.email.',
        0,
      ),
    };
  }
  let found: SqlProblem | undefined;
  visitNodes(expression, (innerType, node) => {
    if (found) return false;
    found = parameterProblem(innerType, node, text, tokens) ?? statementProblem(innerType);
    return found === undefined;
  });
  return found ? { ok: false, problem: found } : undefined;
}

/**
 * Query parameters are bound at run time by whoever runs the SQL, so a fragment cannot rely on
 * them; polyglot also mistranslates some (BigQuery `@p` becomes DuckDB `ABS(p)`).
 */
function parameterProblem(type: string, node: AstNode, text: string, tokens: readonly SqlToken[]): SqlProblem | undefined {
  const data = nodeData(node);
  const name = (data['name'] as { name?: unknown; quoted?: unknown } | undefined) ?? undefined;
  const unquotedOddName = type === 'column' && name?.quoted === false && typeof name.name === 'string' && /^[^A-Za-z_]/.test(name.name);
  if (type !== 'parameter' && type !== 'placeholder' && !unquotedOddName) return undefined;
  const written = tokens.find((token) => ['PARAMETER', 'AT_AT', 'DOLLAR', 'COLON'].includes(token.type) || /^[@#$:?]/.test(token.text));
  return sqlProblem(
    'SQL004',
    `The SQL holds a query parameter or positional reference${written ? ` (${text.slice(written.start, written.end)})` : ''}; a fragment can only read columns.`,
    'Replace the parameter with a column or a literal value.',
    written?.start ?? 0,
  );
}

const STATEMENT_TYPES = new Set(['insert', 'update', 'delete', 'merge', 'command']);

function statementProblem(type: string): SqlProblem | undefined {
  if (!STATEMENT_TYPES.has(type) && !/^(create|drop|alter|truncate)_/.test(type)) return undefined;
  return sqlProblem(
    'SQL004',
    `The SQL holds a ${type.replace(/_/g, ' ').toUpperCase()} statement; a fragment must be one expression.`,
    HINT_EXPRESSION_ONLY,
    0,
  );
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0);
}

function keywordOffset(tokens: readonly SqlToken[], keyword: string): number {
  return topLevelTokens(tokens).find((token) => token.text.toUpperCase() === keyword)?.start ?? 0;
}

function lastWordOffset(tokens: readonly SqlToken[]): number {
  return tokens[tokens.length - 1]?.start ?? 0;
}
