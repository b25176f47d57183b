import type * as polyglot from '@polyglot-sql/sdk';
import { aggregateFacts } from './aggregate-facts';
import { nodeType } from './ast-nodes';
import { type ColumnRef, columnRefs } from './column-refs';
import { isKnownDialect, type SqlDialect, unknownDialect } from './dialects';
import { checkExpressionShape } from './expression-shape';
import { EXPRESSION_PREFIX, fragmentOffset, polyglotReason, type SqlToken, tokenizeFragment } from './sql-tokens';
import { functionNames } from './function-names';
import { checkTokens } from './lexical-checks';
import { polyglotApi } from './polyglot-runtime';
import { remembered } from './remembered';
import { SqlError } from './sql-errors';
import { sqlProblem, type SqlProblem } from './sql-problem';

export type FragmentKind = 'transform' | 'filter' | 'join_condition' | 'expression' | 'where' | 'having';

export interface ParsedExpression {
  readonly text: string;
  readonly dialect: SqlDialect;
  /** Distinct, in order of first appearance; columns inside subqueries are not listed. */
  readonly columns: readonly ColumnRef[];
  /** Upper-case names, distinct, in order of first appearance, subqueries included. */
  readonly functions: readonly string[];
  readonly hasAggregate: boolean;
  readonly hasWindow: boolean;
  readonly hasSubquery: boolean;
  /** The polyglot expression node. */
  readonly ast: unknown;
}

export type ParseResult = { ok: true; expression: ParsedExpression } | { ok: false; problem: SqlProblem };

const MAX_FRAGMENT_LENGTH = 10_000;

/**
 * Parses a spec fragment as exactly one scalar or boolean expression. This is a security
 * boundary: fragments come from spec authors and AI agents and end up inside generated SQL,
 * so anything that is not one plain expression is refused with a problem, never thrown.
 */
export function parseExpression(text: string, dialect: SqlDialect, kind: FragmentKind): ParseResult {
  return rememberedParse(text, dialect, kind);
}

// Catalogs repeat fragments (TRIM(s.name), keys in join conditions) and transpiling parses each again.
const rememberedParse = remembered(parseGuarded);

function parseGuarded(text: string, dialect: SqlDialect, kind: FragmentKind): ParseResult {
  try {
    return parseChecked(text, dialect, kind);
  } catch (error) {
    if (error instanceof SqlError) throw error; // a broken contract, e.g. initSql() not awaited
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      sqlProblem(
        'SQL001',
        `The SQL cannot be parsed: polyglot failed (${reason}).`,
        'Simplify the expression; if it is valid SQL, report it as a Specline bug.',
      ),
    );
  }
}

function parseChecked(text: string, dialect: SqlDialect, kind: FragmentKind): ParseResult {
  if (!isKnownDialect(dialect)) return fail(unknownDialect(dialect));
  if (typeof text !== 'string' || text.trim() === '') {
    return fail(sqlProblem('SQL001', 'The SQL expression is empty.', 'Write one expression, e.g. LOWER(TRIM(c.email)).'));
  }
  if (text.length > MAX_FRAGMENT_LENGTH) {
    return fail(
      sqlProblem(
        'SQL001',
        `The SQL expression is ${text.length} characters long; the limit is ${MAX_FRAGMENT_LENGTH}.`,
        'Split the logic into several columns or an intermediate model.',
        MAX_FRAGMENT_LENGTH,
      ),
    );
  }
  const tokenized = tokenizeFragment(text, dialect);
  if (!tokenized.ok) return tokenized;
  const lexical = checkTokens(text, tokenized.tokens);
  if (lexical) return fail(lexical);

  const parsed = polyglotApi().parse(EXPRESSION_PREFIX + text, dialect);
  if (!parsed.success) return fail(classifyParseFailure(text, dialect, parsed));
  const shape = checkExpressionShape(parsed.ast, text, tokenized.tokens);
  if (!shape.ok) return shape;

  const facts = aggregateFacts(shape.expression);
  const misplaced = misplacedAggregate(kind, facts.hasAggregate, facts.hasWindow, facts.firstName, tokenized.tokens);
  if (misplaced) return fail(misplaced);
  return {
    ok: true,
    expression: Object.freeze({
      text,
      dialect,
      columns: Object.freeze(columnRefs(shape.expression)),
      functions: Object.freeze(functionNames(tokenized.tokens, shape.expression)),
      hasAggregate: facts.hasAggregate,
      hasWindow: facts.hasWindow,
      hasSubquery: facts.hasSubquery,
      ast: shape.expression,
    }),
  };
}

/**
 * `DROP TABLE x` does not parse behind SELECT, but it does parse on its own: then the honest
 * message is "this is a statement", not "syntax error at DROP".
 */
function classifyParseFailure(text: string, dialect: polyglot.Dialect, failure: polyglot.ParseResult): SqlProblem {
  const alone = polyglotApi().parse(text, dialect);
  const statement = alone.success && alone.ast.length === 1 ? nodeType(alone.ast[0]) : undefined;
  if (statement === 'select') {
    return sqlProblem(
      'SQL004',
      'The SQL is a whole SELECT query, not an expression.',
      'Write only the expression without SELECT … FROM, e.g. LOWER(TRIM(c.email)); a scalar subquery goes in parentheses.',
    );
  }
  if (statement !== undefined) {
    return sqlProblem(
      'SQL004',
      `The SQL is a ${statement.replace(/_/g, ' ').toUpperCase()} statement, not an expression.`,
      'Specs never run statements; write one expression, e.g. LOWER(TRIM(c.email)).',
    );
  }
  return sqlProblem(
    'SQL001',
    `The SQL has a syntax error: ${polyglotReason(failure.error)}.`,
    'Fix the expression at the marked position; check for a missing operand, comma or keyword.',
    fragmentOffset(text, failure.errorStart),
  );
}

const ROW_LEVEL_KINDS: Readonly<Partial<Record<FragmentKind, string>>> = {
  filter: 'a filter',
  join_condition: 'a join condition',
  where: 'a where condition',
  having: 'a having condition',
};

const HINTS: Readonly<Partial<Record<FragmentKind, string>>> = {
  having:
    'having reads the output row of each group: declare the aggregate as a column (aggregate: count, sum, …) and compare that column here.',
};

function misplacedAggregate(
  kind: FragmentKind,
  hasAggregate: boolean,
  hasWindow: boolean,
  name: string | undefined,
  tokens: readonly SqlToken[],
): SqlProblem | undefined {
  const where = ROW_LEVEL_KINDS[kind];
  if (where === undefined || (!hasAggregate && !hasWindow)) return undefined;
  const what = hasAggregate ? 'an aggregate function' : 'a window function';
  const at = tokens.find((token) => token.text.toUpperCase() === name)?.start ?? 0;
  return sqlProblem(
    'SQL006',
    `The SQL uses ${what}${name ? ` (${name})` : ''} in ${where}, which is evaluated one row at a time.`,
    HINTS[kind] ?? 'Compute the aggregate in a model column first and compare against that column here.',
    at,
  );
}

function fail(problem: SqlProblem): ParseResult {
  return { ok: false, problem };
}
