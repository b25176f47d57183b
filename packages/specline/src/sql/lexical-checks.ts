import type { SqlToken } from './sql-tokens';
import { sqlProblem, type SqlProblem } from './sql-problem';

/**
 * Checks that need only the token stream. They run before parsing because the parser is
 * forgiving in exactly the places that matter here: it attaches comments to nodes and
 * happily reads `1; DROP TABLE x` as two statements.
 */
export function checkTokens(text: string, tokens: readonly SqlToken[]): SqlProblem | undefined {
  return findTemplateSyntax(text) ?? findSkippedText(text, tokens) ?? findStatementSeparator(tokens) ?? findUnbalancedBracket(tokens);
}

/**
 * Generated code is itself a template: dbt renders Jinja ({{ }}, {% %}, {# #}) at compile
 * time, Dataform evaluates ${ } in SQLX as JavaScript, and Spark SQL substitutes ${var}. Even
 * inside a string literal these would run, so a fragment may not contain them at all.
 * https://docs.getdbt.com/docs/build/jinja-macros  https://cloud.google.com/dataform/docs/javascript-in-dataform
 */
const TEMPLATE_SYNTAX = /\{\{|\{%|\{#|\$\{/;

function findTemplateSyntax(text: string): SqlProblem | undefined {
  const found = TEMPLATE_SYNTAX.exec(text);
  if (!found) return undefined;
  return sqlProblem(
    'SQL004',
    `The SQL holds '${found[0]}', template syntax that dbt, Dataform or Spark would execute when the generated code is compiled.`,
    `Remove '${found[0]}'; if a literal needs those characters, build it with CONCAT from separate pieces.`,
    found.index,
  );
}

const COMMENT_START = /--|\/\*|\/\/|#/;

/**
 * Every character outside a token must be whitespace. The tokenizer drops comments (and an
 * unterminated block comment, and some invisible characters) without a token, so any other
 * text between tokens is refused: fail closed rather than guess what the engine will do.
 */
function findSkippedText(text: string, tokens: readonly SqlToken[]): SqlProblem | undefined {
  let position = 0;
  for (const token of [...tokens, { start: text.length, end: text.length }]) {
    const gap = text.slice(position, token.start);
    const skipped = gap.search(/\S/);
    if (skipped >= 0) return skippedTextProblem(gap.slice(skipped), position + skipped);
    position = Math.max(position, token.end);
  }
  // Belt and braces: a comment the tokenizer recorded although no gap showed it.
  const commented = tokens.find((token) => token.hasComment);
  return commented ? commentProblem(commented.end) : undefined;
}

function skippedTextProblem(skipped: string, offset: number): SqlProblem {
  if (COMMENT_START.test(skipped.slice(0, 2))) return commentProblem(offset);
  const codePoint = skipped.codePointAt(0) ?? 0;
  const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return sqlProblem(
    'SQL001',
    `The SQL holds a character the SQL tokenizer skips (${name}).`,
    'Delete the character; invisible characters often arrive by copy and paste.',
    offset,
  );
}

function commentProblem(offset: number): SqlProblem {
  return sqlProblem(
    'SQL003',
    'The SQL holds a comment; a comment inside a fragment can swallow the rest of the generated SQL.',
    "Delete the comment and put the explanation in the column's description field.",
    offset,
  );
}

function findStatementSeparator(tokens: readonly SqlToken[]): SqlProblem | undefined {
  const separator = tokens.find((token) => token.type === 'SEMICOLON');
  if (!separator) return undefined;
  return sqlProblem(
    'SQL002',
    "The SQL holds a ';', which separates statements; a fragment must be exactly one expression.",
    "Delete the ';' and anything after it.",
    separator.start,
  );
}

const CLOSING: Readonly<Record<string, string>> = { R_PAREN: 'L_PAREN', R_BRACKET: 'L_BRACKET', R_BRACE: 'L_BRACE' };
const OPENING = new Set(Object.values(CLOSING));

function findUnbalancedBracket(tokens: readonly SqlToken[]): SqlProblem | undefined {
  const open: SqlToken[] = [];
  for (const token of tokens) {
    if (OPENING.has(token.type)) open.push(token);
    const expected = CLOSING[token.type];
    if (expected === undefined) continue;
    const last = open.pop();
    if (last?.type !== expected) {
      return sqlProblem(
        'SQL001',
        `Unbalanced brackets: '${token.text}' has no matching opening bracket.`,
        `Delete the '${token.text}' or add the bracket that opens it.`,
        token.start,
      );
    }
  }
  const unclosed = open[0];
  if (!unclosed) return undefined;
  return sqlProblem(
    'SQL001',
    `Unbalanced brackets: '${unclosed.text}' is never closed.`,
    `Add the closing bracket that matches the '${unclosed.text}'.`,
    unclosed.start,
  );
}

/** Bracket depth of each token, so clause keywords and commas can be found at the top level. */
export function topLevelTokens(tokens: readonly SqlToken[]): SqlToken[] {
  const result: SqlToken[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (CLOSING[token.type] !== undefined) depth--;
    if (depth === 0 && !OPENING.has(token.type) && CLOSING[token.type] === undefined) result.push(token);
    if (OPENING.has(token.type)) depth++;
  }
  return result;
}
