import { nodeData, nodeType } from '../ast-nodes';
import { type ColumnTypes, columnTypeOf } from '../column-types';
import { type CorrectionPlan, rewrite, type SourceCall } from './correction-plan';

/**
 * What a number certainly is in BigQuery, as far as a cast to INT64 cares: `integer` has no
 * fractional part (INT64, ROUND without digits), `fractional` may have one (FLOAT64, NUMERIC).
 */
export type NumberKind = 'integer' | 'fractional';

// BigQuery spells INT64 also as INT, SMALLINT, INTEGER, BIGINT, TINYINT and BYTEINT.
const INT64_NAMES: ReadonlySet<string> = new Set(['INT64', 'INT', 'SMALLINT', 'INTEGER', 'BIGINT', 'TINYINT', 'BYTEINT']);
const FRACTIONAL_NAMES: ReadonlySet<string> = new Set(['FLOAT64', 'NUMERIC', 'DECIMAL', 'BIGNUMERIC', 'BIGDECIMAL']);
/** Functions whose result is FLOAT64 (or NUMERIC for a NUMERIC argument) whatever the argument. */
const FRACTIONAL_FUNCTIONS: ReadonlySet<string> = new Set([
  'SQRT',
  'CBRT',
  'POW',
  'POWER',
  'EXP',
  'LN',
  'LOG',
  'LOG10',
  'RAND',
  'IEEE_DIVIDE',
  'SAFE_DIVIDE',
  'COS',
  'SIN',
  'TAN',
  'ACOS',
  'ASIN',
  'ATAN',
  'ATAN2',
  'COSH',
  'SINH',
  'TANH',
  'AVG',
  'STDDEV',
  'STDDEV_SAMP',
  'STDDEV_POP',
  'VARIANCE',
  'VAR_SAMP',
  'VAR_POP',
  'CORR',
  'COVAR_POP',
  'COVAR_SAMP',
]);
/** Functions whose result is the kind of their arguments (all of them for COALESCE). */
const SAME_KIND_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS',
  'SIGN',
  'SUM',
  'MIN',
  'MAX',
  'ANY_VALUE',
  'COALESCE',
  'IFNULL',
  'GREATEST',
  'LEAST',
]);
/** Without a digits argument their result has no fractional part. */
const TO_WHOLE_FUNCTIONS: ReadonlySet<string> = new Set(['ROUND', 'TRUNC', 'CEIL', 'CEILING', 'FLOOR']);

/**
 * The kind of number a source node certainly is, read off its syntax and the scope's column
 * types; undefined when that is not certain (an untyped column, a string, CASE, an unknown call).
 */
export function numberKind(node: unknown, columns: ColumnTypes): NumberKind | undefined {
  const type = nodeType(node);
  const data = nodeData(node);
  switch (type) {
    case 'literal':
      if (data['literal_type'] !== 'number') return undefined;
      // A literal with a point or an exponent is FLOAT64 in BigQuery.
      return /[.eE]/.test(String(data['value'])) ? 'fractional' : 'integer';
    case 'column':
      return kindOfTypeName(columnTypeOf(node, columns));
    case 'cast':
    case 'safe_cast':
      return kindOfType(data['to']);
    case 'paren':
    case 'neg':
      return numberKind(data['this'], columns);
    case 'add':
    case 'sub':
    case 'mul':
    case 'mod':
      return combined([numberKind(data['left'], columns), numberKind(data['right'], columns)]);
    case 'div':
      // INT64 / INT64 is FLOAT64 in BigQuery.
      return combined([numberKind(data['left'], columns), numberKind(data['right'], columns)]) && 'fractional';
  }
  if (type === undefined) return undefined;
  const name = (type === 'function' && typeof data['name'] === 'string' ? data['name'] : type).toUpperCase();
  const args = callArguments(type, data);
  if (FRACTIONAL_FUNCTIONS.has(name)) return 'fractional';
  if (TO_WHOLE_FUNCTIONS.has(name)) {
    const digits = args.length > 1 || (data['decimals'] !== undefined && data['decimals'] !== null);
    const argument = numberKind(args[0], columns);
    return argument && !digits ? 'integer' : argument;
  }
  if (SAME_KIND_FUNCTIONS.has(name)) return args.length ? combined(args.map((arg) => numberKind(arg, columns))) : undefined;
  return undefined;
}

/** The arguments of a generic call, or of a typed node (its `this`, then `expressions`). */
function callArguments(type: string, data: Readonly<Record<string, unknown>>): unknown[] {
  if (type === 'function' || Array.isArray(data['args'])) return Array.isArray(data['args']) ? data['args'] : [];
  const listed = Array.isArray(data['expressions']) ? data['expressions'] : [];
  return data['this'] !== undefined && data['this'] !== null ? [data['this'], ...listed] : listed;
}

function combined(kinds: readonly (NumberKind | undefined)[]): NumberKind | undefined {
  if (kinds.some((kind) => kind === undefined)) return undefined;
  return kinds.every((kind) => kind === 'integer') ? 'integer' : 'fractional';
}

function kindOfType(to: unknown): NumberKind | undefined {
  const type = to as { data_type?: string; name?: string } | undefined;
  if (type?.data_type === 'custom') return kindOfTypeName(type.name?.toUpperCase());
  if (type?.data_type === undefined) return undefined;
  const dataType = type.data_type.toUpperCase();
  if (['INT', 'BIGINT', 'SMALLINT', 'TINYINT', 'INTEGER'].includes(dataType)) return 'integer';
  if (['DECIMAL', 'DOUBLE', 'FLOAT', 'NUMERIC'].includes(dataType)) return 'fractional';
  return undefined;
}

function kindOfTypeName(name: string | undefined): NumberKind | undefined {
  if (name === undefined) return undefined;
  if (INT64_NAMES.has(name)) return 'integer';
  return FRACTIONAL_NAMES.has(name) ? 'fractional' : undefined;
}

/**
 * A number rounded to the nearest integer, halves away from zero, as BigQuery's cast of a
 * FLOAT64 or NUMERIC to INT64 rounds
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_rules#casting).
 * The targets' casts of a double round halves to even (DuckDB, PostgreSQL) or truncate (Spark).
 * DuckDB's and Spark's ROUND of a double round halves away from zero; PostgreSQL's rounds them
 * to even, so there the half is decided exactly: x - TRUNC(x) of a double is exact.
 */
export function roundedHalfAwayFromZero(x: string, to: string): string {
  if (to !== 'postgresql') return `ROUND(${x})`;
  return `(TRUNC(${x}) + CASE WHEN ABS(${x} - TRUNC(${x})) >= 0.5 THEN SIGN(${x}) ELSE 0 END)`;
}

/**
 * CAST(x AS INT64) of a number that may have a fraction: rounded first, then cast (the cast of
 * a whole number is exact on every target). Undefined for any other cast, whose translation
 * stands: a STRING must hold an integer, and an INT64 has nothing to round.
 */
export function castToInt64(call: SourceCall, cast: 'CAST' | 'TRY_CAST', to: string): CorrectionPlan | undefined {
  if (kindOfType(call.data['to']) !== 'integer' || numberKind(call.data['this'], call.columns) !== 'fractional') return undefined;
  return rewrite([call.data['this']], ([x]) => (x === undefined ? undefined : `${cast}(${roundedHalfAwayFromZero(x, to)} AS BIGINT)`));
}
