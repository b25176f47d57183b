import type * as polyglot from '@polyglot-sql/sdk';
import { polyglotApi } from './polyglot-runtime';
import { sqlProblem, type SqlProblem } from './sql-problem';
import { codePointToUtf16 } from './text-offsets';

/** A fragment is tokenized and parsed behind this prefix, so `a AS b` reads as a select item. */
export const EXPRESSION_PREFIX = 'SELECT ';

export interface SqlToken {
  /** Polyglot's token type, e.g. VAR, STRING, L_PAREN, SEMICOLON, FROM. */
  readonly type: string;
  readonly text: string;
  /** UTF-16 offsets into the text that was tokenized. */
  readonly start: number;
  readonly end: number;
  /** The tokenizer attached a comment to this token. */
  readonly hasComment: boolean;
}

export type TokenizeOutcome = { ok: true; tokens: readonly SqlToken[] } | { ok: false; problem: SqlProblem };

/**
 * The token shape polyglot 0.12.1 really returns: snake_case fields, although its .d.ts
 * documents tokenType/trailingComments. Both spellings are read so an upgrade cannot blind us.
 */
interface RawToken {
  readonly token_type?: string;
  readonly tokenType?: string;
  readonly text: string;
  readonly span: { readonly start: number; readonly end: number };
  readonly comments?: readonly string[];
  readonly trailing_comments?: readonly string[];
  readonly trailingComments?: readonly string[];
}

/** Tokens of any SQL text, with offsets converted from polyglot's code points to UTF-16. */
export function tokenizeSql(sql: string, dialect: polyglot.Dialect): TokenizeOutcome {
  const result = polyglotApi().tokenize(sql, dialect);
  if (!result.success || !result.tokens) {
    const offset = codePointToUtf16(sql, result.errorStart ?? 0);
    return {
      ok: false,
      problem: sqlProblem('SQL001', `The SQL cannot be read: ${polyglotReason(result.error)}.`, tokenizeHint(result.error), offset),
    };
  }
  const tokens = (result.tokens as unknown as readonly RawToken[]).map((token) => ({
    type: token.token_type ?? token.tokenType ?? '',
    text: token.text,
    start: codePointToUtf16(sql, token.span.start),
    end: codePointToUtf16(sql, token.span.end),
    hasComment: [token.comments, token.trailing_comments, token.trailingComments].some((list) => (list?.length ?? 0) > 0),
  }));
  return { ok: true, tokens };
}

/** Tokens of a fragment read behind EXPRESSION_PREFIX, offsets relative to the fragment. */
export function tokenizeFragment(text: string, dialect: polyglot.Dialect): TokenizeOutcome {
  const shift = (offset: number): number => Math.min(text.length, Math.max(0, offset - EXPRESSION_PREFIX.length));
  const result = tokenizeSql(EXPRESSION_PREFIX + text, dialect);
  if (!result.ok) return { ok: false, problem: { ...result.problem, offset: shift(result.problem.offset) } };
  // The first token is the prefix's SELECT; everything after it belongs to the fragment.
  return { ok: true, tokens: result.tokens.slice(1).map((token) => ({ ...token, start: shift(token.start), end: shift(token.end) })) };
}

/** Maps a code-point position reported for the prefixed text to a UTF-16 offset in the fragment. */
export function fragmentOffset(text: string, wrappedCodePoint: number | undefined): number {
  if (wrappedCodePoint === undefined) return 0;
  const inFragment = Math.max(0, wrappedCodePoint - EXPRESSION_PREFIX.length);
  return Math.min(text.length, codePointToUtf16(text, inFragment));
}

/** Polyglot errors name lines and columns of the prefixed text; keep only the reason. */
export function polyglotReason(error: string | null | undefined): string {
  const reason = (error ?? 'unknown error')
    .replace(/^(Parse|Tokenization) error at line \d+, column \d+: /, '')
    .replace(/ near \[[\s\S]*\]$/, '');
  return reason.replace(/\.$/, '');
}

function tokenizeHint(error: string | null | undefined): string {
  if (/unterminated string/i.test(error ?? '')) {
    return "Close the string with the same quote it opens with; write a quote inside a string by doubling it ('it''s').";
  }
  return 'Remove or quote the character; identifiers with unusual characters need the dialect quotes.';
}
