import { truncateToUnit } from './bigquery-date-trunc';
import type { CorrectionTable } from './bigquery-functions';
import { castToInt64 } from './bigquery-int64-cast';
import { castToDecimal } from './bigquery-numeric';
import { extractGroup } from './bigquery-regexp-extract';
import { divided, elapsed } from './bigquery-timestamp-diff';
import { type CorrectionPlan, rewrite, rewriteOneArg, type SourceCall, unsupported } from './correction-plan';
import { stringLiteral, stringValue } from './source-literals';

/**
 * Where polyglot's BigQuery to Spark translation gives valid but wrong SQL, and the fix or the
 * refusal. Most come from Spark's Java regexes. REGEXP_CONTAINS needs none: Spark's RLIKE
 * matches part of the string, as BigQuery's does. Databricks inherits these (databricks.ts).
 */
export const SPARK: CorrectionTable = {
  // Spark (Java regex) reads '$1' in the replacement as a group and '\1' as a plain 1, the
  // reverse of BigQuery, so a replacement using either is refused.
  REGEXP_REPLACE: javaSafeReplacement,
  // polyglot leaves group 1, an error for a pattern without groups, and Spark returns ''
  // rather than NULL on no match, hence the CASE.
  REGEXP_EXTRACT: (call) => extractGroup(call, (s, p, g) => `CASE WHEN ${s} RLIKE ${p} THEN REGEXP_EXTRACT(${s}, ${p}, ${g}) END`),
  // CAST(x AS INT64) of a FLOAT64 rounds halves away from zero in BigQuery.
  CAST: (call) => castToDecimal(call, 'CAST') ?? castToInt64(call, 'CAST', 'spark'),
  SAFE_CAST: (call) => castToDecimal(call, 'TRY_CAST') ?? castToInt64(call, 'TRY_CAST', 'spark'),
  DATE_TRUNC: truncateToUnit,
  // BigQuery SPLIT cuts at a literal delimiter (',' by default). Spark's SPLIT reads the
  // delimiter as a Java regex, so SPLIT(s, '.') or SPLIT(s, '|') would cut at every
  // character. The delimiter is regex-escaped; a computed delimiter cannot be and is refused.
  SPLIT: regexSafeSplit,
  // PARSE_JSON checks the text and returns a JSON value. polyglot gives Spark the bare string
  // argument: invalid JSON passes unnoticed and the type changes. Spark 3.5 has no JSON type.
  PARSE_JSON: () =>
    unsupported(
      'PARSE_JSON has no Spark equivalent: Spark 3.5 has no JSON type, and polyglot would pass the unchecked string on.',
      'Keep the column a STRING and read fields with JSON_VALUE, or keep this model off the pyspark target.',
    ),
  // https://spark.apache.org/docs/3.5.0/api/sql/index.html#div: integral division toward zero.
  TIMESTAMP_DIFF: (call) => elapsed(call, (a, b, _unit, micros) => divided(`TIMESTAMPDIFF(MICROSECOND, ${b}, ${a})`, micros, 'DIV'), false),
  // BigQuery's SHA256 and SHA512 return BYTES; polyglot gives Spark's SHA2, which returns hex
  // text, so a TO_HEX around it would encode the hex twice.
  // https://spark.apache.org/docs/3.5.0/api/sql/index.html#sha2: hex text; UNHEX makes it binary.
  SHA256: (call) => rewriteOneArg(call, (x) => `UNHEX(SHA2(${x}, ${call.name.slice(3)}))`),
};

function javaSafeReplacement(call: SourceCall): CorrectionPlan | undefined {
  const replacement = call.args.length === 3 ? stringValue(call.args[2]) : undefined;
  if (replacement !== undefined && !/[\\$]/.test(replacement)) return undefined;
  return unsupported(
    'REGEXP_REPLACE cannot be translated to Spark safely: Spark reads $ and \\ in the replacement differently from BigQuery.',
    'Use a string literal replacement without $ or \\, e.g. build the result with CONCAT and REGEXP_EXTRACT.',
  );
}

function regexSafeSplit(call: SourceCall): CorrectionPlan {
  const delimiter = call.args.length === 1 ? ',' : call.args.length === 2 ? stringValue(call.args[1]) : undefined;
  if (delimiter === undefined || delimiter === '') {
    return unsupported(
      'SPLIT can only be translated to Spark with a non-empty literal delimiter: Spark reads the delimiter as a regex.',
      "Write the delimiter as a string literal, e.g. SPLIT(tags, '|').",
    );
  }
  const escaped = delimiter.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
  return rewrite([call.args[0], stringLiteral(escaped)], ([s, d]) => `SPLIT(${s}, ${d})`);
}
