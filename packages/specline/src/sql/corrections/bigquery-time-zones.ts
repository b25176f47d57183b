import { nodeData } from '../ast-nodes';
import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';
import { asDate } from './bigquery-date-types';
import { stringValue } from './source-literals';

/**
 * How a target turns a BigQuery TIMESTAMP (an instant) into the civil date and time a zone
 * shows, and back. A BigQuery TIMESTAMP is a naive TIMESTAMP holding UTC in DuckDB and a
 * TIMESTAMPTZ in PostgreSQL (compiler/sql-type.ts); a civil time (DATETIME) is a naive
 * TIMESTAMP in both. Each rendering names its zones, so none depends on the session's.
 */
export interface ZoneSql {
  /** The civil time (naive) that zone `tz` shows at the BigQuery TIMESTAMP `x`. */
  readonly civil: (x: string, tz: string) => string;
  /** A TIMESTAMPTZ (an instant, in both engines) as the target holds a BigQuery TIMESTAMP. */
  readonly stored: (instant: string) => string;
}

export const DUCKDB_ZONES: ZoneSql = {
  civil: (x, tz) => `((CAST(${x} AS TIMESTAMP) AT TIME ZONE 'UTC') AT TIME ZONE ${tz})`,
  stored: (instant) => `(${instant} AT TIME ZONE 'UTC')`,
};

export const POSTGRESQL_ZONES: ZoneSql = {
  civil: (x, tz) => `(CAST(${x} AS TIMESTAMPTZ) AT TIME ZONE ${tz})`,
  stored: (instant) => instant,
};

/**
 * The instant at which zone `tz` shows civil time `c`, by BigQuery's rule for the civil times
 * a DST change skips or repeats: the offset in force BEFORE the change is used
 * (ZetaSQL's date_time_util.cc takes absl::TimeZone::At(civil).pre). So in America/New_York
 * 2024-03-10 02:30 (skipped) is 07:30 UTC, read as EST, and 2024-11-03 01:30 (repeated) is
 * 05:30 UTC, the first of the two. DuckDB (ICU) and PostgreSQL take the later offset for a
 * repeated time. In both, `naive AT TIME ZONE tz` is the TIMESTAMPTZ at which tz shows it and
 * `timestamptz AT TIME ZONE tz` the civil time tz shows. `shifted` reads c three hours earlier,
 * where the earlier offset is in force (zones change offset by at most a few hours, months
 * apart), and moves back: it is the answer when it shows c (a repeated time's first instant)
 * or when nothing shows c (a skipped time); otherwise c exists once and `direct` is right.
 */
export function instantShowing(zones: ZoneSql, c: string, tz: string): string {
  const direct = `(${c} AT TIME ZONE ${tz})`;
  const shifted = `(((${c} - INTERVAL '3 hours') AT TIME ZONE ${tz}) + INTERVAL '3 hours')`;
  const shows = (instant: string) => `(${instant} AT TIME ZONE ${tz})`;
  return zones.stored(`CASE WHEN ${shows(direct)} = ${c} AND ${shows(shifted)} <> ${c} THEN ${direct} ELSE ${shifted} END`);
}

/** `ts AT TIME ZONE tz`, which BigQuery allows inside EXTRACT: the civil time the zone shows. */
export function civilTimeIn(zones: ZoneSql): (call: SourceCall) => CorrectionPlan {
  return (call) => rewrite([call.data['this'], call.data['zone']], ([x, tz]) => (x && tz ? zones.civil(x, tz) : undefined));
}

/** DATE(ts, tz): the date the zone shows at ts. DATE(x) and DATE(y, m, d) keep polyglot's translation. */
export function dateIn(zones: ZoneSql): (call: SourceCall) => CorrectionPlan | undefined {
  return (call) =>
    call.args.length === 2 ? asDate(rewrite(call.args, ([x, tz]) => (x && tz ? zones.civil(x, tz) : undefined))) : undefined;
}

/**
 * DATETIME(ts, tz): the civil time the zone shows at ts. DATETIME(date, time) also takes two
 * arguments (polyglot reads both as a zone, giving AT TIME ZONE '12:00:00'): a time literal or a
 * cast to TIME says it is meant, and the date plus the time is the civil time. A computed second
 * argument could be either, so it is refused.
 */
export function datetimeIn(zones: ZoneSql): (call: SourceCall) => CorrectionPlan | undefined {
  return (call) => {
    if (call.args.length !== 2) return undefined;
    const second = call.args[1];
    const text = stringValue(second);
    const isTime = text === undefined ? isTimeValued(second) : /^\d{1,2}:\d{2}/.test(text);
    if (isTime) return rewrite(call.args, ([d, t]) => `(CAST(${d} AS DATE) + CAST(${t} AS TIME))`);
    if (text === undefined) {
      return unsupported(
        'DATETIME with a computed second argument cannot be translated: it may be a time zone or a time of day.',
        "Write the zone as a string literal (DATETIME(ts, 'Europe/Berlin')) or the time as CAST(… AS TIME).",
      );
    }
    return rewrite(call.args, ([x, tz]) => (x && tz ? zones.civil(x, tz) : undefined));
  };
}

/** TIMESTAMP(civil, tz): the instant at which the zone shows that civil time (instantShowing). */
export function timestampIn(zones: ZoneSql): (call: SourceCall) => CorrectionPlan | undefined {
  return (call) => {
    const zone = call.data['zone'];
    if (zone === null || zone === undefined) return undefined;
    return rewrite([call.data['this'], zone], ([c, tz]) => (c && tz ? instantShowing(zones, `CAST(${c} AS TIMESTAMP)`, tz) : undefined));
  };
}

/** A TIME literal or a cast to TIME. */
function isTimeValued(node: unknown): boolean {
  const data = nodeData(node);
  return data['literal_type'] === 'time' || (data['to'] as { data_type?: unknown } | undefined)?.data_type === 'time';
}
