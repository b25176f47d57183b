import { concatPropagatingNull, dateBoundariesCrossed, sundayDateParts } from './bigquery-date-parts';
import { truncateToUnit } from './bigquery-date-trunc';
import { keptAsDate } from './bigquery-date-types';
import { civilTimeIn, dateIn, datetimeIn, POSTGRESQL_ZONES, timestampIn } from './bigquery-time-zones';
import { substrFromBigQueryPosition } from './bigquery-substr';
import type { CorrectionTable } from './bigquery-functions';
import { castToInt64 } from './bigquery-int64-cast';
import { castToDecimal, roundAsNumeric } from './bigquery-numeric';
import { divided, elapsed } from './bigquery-timestamp-diff';
import { rewrite, rewriteArgs, rewriteOneArg, unsupported } from './correction-plan';

/**
 * Where polyglot's BigQuery to PostgreSQL translation gives valid but wrong SQL, and the fix
 * or the refusal. REGEXP_CONTAINS needs none: PostgreSQL's ~ matches part of the string, as
 * BigQuery's does.
 */
export const POSTGRESQL: CorrectionTable = {
  // BigQuery REGEXP_REPLACE replaces EVERY match; PostgreSQL's only the first one unless given
  // the 'g' flag: REGEXP_REPLACE(phone, r'[^0-9]', '') would strip a single character.
  REGEXP_REPLACE: (call) => rewriteArgs(call, 3, ([s, p, r]) => `REGEXP_REPLACE(${s}, ${p}, ${r}, 'g')`),
  // CAST(x AS INT64) of a FLOAT64 rounds halves away from zero in BigQuery.
  CAST: (call) => castToDecimal(call, 'CAST') ?? castToInt64(call, 'CAST', 'postgresql'),
  // SAFE_CAST gives NULL when a value does not convert. polyglot turns it into a plain CAST,
  // which fails the whole query instead, and PostgreSQL has no equivalent.
  SAFE_CAST: () =>
    unsupported(
      'SAFE_CAST has no PostgreSQL equivalent: CAST fails the query where SAFE_CAST gives NULL.',
      'Use CAST if every value converts, or validate the text with REGEXP_CONTAINS in a CASE first.',
    ),
  DATE_TRUNC: (call) => truncateToUnit(call, { weekdaysOfDates: true, zones: POSTGRESQL_ZONES }),
  // PostgreSQL adds an interval to a date as a TIMESTAMP.
  DATE_ADD: keptAsDate,
  DATE_SUB: keptAsDate,
  // A BigQuery TIMESTAMP is a TIMESTAMPTZ here; each zone is named, so the session's does not matter.
  DATE: dateIn(POSTGRESQL_ZONES),
  DATETIME: datetimeIn(POSTGRESQL_ZONES),
  TIMESTAMP: timestampIn(POSTGRESQL_ZONES),
  AT_TIME_ZONE: civilTimeIn(POSTGRESQL_ZONES),
  SUBSTRING: substrFromBigQueryPosition,
  ROUND: roundAsNumeric,
  // PostgreSQL has STARTS_WITH but no ENDS_WITH; the suffix compared with the value's end is exact, NULLs included.
  ENDS_WITH: (call) =>
    rewrite([call.data['this'], call.data['expression']], ([s, suffix]) =>
      s && suffix ? `(RIGHT(${s}, LENGTH(${suffix})) = ${suffix})` : undefined,
    ),
  // polyglot gives AGE(a, b), an interval that becomes a different number altogether.
  // EXTRACT(EPOCH FROM interval) is exact numeric with microseconds; bigint division truncates toward zero.
  TIMESTAMP_DIFF: (call) =>
    elapsed(call, (a, b, _unit, micros) => divided(`CAST(EXTRACT(EPOCH FROM (${a}) - (${b})) * 1000000 AS BIGINT)`, micros, '/'), false),
  // polyglot gives JSON_EXTRACT_PATH_TEXT(j, '$.a'), which reads '$.a' as one key named "$.a".
  JSON_VALUE: (call) =>
    unsupported(
      `${call.name} cannot be translated to PostgreSQL: polyglot's JSON_EXTRACT_PATH_TEXT reads the JSONPath as a single key.`,
      'Keep this model off the postgresql target, or extract the field in an upstream model on a dialect that has it.',
    ),
  // BigQuery's digests return BYTES and TO_HEX turns BYTES into lower-case hex.
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/hash_functions
  // https://www.postgresql.org/docs/15/functions-binarystring.html: sha256(bytea), convert_to(text, encoding).
  // A text column has no sha256; a BYTES argument (no convert_to(bytea)) fails to compile, loudly.
  SHA256: (call) => rewriteOneArg(call, (x) => `${call.name}(CONVERT_TO(${x}, 'UTF8'))`),
  // PostgreSQL md5(text) returns hex text; DECODE(…, 'hex') makes it the 16 bytes BigQuery returns.
  MD5: (call) => rewriteOneArg(call, (x) => `DECODE(MD5(${x}), 'hex')`),
  // PostgreSQL has no HEX; encode(bytea, 'hex') is lower-case.
  TO_HEX: (call) => rewriteOneArg(call, (x) => `ENCODE(${x}, 'hex')`),
  // PostgreSQL's DOW is 0-6 and its WEEK is ISO; BigQuery's count from Sunday.
  EXTRACT: sundayDateParts,
  // PostgreSQL's CONCAT skips NULL arguments; BigQuery's is NULL.
  CONCAT: concatPropagatingNull,
  DATE_DIFF: dateBoundariesCrossed,
  // BigQuery's / never truncates: INT64 / INT64 is FLOAT64 (7 / 2 = 3.5), where PostgreSQL's
  // integer division gives 3. Dividing as NUMERIC is exact for integers and decimals alike;
  // the column's CAST then gives the declared type. The DIV function (args) keeps polyglot's.
  DIV: (call) =>
    call.args.length === 0 ? rewrite([call.data['left'], call.data['right']], ([a, b]) => `(CAST(${a} AS NUMERIC) / ${b})`) : undefined,
  // IF(c, a, b) is CASE WHEN c THEN a ELSE b END, exactly (a NULL condition takes b).
  IF_FUNC: (call) =>
    rewrite(
      [call.data['condition'], call.data['true_value'], call.data['false_value']],
      ([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b} END`,
    ),
};
