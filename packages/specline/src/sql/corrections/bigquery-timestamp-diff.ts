import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';
import { datePart } from './source-literals';

/** Microseconds per BigQuery TIMESTAMP_DIFF unit; its DAY is always 24 hours. */
const MICROS: Readonly<Record<string, number>> = { MICROSECOND: 1, MILLISECOND: 1e3, SECOND: 1e6, MINUTE: 6e7, HOUR: 3.6e9, DAY: 8.64e10 };

/**
 * BigQuery TIMESTAMP_DIFF(a, b, unit) is the number of WHOLE units elapsed from b to a,
 * truncated toward zero: 00:00:01 to 01:00:00 is 0 hours.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_diff
 * polyglot's translations count unit BOUNDARIES crossed (1 hour there) or compute an interval,
 * so every target renders the exact elapsed time from the translated a and b instead.
 */
export function elapsed(
  call: SourceCall,
  render: (a: string, b: string, unit: string, micros: number) => string,
  atomic = true,
): CorrectionPlan {
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

/** A microsecond count divided into whole units with the target's integer division. */
export function divided(microseconds: string, micros: number, operator: '/' | 'DIV'): string {
  return micros === 1 ? microseconds : `${microseconds} ${operator} ${micros}`;
}
