/**
 * sql/: the thin, tested layer over @polyglot-sql/sdk. Spec fragments are parsed as exactly
 * one expression (parseExpression, a security boundary) and translated between dialects
 * (transpileExpression), with polyglot's known-wrong mappings corrected or refused per target
 * dialect (corrections/) and every function of the output checked against the target's list.
 * quoteIdentifier needs no polyglot; await initSql() once before parsing or translating. Emit
 * SQL from transpileExpression's output, which polyglot generates from the AST, never by
 * pasting ParsedExpression.text.
 */
export { isKnownDialect, type SqlDialect } from './dialects';
export { initSql, keepWasmOnBaselineCompiler } from './polyglot-runtime';
export { parseExpression, type FragmentKind, type ParsedExpression } from './parse-expression';
export { roundedForInt64, translationMemo, transpileExpression, type TranspileResult } from './transpile';
export { type ColumnTypes, NO_COLUMN_TYPES } from './column-types';
export { quoteIdentifier } from './quote-identifier';
export { comparedColumns, comparisons, type ComparedOperand } from './compared-columns';
export { literalsIn, type WrittenLiteral } from './literals';
export { resultKind, type ResultKind } from './result-kind';
