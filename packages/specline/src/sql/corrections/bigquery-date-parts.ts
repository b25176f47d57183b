import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';
import { datePart } from './source-literals';

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

/** DATE_DIFF per unit, over two DATE expressions: the unit boundaries crossed from b to a. */
const BOUNDARIES: Readonly<Record<string, (a: string, b: string) => string>> = {
  DAY: (a, b) => `(${a} - ${b})`,
  // A week starts on Sunday: count the Sundays from b's week to a's (date - integer is a date).
  WEEK: (a, b) => `(((${a} - CAST(EXTRACT(DOW FROM ${a}) AS INTEGER)) - (${b} - CAST(EXTRACT(DOW FROM ${b}) AS INTEGER))) / 7)`,
  MONTH: (a, b) =>
    `CAST((EXTRACT(YEAR FROM ${a}) * 12 + EXTRACT(MONTH FROM ${a})) - (EXTRACT(YEAR FROM ${b}) * 12 + EXTRACT(MONTH FROM ${b})) AS BIGINT)`,
  QUARTER: (a, b) =>
    `CAST((EXTRACT(YEAR FROM ${a}) * 4 + EXTRACT(QUARTER FROM ${a})) - (EXTRACT(YEAR FROM ${b}) * 4 + EXTRACT(QUARTER FROM ${b})) AS BIGINT)`,
  YEAR: (a, b) => `CAST(EXTRACT(YEAR FROM ${a}) - EXTRACT(YEAR FROM ${b}) AS BIGINT)`,
};

/**
 * BigQuery DATE_DIFF(a, b, unit) counts the unit boundaries crossed (2024-01-06 to
 * 2024-01-07 is one WEEK, Saturday to Sunday; 2024-01-31 to 2024-02-01 one MONTH):
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_diff
 * polyglot's PostgreSQL translation counts elapsed days / 7 and AGE months instead.
 */
export function dateBoundariesCrossed(call: SourceCall): CorrectionPlan {
  const unit = call.args.length === 3 ? datePart(call.args[2]) : undefined;
  const render = unit === undefined ? undefined : BOUNDARIES[unit];
  if (!render)
    return unsupported(
      `DATE_DIFF(…, ${unit ?? '?'}) cannot be translated exactly; the units that can are ${Object.keys(BOUNDARIES).join(', ')}.`,
      'Use one of those units, e.g. DATE_DIFF(end_date, start_date, DAY).',
    );
  return rewrite(call.args.slice(0, 2), ([a, b]) => (a && b ? render(`CAST(${a} AS DATE)`, `CAST(${b} AS DATE)`) : undefined));
}
