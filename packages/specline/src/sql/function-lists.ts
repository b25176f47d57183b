import { Dialect } from '@polyglot-sql/sdk';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenizeSql } from './sql-tokens';

/**
 * The functions each target dialect has, so that a translation calling a function the target
 * lacks (polyglot passes unknown names such as FARM_FINGERPRINT through) is refused instead of
 * failing at run time, or worse, calling a different function of the same name.
 * functions/<dialect>.txt holds one lower-case name a line: DuckDB's and PostgreSQL's are
 * generated from the engines by the scripts beside them; the others are curated from the
 * documentation page named in their header. Dialects without a list are not checked.
 */
export const CHECKED_DIALECTS = [Dialect.BigQuery, Dialect.DuckDB, Dialect.PostgreSQL, Dialect.Snowflake, Dialect.Spark] as const;

type CheckedDialect = (typeof CHECKED_DIALECTS)[number];

/**
 * Grammar that reads like a call but is not in the engine's function catalog (pg_proc,
 * duckdb_functions()): the parser turns it into an expression node.
 */
const SYNTAX_FORMS: Readonly<Partial<Record<CheckedDialect, readonly string[]>>> = {
  // https://duckdb.org/docs/stable/sql/expressions/overview (CAST, CASE, COALESCE, IF, EXTRACT are parser rewrites)
  duckdb: [
    'cast',
    'try_cast',
    'extract',
    'coalesce',
    'if',
    'ifnull',
    'grouping',
    'columns',
    'current_timestamp',
    'current_time',
    'localtime',
    'localtimestamp',
  ],
  // https://www.postgresql.org/docs/15/functions-conditional.html and "functions with special syntax"
  postgresql: [
    'cast',
    'coalesce',
    'nullif',
    'greatest',
    'least',
    'trim',
    'current_date',
    'current_time',
    'current_timestamp',
    'localtime',
    'localtimestamp',
    'current_role',
    'current_catalog',
    'session_user',
    'user',
    'row',
    'array',
  ],
};

const lists = new Map<Dialect, ReadonlySet<string> | undefined>();

/** Lower-case function names `dialect` has, or undefined when the dialect is not checked. */
function functionsOf(dialect: Dialect): ReadonlySet<string> | undefined {
  if (!lists.has(dialect)) lists.set(dialect, readList(dialect));
  return lists.get(dialect);
}

/**
 * The names in `names` (functionNames of `sql`) that `dialect` does not have, in order. A name
 * written only as a type after AS, as in CAST(x AS DECIMAL(38, 9)), is a type, not a call.
 */
export function unknownFunctions(sql: string, names: readonly string[], dialect: Dialect): string[] {
  const known = functionsOf(dialect);
  const unknown = known ? names.filter((name) => !known.has(name.toLowerCase())) : [];
  if (unknown.length === 0) return unknown;
  const tokenized = tokenizeSql(sql, dialect);
  if (!tokenized.ok) return unknown;
  const { tokens } = tokenized;
  const typeOnly = (name: string) => {
    const withParen = tokens
      .filter((token, i) => token.text.toUpperCase() === name && tokens[i + 1]?.type === 'L_PAREN')
      .map((token) => tokens.indexOf(token));
    return withParen.length > 0 && withParen.every((i) => tokens[i - 1]?.text.toUpperCase() === 'AS');
  };
  return unknown.filter((name) => !typeOnly(name));
}

/** The names in functions/<dialect>.txt, without comment lines. */
export function functionListFile(dialect: CheckedDialect): readonly string[] {
  const text = fs.readFileSync(path.join(__dirname, 'functions', `${dialect}.txt`), 'utf8');
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

function readList(dialect: Dialect): ReadonlySet<string> | undefined {
  const checked = CHECKED_DIALECTS.find((candidate) => candidate === dialect);
  if (checked === undefined) return undefined;
  return new Set([...functionListFile(checked), ...(SYNTAX_FORMS[checked] ?? [])]);
}
