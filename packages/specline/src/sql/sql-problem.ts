/**
 * What is wrong with a piece of SQL, as a value. The codes match diagnostics/codes.ts:
 * - SQL001 it cannot be parsed: syntax error, unbalanced parentheses, unterminated string,
 *          empty or oversized text, a character the tokenizer skips
 * - SQL002 it holds more than one statement (a `;`)
 * - SQL003 it holds a comment, which could swallow the rest of the generated SQL
 * - SQL004 it is not one expression: a clause, a statement, an alias, `*`, a list, a parameter
 * - SQL005 a dialect cannot express it: unknown dialect, no correct translation exists, or the
 *          translation calls a function the target does not have (function-lists.ts)
 * - SQL006 an aggregate or window function where only row-level logic is allowed
 */
export type SqlProblemCode = 'SQL001' | 'SQL002' | 'SQL003' | 'SQL004' | 'SQL005' | 'SQL006';

export interface SqlProblem {
  readonly code: SqlProblemCode;
  /** Starts with what is wrong. */
  readonly message: string;
  /** Says how to fix it. */
  readonly hint: string;
  /** 0-based UTF-16 offset in the fragment text where the problem starts; 0 when unknown. */
  readonly offset: number;
}

export function sqlProblem(code: SqlProblemCode, message: string, hint: string, offset = 0): SqlProblem {
  return Object.freeze({ code, message, hint, offset: Math.max(0, offset) });
}
