import { asDate, isDateValued } from './bigquery-date-types';
import { instantShowing, type ZoneSql } from './bigquery-time-zones';
import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';
import { datePart } from './source-literals';

const SAME_UNITS = new Set(['MICROSECOND', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'QUARTER', 'YEAR']);
const MONDAY_WEEKS = new Set(['ISOWEEK', 'WEEK(MONDAY)']);
/** Units truncated in a time zone: whole civil days and longer. */
const ZONED_UNITS = new Set(['DAY', 'MONTH', 'QUARTER', 'YEAR', ...MONDAY_WEEKS]);
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** What a target can do beyond DATE_TRUNC('<unit>', value). */
export interface TruncationSupport {
  /** EXTRACT(DOW) is 0 (Sunday) to 6 and `date - integer` is a DATE: weeks of dates can start on any day. */
  readonly weekdaysOfDates?: boolean;
  /** TIMESTAMP_TRUNC(ts, unit, tz) is rendered through the zone's civil time. */
  readonly zones?: ZoneSql;
}

/**
 * BigQuery DATE_TRUNC, TIMESTAMP_TRUNC and DATETIME_TRUNC as DATE_TRUNC('<unit>', value). BigQuery's
 * WEEK starts on Sunday, the targets' WEEK on Monday, so WEEK(MONDAY) and ISOWEEK become 'WEEK'
 * (polyglot would emit 'WEEK(MONDAY)' as a unit string, which no target reads), and WEEK or
 * WEEK(<day>) is computed on a date where the target allows it, refused otherwise.
 * DATE_TRUNC returns its argument's type in BigQuery; the targets' DATE_TRUNC of a DATE is a
 * TIMESTAMP, so an argument that is certainly a DATE (a DATE column included, when the caller
 * gives the scope's column types) gets its result cast back.
 * A time zone argument is rendered through the zone's civil time where the target has zones.
 */
export function truncateToUnit(call: SourceCall, support: TruncationSupport = {}): CorrectionPlan {
  const [value, unitNode, zoneNode] = call.args;
  const unit = call.args.length >= 2 ? datePart(unitNode) : undefined;
  const target = unit === undefined ? undefined : SAME_UNITS.has(unit) ? unit : MONDAY_WEEKS.has(unit) ? 'WEEK' : undefined;
  if (call.args.length === 3 && support.zones && call.name !== 'DATETIME_TRUNC' && target !== undefined && ZONED_UNITS.has(unit ?? '')) {
    const zones = support.zones;
    return rewrite([value, zoneNode], ([x, tz]) =>
      x && tz ? instantShowing(zones, `DATE_TRUNC('${target}', ${zones.civil(x, tz)})`, tz) : undefined,
    );
  }
  const onDate = call.args.length === 2 && isDateValued(value, call.columns);
  const weekday = unit === 'WEEK' ? 0 : WEEKDAYS.indexOf(/^WEEK\((\w+)\)$/.exec(unit ?? '')?.[1] ?? '');
  if (onDate && support.weekdaysOfDates && weekday >= 0) {
    // Back to the last such weekday: (DOW + 7 - weekday) % 7 days, with Sunday = 0.
    return asDate(rewrite([value], ([x]) => `(${x} - CAST((EXTRACT(DOW FROM ${x}) + ${7 - weekday}) % 7 AS INTEGER))`));
  }
  if (target === undefined || call.args.length !== 2) {
    return unsupported(
      `${call.name}(…, ${unit ?? '?'}${call.args.length === 3 ? ', time zone' : ''}) has no exact equivalent in the target dialect${unit?.startsWith('WEEK') ? ': its weeks start on Monday, BigQuery WEEK starts on Sunday' : ''}.`,
      'Use ISOWEEK or WEEK(MONDAY) for Monday weeks, one of DAY, MONTH, QUARTER, YEAR, HOUR, MINUTE, SECOND otherwise; a time zone only with DAY or longer units, on targets that have zones.',
    );
  }
  const truncated = rewrite([value], ([x]) => `DATE_TRUNC('${target}', ${x})`);
  return onDate ? asDate(truncated) : truncated;
}
