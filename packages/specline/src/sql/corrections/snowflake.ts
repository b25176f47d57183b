import { truncateToUnit } from './bigquery-date-trunc';
import type { CorrectionTable } from './bigquery-functions';
import { castToDecimal } from './bigquery-numeric';
import { extractGroup } from './bigquery-regexp-extract';
import { elapsed } from './bigquery-timestamp-diff';
import { rewrite, rewriteArgs, rewriteOneArg } from './correction-plan';
import { castNode } from './source-literals';

/** Where polyglot's BigQuery to Snowflake translation gives valid but wrong SQL, and the fix. */
export const SNOWFLAKE: CorrectionTable = {
  // BigQuery REGEXP_CONTAINS is true when the pattern matches ANY PART of the string. polyglot
  // emits REGEXP_LIKE, which needs the WHOLE string to match, so REGEXP_CONTAINS('abc', 'b')
  // would turn false.
  REGEXP_CONTAINS: (call) => rewriteArgs(call, 2, ([s, p]) => `REGEXP_INSTR(${s}, ${p}) > 0`, false),
  // polyglot gives REGEXP_SUBSTR, which ignores groups; its 'e' parameter extracts one.
  REGEXP_EXTRACT: (call) =>
    extractGroup(call, (s, p, g) => (g === 0 ? `REGEXP_SUBSTR(${s}, ${p})` : `REGEXP_SUBSTR(${s}, ${p}, 1, 1, 'e', ${g})`)),
  CAST: (call) => castToDecimal(call, 'CAST'),
  // SAFE_CAST gives NULL when a value does not convert. polyglot turns it into a plain CAST,
  // which fails the whole query instead. TRY_CAST does the same job (for string input; other
  // input fails to compile, loudly).
  SAFE_CAST: (call) =>
    castToDecimal(call, 'TRY_CAST') ??
    rewrite([castNode('cast', call.data['this'], call.data['to'])], ([cast]) => (cast?.startsWith('CAST(') ? `TRY_${cast}` : undefined)),
  // Snowflake's weeks start on Monday with its default WEEK_START = 0, and polyglot emits
  // TIMESTAMP_TRUNC, which Snowflake does not have.
  DATE_TRUNC: truncateToUnit,
  // polyglot gives TIMESTAMPDIFF, which counts unit boundaries crossed.
  // https://docs.snowflake.com/en/sql-reference/functions/timestampdiff: MICROSECOND boundaries are exact.
  // Dividing first would round to the division's scale, so the remainder is taken off before.
  TIMESTAMP_DIFF: (call) =>
    elapsed(call, (a, b, _unit, micros) => {
      const d = `TIMESTAMPDIFF(MICROSECOND, ${b}, ${a})`;
      return micros === 1 ? d : `CAST((${d} - MOD(${d}, ${micros})) / ${micros} AS BIGINT)`;
    }),
  // BigQuery TO_HEX is lower-case hex, and Snowflake has no HEX.
  // https://docs.snowflake.com/en/sql-reference/functions/to_char: TO_VARCHAR(binary, 'HEX') is upper-case.
  TO_HEX: (call) => rewriteOneArg(call, (x) => `LOWER(TO_VARCHAR(${x}, 'HEX'))`),
};
