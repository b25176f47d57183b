import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';
import { datePart } from './source-literals';

const SAME_UNITS = new Set(['MICROSECOND', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'QUARTER', 'YEAR']);
const MONDAY_WEEKS = new Set(['ISOWEEK', 'WEEK(MONDAY)']);

/**
 * BigQuery DATE_TRUNC, TIMESTAMP_TRUNC and DATETIME_TRUNC as DATE_TRUNC('<unit>', value). BigQuery's
 * WEEK starts on Sunday, the targets' WEEK on Monday, so plain WEEK is refused and WEEK(MONDAY)
 * and ISOWEEK become 'WEEK'; polyglot would emit 'WEEK(MONDAY)' as a unit string, which no
 * target reads. A time zone argument is refused too.
 */
export function truncateToUnit(call: SourceCall): CorrectionPlan {
  const unit = call.args.length === 2 ? datePart(call.args[1]) : undefined;
  const target = unit === undefined ? undefined : SAME_UNITS.has(unit) ? unit : MONDAY_WEEKS.has(unit) ? 'WEEK' : undefined;
  if (target === undefined) {
    return unsupported(
      `${call.name}(…, ${unit ?? '?'}) has no exact equivalent in the target dialect${unit?.startsWith('WEEK') ? ': its weeks start on Monday, BigQuery WEEK starts on Sunday' : ''}.`,
      'Use ISOWEEK or WEEK(MONDAY) for Monday weeks, one of DAY, MONTH, QUARTER, YEAR, HOUR, MINUTE, SECOND otherwise, and no time zone argument.',
    );
  }
  return rewrite([call.args[0]], ([value]) => `DATE_TRUNC('${target}', ${value})`);
}
