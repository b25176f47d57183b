import type * as polyglot from '@polyglot-sql/sdk';
import { nodeData, nodeType } from '../ast-nodes';
import type { ColumnTypes } from '../column-types';
import { polyglotApi } from '../polyglot-runtime';
import { sqlProblem, type SqlProblem } from '../sql-problem';
import { type SqlToken, tokenizeSql } from '../sql-tokens';
import type { CorrectionPlan, SourceCall } from './correction-plan';
import { correctionFor } from './from-bigquery';
import { castNode } from './source-literals';

/**
 * Applies the corrections (from-bigquery.ts) around polyglot's transpile in two steps:
 * 1. markCorrections replaces each call that needs fixing, in the source AST, with a
 *    placeholder call __SPECLINE_FIX_<n>(args…). Polyglot passes unknown calls through and
 *    translates their arguments like any others.
 * 2. spliceCorrections finds the placeholders in the translated text by token and renders the
 *    target SQL around the translated argument texts.
 */
const PLACEHOLDER = '__SPECLINE_FIX_';
const PLACEHOLDER_TOKEN = /^__SPECLINE_FIX_(\d+)$/i;

type Rewrite = Extract<CorrectionPlan, { kind: 'rewrite' }>;

export type MarkOutcome =
  { ok: true; statements: polyglot.ast.Expression[]; rewrites: readonly Rewrite[] } | { ok: false; problem: SqlProblem };

export function markCorrections(
  statements: readonly polyglot.ast.Expression[],
  from: polyglot.Dialect,
  to: polyglot.Dialect,
  sourceText: string,
  columns: ColumnTypes,
): MarkOutcome {
  if (/__SPECLINE_FIX_/i.test(sourceText)) {
    return {
      ok: false,
      problem: sqlProblem(
        'SQL005',
        `The SQL uses the reserved name ${PLACEHOLDER}…`,
        'Rename the function or column.',
        sourceText.search(/__SPECLINE_FIX_/i),
      ),
    };
  }
  const rewrites: Rewrite[] = [];
  let refused: SqlProblem | undefined;
  // `leave` sees a node after its children, so a correction inside another call's argument is marked too.
  const leave = (node: polyglot.ast.Expression): polyglot.ast.Expression | undefined => {
    const call = sourceCall(node, columns);
    const plan = call && correctionFor(call, from, to);
    if (!call || !plan) return undefined;
    if (plan.kind === 'unsupported') {
      refused ??= sqlProblem('SQL005', `${plan.message} (${from} to ${to})`, plan.hint, nameOffset(sourceText, call.name));
      return undefined;
    }
    // A replacement is not visited again, so the call inside it keeps polyglot's translation.
    if (plan.kind === 'replace') return plan.build(node) as polyglot.ast.Expression;
    rewrites.push(plan);
    const placeholder = placeholderCall(rewrites.length - 1, plan.carry);
    return plan.castTo === undefined ? placeholder : (castNode('cast', placeholder, plan.castTo) as polyglot.ast.Expression);
  };
  const { ast } = polyglotApi();
  const marked = statements.map((statement) => ast.transform(statement, { leave }));
  return refused ? { ok: false, problem: refused } : { ok: true, statements: marked, rewrites };
}

export type SpliceOutcome = { ok: true; sql: string } | { ok: false; problem: SqlProblem };

