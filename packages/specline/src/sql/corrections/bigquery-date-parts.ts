import { type CorrectionPlan, rewrite, type SourceCall } from './correction-plan';

/**
 * EXTRACT of the two BigQuery date parts that count from Sunday, for targets (DuckDB,
 * PostgreSQL) whose DOW is 0-6 and whose WEEK is ISO:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#extract
 * DAYOFWEEK is 1 (Sunday) to 7; WEEK begins on Sunday, and the days before the year's first
 * Sunday are week 0, i.e. floor((day of year + 6 - day of week) / 7) with Sunday = 0.
 * Other parts keep polyglot's translation.
 */
export function sundayDateParts(call: SourceCall): CorrectionPlan | undefined {
  const field = call.data['field'];
  const value = call.data['this'];
  if (field === 'DayOfWeek') return rewrite([value], ([x]) => `(EXTRACT(DOW FROM ${x}) + 1)`);
  if (field === 'Week')
    return rewrite([value], ([x]) => `CAST(FLOOR((EXTRACT(DOY FROM ${x}) + 6 - EXTRACT(DOW FROM ${x})) / 7) AS BIGINT)`);
  return undefined;
}

/** CONCAT is NULL when any argument is (DuckDB and PostgreSQL skip NULLs); || keeps that rule on both. */
export function concatPropagatingNull(call: SourceCall): CorrectionPlan | undefined {
  if (call.args.length < 2) return undefined;
  return rewrite(call.args, (args) => `(${args.join(' || ')})`);
}
