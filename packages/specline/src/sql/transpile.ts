import type * as polyglot from '@polyglot-sql/sdk';
import { type ColumnTypes, columnTypesFromKey, columnTypesKey, NO_COLUMN_TYPES } from './column-types';
import { markCorrections, spliceCorrections } from './corrections/apply-corrections';
import { numberKind, roundedHalfAwayFromZero } from './corrections/bigquery-int64-cast';
import { isKnownDialect, type SqlDialect, unknownDialect } from './dialects';
import { unknownFunctions } from './function-lists';
import { parseExpression } from './parse-expression';
import { polyglotApi } from './polyglot-runtime';
import { remembered } from './remembered';
import { SqlError } from './sql-errors';
import { sqlProblem, type SqlProblem } from './sql-problem';
import { EXPRESSION_PREFIX, polyglotReason } from './sql-tokens';

export type TranspileResult = { ok: true; sql: string } | { ok: false; problem: SqlProblem };

/**
 * One expression in, one expression out. The text passes parseExpression first (the same
 * security checks as a spec fragment), then polyglot with unsupportedLevel 'raise', with the
 * semantic corrections applied; the output must again parse as one expression in the target.
 * `columns` gives the declared types of the columns the text may name, where known: some
 * constructs translate differently for a FLOAT64 or a DATE argument.
 */
export function transpileExpression(
  text: string,
  from: SqlDialect,
  to: SqlDialect,
  columns: ColumnTypes = NO_COLUMN_TYPES,
): TranspileResult {
  return rememberedTranslation(text, from, to, columnTypesKey(columns));
}

/**
 * The target SQL of a value the compiler casts to INT64 (a column declared INT64), given its
 * translation: rounded first when the source is a number that may have a fraction, since
 * BigQuery's cast rounds halves away from zero and the targets' do not. Unchanged otherwise.
 */
export function roundedForInt64(translated: string, text: string, from: SqlDialect, to: SqlDialect, columns: ColumnTypes): string {
  if (from !== 'bigquery' || to === 'bigquery') return translated;
  const parsed = parseExpression(text, from, 'expression');
  return parsed.ok && numberKind(parsed.expression.ast, columns) === 'fractional' ? roundedHalfAwayFromZero(translated, to) : translated;
}

// Each emitter and the catalog-wide build.sql ask for the same translations.
const rememberedTranslation = remembered(translateExpression);

/**
 * The translations this process has made, and a way to take those another made: Nx runs the
 * codegen of the datasets and the catalog's build scripts in separate processes, which ask
 * for the same translations (executors/catalog-snapshot.ts hands them over).
 */
export const translationMemo: Pick<typeof rememberedTranslation, 'entries' | 'restore'> = rememberedTranslation;

function translateExpression(text: string, from: SqlDialect, to: SqlDialect, columnsKey: string): TranspileResult {
  return guarded(() => {
    if (!isKnownDialect(to)) return fail(unknownDialect(to));
    if (!isKnownDialect(from)) return fail(unknownDialect(from));
    const parsed = parseExpression(text, from, 'expression');
    if (!parsed.ok) return parsed;
    const statement = polyglotApi().parse(EXPRESSION_PREFIX + text, from);
    if (!statement.success)
      return fail(sqlProblem('SQL001', `The SQL has a syntax error: ${polyglotReason(statement.error)}.`, 'Fix the expression.'));
    const translated = translate(statement.ast, text, from, to, columnTypesFromKey(columnsKey));
    if (!translated.ok) return translated;
    if (!translated.sql.startsWith(EXPRESSION_PREFIX)) return fail(internal(`polyglot returned '${translated.sql}'`));
    const sql = translated.sql.slice(EXPRESSION_PREFIX.length);
    // Defence in depth: what we hand to an emitter is again exactly one expression.
    const check = parseExpression(sql, to, 'expression');
    if (!check.ok) return fail(internal(`the ${to} output '${sql}' does not parse as one expression (${check.problem.message})`));
    const missing = unknownFunctions(sql, check.expression.functions, to)[0];
    if (missing !== undefined) return fail(unknownFunction(missing, text, from, to));
    return { ok: true, sql };
  });
}

function translate(
  statements: polyglot.ast.Expression[],
  sourceText: string,
  from: polyglot.Dialect,
  to: polyglot.Dialect,
  columns: ColumnTypes,
): TranspileResult {
  const api = polyglotApi();
  const marked = markCorrections(statements, from, to, sourceText, columns);
  if (!marked.ok) return marked;
  const regenerated = api.generate(marked.statements, from);
  if (!regenerated.success || regenerated.sql?.length !== 1)
    return fail(internal(`polyglot could not regenerate the ${from} SQL (${regenerated.error ?? 'no output'})`));
  const result = api.transpile(regenerated.sql[0] as string, from, to, { unsupportedLevel: 'raise' });
  if (!result.success || result.sql?.length !== 1) {
    const reason = polyglotReason(result.error ?? 'no output');
    return fail(
      sqlProblem(
        'SQL005',
        `The SQL cannot be expressed in ${to}: ${reason}.`,
        `Rewrite the expression with functions that ${to} supports, or keep this model on ${from}.`,
      ),
    );
  }
  return spliceCorrections(result.sql[0] as string, to, marked.rewrites);
}

function guarded(run: () => TranspileResult): TranspileResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof SqlError) throw error;
    return fail(internal(`polyglot failed (${error instanceof Error ? error.message : String(error)})`));
  }
}

/** Polyglot passes names it does not know through unchanged; the target would fail at run time or call something else. */
function unknownFunction(name: string, text: string, from: SqlDialect, to: SqlDialect): SqlProblem {
  const written = new RegExp(`\\b${name.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}\\s*\\(`, 'i').exec(text);
  return sqlProblem(
    'SQL005',
    `The SQL cannot be expressed in ${to}: the translation calls ${name}, which ${to} does not have.`,
    `Rewrite the expression with functions that both ${from} and ${to} have, or keep this model off the ${to} target.`,
    written?.index ?? 0,
  );
}

function internal(what: string): SqlProblem {
  return sqlProblem(
    'SQL005',
    `The SQL could not be translated: ${what}.`,
    'This is a Specline bug or a polyglot limit; simplify the expression and report it.',
  );
}

function fail(problem: SqlProblem): TranspileResult {
  return { ok: false, problem };
}