export function spliceCorrections(sql: string, to: polyglot.Dialect, rewrites: readonly Rewrite[]): SpliceOutcome {
  let text = sql;
  // Polyglot may copy an argument (DuckDB LENGTH(x) becomes a CASE naming x twice), so a
  // placeholder can appear more than once: splice until none is left.
  while (/__SPECLINE_FIX_/i.test(text)) {
    const tokenized = tokenizeSql(text, to);
    if (!tokenized.ok) return internal(`the translated SQL cannot be tokenized (${tokenized.problem.message})`);
    const { tokens } = tokenized;
    // The placeholder that starts last holds no other placeholder: splice it first.
    const at = lastIndexWhere(tokens, (token, i) => PLACEHOLDER_TOKEN.test(token.text) && tokens[i + 1]?.type === 'L_PAREN');
    const call = at < 0 ? undefined : readCall(tokens, at);
    const rewrite = call ? rewrites[Number(PLACEHOLDER_TOKEN.exec(tokens[at]?.text ?? '')?.[1])] : undefined;
    const rendered = call && rewrite?.render(call.args.map((arg) => text.slice(arg.start, arg.end).trim()));
    if (!call || !rewrite || rendered === undefined) return internal('a corrected call could not be rebuilt');
    const replacement = rewrite.atomic || standsAlone(tokens, at, call.close) ? rendered : `(${rendered})`;
    text = text.slice(0, tokens[at]?.start) + replacement + text.slice(tokens[call.close]?.end);
  }
  return { ok: true, sql: text };
}

/** Generic calls are `function` nodes carrying their name; SAFE_CAST and CAST are typed nodes. */
function sourceCall(node: unknown, columns: ColumnTypes): SourceCall | undefined {
  const type = nodeType(node);
  if (type === undefined) return undefined;
  const data = nodeData(node);
  if (type === 'function') {
    if (typeof data['name'] !== 'string') return undefined;
    return { name: data['name'].toUpperCase(), args: Array.isArray(data['args']) ? data['args'] : [], data, columns };
  }
  return { name: type.toUpperCase(), args: [], data, columns };
}

function placeholderCall(index: number, args: readonly unknown[]): polyglot.ast.Expression {
  return {
    function: {
      name: `${PLACEHOLDER}${index}`,
      args: args as polyglot.ast.Expression[], // source AST nodes, which the corrections read as plain JSON
      distinct: false,
      trailing_comments: [],
      use_bracket_syntax: false,
      no_parens: false,
      quoted: false,
    },
  };
}

interface CallTokens {
  readonly args: readonly { start: number; end: number }[];
  /** Index of the closing parenthesis. */
  readonly close: number;
}

/** Splits `name(a, f(b, c), d)` at its top-level commas. */
function readCall(tokens: readonly SqlToken[], nameIndex: number): CallTokens | undefined {
  const open = tokens[nameIndex + 1];
  if (!open) return undefined;
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let argStart = open.end;
  for (let i = nameIndex + 1; i < tokens.length; i++) {
    const token = tokens[i] as SqlToken;
    if (['L_PAREN', 'L_BRACKET', 'L_BRACE'].includes(token.type)) depth++;
    if (['R_PAREN', 'R_BRACKET', 'R_BRACE'].includes(token.type)) depth--;
    if ((depth === 1 && token.type === 'COMMA') || depth === 0) {
      if (depth === 0 && args.length === 0 && i === nameIndex + 2) return { args, close: i }; // no arguments
      args.push({ start: argStart, end: token.start });
      argStart = token.end;
    }
    if (depth === 0) return { args, close: i };
  }
  return undefined;
}

const SAFE_BEFORE = new Set(['SELECT', 'L_PAREN', 'COMMA', 'WHEN', 'THEN', 'ELSE', 'WHERE', 'AND', 'OR', 'ON', 'HAVING']);
const SAFE_AFTER = new Set(['R_PAREN', 'COMMA', 'THEN', 'ELSE', 'END', 'AND', 'OR', 'AS', 'FROM', 'WHERE']);

/** An operator expression needs no parentheses where it is a whole argument, condition or select item. */
function standsAlone(tokens: readonly SqlToken[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  return (!before || SAFE_BEFORE.has(before.type)) && (!after || SAFE_AFTER.has(after.type));
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T, i)) return i;
  return -1;
}

function nameOffset(text: string, name: string): number {
  const match = new RegExp(`\\b${name}\\b`, 'i').exec(text);
  return match?.index ?? 0;
}

function internal(what: string): SpliceOutcome {
  return {
    ok: false,
    problem: sqlProblem(
      'SQL005',
      `The SQL could not be translated: ${what}.`,
      'This is a Specline bug; simplify the expression and report it.',
    ),
  };
}
