import { rewrite, unsupported, type CorrectionPlan, type SemanticCorrection, type SourceCall } from './correction-plan';
import { datePart } from './source-literals';

/** Microseconds per BigQuery TIMESTAMP_DIFF unit; its DAY is always 24 hours. */
const MICROS: Readonly<Record<string, number>> = { MICROSECOND: 1, MILLISECOND: 1e3, SECOND: 1e6, MINUTE: 6e7, HOUR: 3.6e9, DAY: 8.64e10 };

/**
 * BigQuery TIMESTAMP_DIFF(a, b, unit) is the number of WHOLE units elapsed from b to a,
 * truncated toward zero: 00:00:01 to 01:00:00 is 0 hours.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_diff
 * polyglot gives DuckDB DATE_DIFF and Snowflake TIMESTAMPDIFF, which count unit BOUNDARIES
 * crossed (1 hour there), and PostgreSQL AGE(a, b), an interval that becomes a different number
 * altogether. Every target gets the exact microsecond difference divided toward zero instead.
 */
export const TIMESTAMP_DIFF_CORRECTION: SemanticCorrection = {
  names: ['TIMESTAMP_DIFF'],
  sourceDialects: ['bigquery'],
  targets: {
    // https://duckdb.org/docs/stable/sql/functions/timestamp: date_sub counts complete parts. Its
    // 'DAY' is a calendar day in the session time zone, so days are counted as 24 hours.
    duckdb: (call) =>
      elapsed(call, (a, b, unit) =>
        unit === 'DAY' ? `CAST(TRUNC(DATE_SUB('HOUR', ${b}, ${a}) / 24) AS BIGINT)` : `DATE_SUB('${unit}', ${b}, ${a})`,
      ),
    // EXTRACT(EPOCH FROM interval) is exact numeric with microseconds; bigint division truncates toward zero.
    postgresql: (call) =>
      elapsed(call, (a, b, _unit, micros) => divided(`CAST(EXTRACT(EPOCH FROM (${a}) - (${b})) * 1000000 AS BIGINT)`, micros, '/'), false),
    // https://docs.snowflake.com/en/sql-reference/functions/timestampdiff: MICROSECOND boundaries are exact.
    // Dividing first would round to the division's scale, so the remainder is taken off before.
    snowflake: (call) =>
      elapsed(call, (a, b, _unit, micros) => {
        const d = `TIMESTAMPDIFF(MICROSECOND, ${b}, ${a})`;
        return micros === 1 ? d : `CAST((${d} - MOD(${d}, ${micros})) / ${micros} AS BIGINT)`;
      }),
    // https://spark.apache.org/docs/3.5.0/api/sql/index.html#div: integral division toward zero.
    spark: (call) => elapsed(call, (a, b, _unit, micros) => divided(`TIMESTAMPDIFF(MICROSECOND, ${b}, ${a})`, micros, 'DIV'), false),
    databricks: (call) => elapsed(call, (a, b, _unit, micros) => divided(`TIMESTAMPDIFF(MICROSECOND, ${b}, ${a})`, micros, 'DIV'), false),
  },
};

function elapsed(call: SourceCall, render: (a: string, b: string, unit: string, micros: number) => string, atomic = true): CorrectionPlan {
  const unit = call.args.length === 3 ? datePart(call.args[2]) : undefined;
  const micros = unit === undefined ? undefined : MICROS[unit];
  if (unit === undefined || micros === undefined) {
    return unsupported(
      `TIMESTAMP_DIFF(…, ${unit ?? '?'}) cannot be translated: BigQuery allows only ${Object.keys(MICROS).join(', ')}.`,
      'Use one of those units, e.g. TIMESTAMP_DIFF(closed_at, opened_at, HOUR).',
    );
  }
  return rewrite(call.args.slice(0, 2), ([a, b]) => (a && b ? render(a, b, unit, micros) : undefined), atomic);
}

function divided(microseconds: string, micros: number, operator: '/' | 'DIV'): string {
  return micros === 1 ? microseconds : `${microseconds} ${operator} ${micros}`;
}
