import { concatPropagatingNull, sundayDateParts } from './bigquery-date-parts';
import { truncateToUnit } from './bigquery-date-trunc';
import { keptAsDate } from './bigquery-date-types';
import { substrFromBigQueryPosition } from './bigquery-substr';
import { civilTimeIn, dateIn, datetimeIn, DUCKDB_ZONES, timestampIn } from './bigquery-time-zones';
import type { CorrectionTable } from './bigquery-functions';
import { castToInt64 } from './bigquery-int64-cast';
import { castToDecimal } from './bigquery-numeric';
import { extractGroup } from './bigquery-regexp-extract';
import { elapsed } from './bigquery-timestamp-diff';
import { type CorrectionPlan, rewrite, rewriteArgs, type SourceCall, unsupported } from './correction-plan';
import { stringLiteral, stringValue } from './source-literals';

/**
 * Where polyglot's BigQuery to DuckDB translation gives valid but wrong SQL, and the fix.
 * BigQuery's digests need none: polyglot keeps their shape (SHA256 -> bytes, TO_HEX ->
 * LOWER(HEX(…))).
 */
export const DUCKDB: CorrectionTable = {
  // BigQuery REGEXP_CONTAINS is true when the pattern matches ANY PART of the string. polyglot
  // emits REGEXP_FULL_MATCH, which needs the WHOLE string to match, so REGEXP_CONTAINS('abc', 'b')
  // would turn false.
  REGEXP_CONTAINS: (call) => rewriteArgs(call, 2, ([s, p]) => `REGEXP_MATCHES(${s}, ${p})`),
  // BigQuery REGEXP_REPLACE replaces EVERY match; DuckDB's only the first one unless given the
  // 'g' flag: REGEXP_REPLACE(phone, r'[^0-9]', '') would strip a single character.
  REGEXP_REPLACE: (call) => rewriteArgs(call, 3, ([s, p, r]) => `REGEXP_REPLACE(${s}, ${p}, ${r}, 'g')`),
  // polyglot asks for group 1 even without groups (giving ''), and DuckDB returns '' rather
  // than NULL on no match, hence the CASE.
  REGEXP_EXTRACT: (call) =>
    extractGroup(call, (s, p, g) => `CASE WHEN REGEXP_MATCHES(${s}, ${p}) THEN REGEXP_EXTRACT(${s}, ${p}, ${g}) END`),
  // CAST(x AS INT64) of a FLOAT64 rounds halves away from zero in BigQuery.
  CAST: (call) => castToDecimal(call, 'CAST') ?? castToInt64(call, 'CAST', 'duckdb'),
  SAFE_CAST: (call) => castToDecimal(call, 'TRY_CAST') ?? castToInt64(call, 'TRY_CAST', 'duckdb'),
  DATE_TRUNC: (call) => truncateToUnit(call, { weekdaysOfDates: true, zones: DUCKDB_ZONES }),
  // DuckDB adds an interval to a DATE as a TIMESTAMP.
  DATE_ADD: keptAsDate,
  DATE_SUB: keptAsDate,
  // A BigQuery TIMESTAMP is a naive TIMESTAMP holding UTC here. polyglot reads DATE(ts, tz) as
  // STRPTIME(ts, '%perica/New_York'), and `ts AT TIME ZONE tz` on a naive TIMESTAMP as a civil
  // time in tz, the opposite conversion.
  DATE: dateIn(DUCKDB_ZONES),
  DATETIME: datetimeIn(DUCKDB_ZONES),
  TIMESTAMP: timestampIn(DUCKDB_ZONES),
  AT_TIME_ZONE: civilTimeIn(DUCKDB_ZONES),
  SUBSTRING: substrFromBigQueryPosition,
  // polyglot gives DATE_DIFF, which counts unit boundaries crossed.
  // https://duckdb.org/docs/stable/sql/functions/timestamp: date_sub counts complete parts. Its
  // 'DAY' is a calendar day in the session time zone, so days are counted as 24 hours.
  TIMESTAMP_DIFF: (call) =>
    elapsed(call, (a, b, unit) =>
      unit === 'DAY' ? `CAST(TRUNC(DATE_SUB('HOUR', ${b}, ${a}) / 24) AS BIGINT)` : `DATE_SUB('${unit}', ${b}, ${a})`,
    ),
  // BigQuery JSON_VALUE (alias JSON_EXTRACT_SCALAR) returns a scalar as unquoted STRING, and NULL
  // for an object, an array or a JSON null.
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/json_functions#json_value
  // polyglot gives `j -> path`, which returns JSON ('"x"', quotes included).
  // https://duckdb.org/docs/stable/data/json/json_functions: ->> is unquoted text, json_type names the kind.
  JSON_VALUE: (call) =>
    withSimplePath(call, (j, p) => `CASE WHEN JSON_TYPE(${j}, ${p}) IN ('OBJECT', 'ARRAY') THEN NULL ELSE ${j} ->> ${p} END`),
  // DuckDB's DAYOFWEEK is 0-6 and its WEEK is ISO; BigQuery's count from Sunday.
  EXTRACT: sundayDateParts,
  // DuckDB's CONCAT skips NULL arguments; BigQuery's is NULL.
  CONCAT: concatPropagatingNull,
  // polyglot gives a // b, which polyglot itself cannot read back. DIV truncates toward zero;
  // DuckDB's / on integers is exact float division, so TRUNC of it is DIV for |a| < 2^53.
  DIV: (call) => (call.args.length === 2 ? rewrite(call.args, ([a, b]) => `CAST(TRUNC(${a} / ${b}) AS BIGINT)`) : undefined),
};

/** `$`, `$.key`, `$.a.b[0]`: the JSONPath subset DuckDB reads the same way BigQuery does. */
const SIMPLE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;

function withSimplePath(call: SourceCall, render: (json: string, path: string) => string): CorrectionPlan {
  const path = stringValue(call.data['path']);
  if (path === undefined || !SIMPLE_PATH.test(path)) {
    return unsupported(
      `${call.name} can only be translated with a literal path such as '$.a.b' or '$.items[0]'.`,
      "Write the path as a string literal of dotted keys and [n] indexes, e.g. JSON_VALUE(payload, '$.customer.id').",
    );
  }
  return rewrite([call.data['this'], stringLiteral(path)], ([j, p]) => (j && p ? render(j, p) : undefined), false);
}
