/**
 * sql/: the thin, tested layer over @polyglot-sql/sdk. Spec fragments are parsed as exactly
 * one expression (parseExpression, a security boundary), translated between dialects with
 * known-wrong polyglot mappings corrected or refused (transpileExpression/Statement; the
 * expression form also checks every function of its output against the target's list), and
 * printed (quoteIdentifier, formatSql). Await initSql() once before parsing or translating.
 * Emit SQL from transpileExpression's output, which polyglot generates from the AST, never by
 * pasting ParsedExpression.text.
 */
export { KNOWN_DIALECTS, isKnownDialect, type SqlDialect } from './dialects';
export { initSql, isSqlReady } from './polyglot-runtime';
export { type SqlProblem, type SqlProblemCode } from './sql-problem';
export { SqlError, SqlNotReadyError } from './sql-errors';
export { type ColumnRef } from './column-refs';
export { parseExpression, MAX_FRAGMENT_LENGTH, type FragmentKind, type ParsedExpression, type ParseResult } from './parse-expression';
export { transpileExpression, transpileStatement, type TranspileResult } from './transpile';
export { SEMANTIC_CORRECTIONS } from './semantic-corrections';
export { quoteIdentifier } from './quote-identifier';
export { formatSql } from './format-sql';
export { comparedColumns } from './compared-columns';
