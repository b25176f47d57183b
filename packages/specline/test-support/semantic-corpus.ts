/**
 * The semantic corpus: BigQuery fragments over literals with the value BigQuery gives,
 * computed here from BigQuery's documented rules (not by running BigQuery), as text:
 * integers and decimals as written, booleans as true/false, dates as YYYY-MM-DD, NULL as null.
 * src/sql/semantic-corpus.spec.ts runs every fragment on DuckDB and on PostgreSQL.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/functions-and-operators
 */
export interface CorpusEntry {
  readonly fragment: string;
  /** BigQuery's result as text; null for NULL. */
  readonly expected: string | null;
  /** Compare as numbers (FLOAT64 results), to 9 decimals. */
  readonly numeric?: boolean;
  /**
   * A TIMESTAMP, expected as its UTC date and time 'YYYY-MM-DD HH:MM:SS': the engine may show it
   * with a +00 offset (an instant type read in a UTC session). A DATETIME is compared as text.
   */
  readonly instant?: boolean;
}

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dateMs(text: string): number {
  return Date.parse(`${text}T00:00:00Z`);
}

/** Sunday = 0 … Saturday = 6. */
function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/** DATE_DIFF counts the unit boundaries crossed: WEEK boundaries are Sundays. */
function dateDiff(a: string, b: string, unit: 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR'): number {
  const [x, y] = [dateMs(a), dateMs(b)];
  const [dx, dy] = [new Date(x), new Date(y)];
  switch (unit) {
    case 'DAY':
      return Math.round((x - y) / DAY);
    case 'WEEK':
      return Math.round((x - weekday(x) * DAY - (y - weekday(y) * DAY)) / (7 * DAY));
    case 'MONTH':
      return dx.getUTCFullYear() * 12 + dx.getUTCMonth() - (dy.getUTCFullYear() * 12 + dy.getUTCMonth());
    case 'QUARTER':
      return dx.getUTCFullYear() * 4 + Math.floor(dx.getUTCMonth() / 3) - (dy.getUTCFullYear() * 4 + Math.floor(dy.getUTCMonth() / 3));
    case 'YEAR':
      return dx.getUTCFullYear() - dy.getUTCFullYear();
  }
}

/** EXTRACT(WEEK): weeks begin on Sunday; days before the year's first Sunday are week 0. */
function sundayWeek(ms: number): number {
  const d = new Date(ms);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  const firstSunday = jan1 + ((7 - weekday(jan1)) % 7) * DAY;
  return ms < firstSunday ? 0 : Math.floor((ms - firstSunday) / (7 * DAY)) + 1;
}

/** ROUND: halves away from zero. */
function roundHalfAway(x: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(x) * factor;
  // Decimal text halves (2.5, 0.125) are exact in the NUMERIC literal; nudge binary error off.
  const rounded = Math.floor(scaled + 0.5 + 1e-9);
  return (Math.sign(x) * rounded) / factor;
}

/** Dates around month ends, leap days, year ends and every weekday. */
const DATES = [
  '2024-01-01',
  '2024-01-06',
  '2024-01-07',
  '2024-01-31',
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2024-03-31',
  '2024-12-28',
  '2024-12-29',
  '2024-12-31',
  '2025-01-01',
  '2025-01-04',
  '2025-01-05',
  '2023-02-28',
  '2023-03-01',
  '2020-02-29',
];

/** DATE_ADD of months: the same day of the month, or the month's last day when it has fewer days. */
function addMonths(text: string, months: number): string {
  const d = new Date(dateMs(text));
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return isoDate(first + (Math.min(d.getUTCDate(), lastDay) - 1) * DAY);
}

/** BigQuery SUBSTR: a negative position counts from the end; 0, or left of the start, is 1. */
function substr(value: string, position: number, length?: number): string {
  const start = position > 0 ? position : position === 0 ? 1 : Math.max(value.length + position + 1, 1);
  return value.slice(start - 1, length === undefined ? undefined : start - 1 + length);
}

const HOUR = 3_600_000;

/**
 * The 2024 rules of the two zones the corpus uses (IANA tz database): America/New_York is UTC-5,
 * UTC-4 from 02:00 local on the second Sunday of March (2024-03-10 07:00 UTC) to 02:00 local on
 * the first Sunday of November (2024-11-03 06:00 UTC); Europe/Berlin is UTC+1, UTC+2 from
 * 01:00 UTC on the last Sunday of March (2024-03-31) to 01:00 UTC on the last Sunday of
 * October (2024-10-27). Valid for instants in 2024 only, which is all the corpus asks.
 */
const ZONES: Readonly<Record<string, { standard: number; summer: number; from: number; to: number }>> = {
  'America/New_York': { standard: -5, summer: -4, from: Date.UTC(2024, 2, 10, 7), to: Date.UTC(2024, 10, 3, 6) },
  'Europe/Berlin': { standard: 1, summer: 2, from: Date.UTC(2024, 2, 31, 1), to: Date.UTC(2024, 9, 27, 1) },
};

function offsetHours(zone: string, instant: number): number {
  const rule = ZONES[zone] as (typeof ZONES)[string];
  return instant >= rule.from && instant < rule.to ? rule.summer : rule.standard;
}

function dateTimeText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The civil time (as UTC milliseconds of its fields) that the zone shows at an instant. */
function civilAt(zone: string, instant: number): number {
  return instant + offsetHours(zone, instant) * HOUR;
}

/**
 * The instant at which the zone shows a civil time. A civil time that a change skips or
 * repeats takes the offset in force before the change (BigQuery follows ZetaSQL, which takes
 * absl::TimeZone::At(civil).pre): 2024-03-10 02:30 in New York is 07:30 UTC (read as EST),
 * 2024-11-03 01:30 is 05:30 UTC (the first, EDT).
 */
function instantShowing(zone: string, civil: number): number {
  const rule = ZONES[zone] as (typeof ZONES)[string];
  const valid = [rule.summer, rule.standard].map((offset) => civil - offset * HOUR).filter((t) => civilAt(zone, t) === civil);
  if (valid.length > 0) return Math.min(...valid);
  return civil - offsetHours(zone, civil - 12 * HOUR) * HOUR;
}

/** The time-zone fragments: instants either side of each 2024 change in both zones. */
function timeZoneFragments(add: (fragment: string, expected: string | number | null, instant?: boolean) => void): void {
  const changes: [string, number][] = Object.entries(ZONES).flatMap(([zone, rule]) => [
    [zone, rule.from],
    [zone, rule.to],
  ]);
  for (const [zone, change] of changes) {
    for (const delta of [-5 * HOUR, -HOUR, -1000, 0, 1000, HOUR, 5 * HOUR, 20 * HOUR]) {
      const instant = change + delta;
      const ts = `TIMESTAMP '${dateTimeText(instant)}'`;
      const civil = civilAt(zone, instant);
      add(`DATE(${ts}, '${zone}')`, isoDate(civil));
      add(`DATETIME(${ts}, '${zone}')`, dateTimeText(civil));
      // DATETIME(date, time) is the other two-argument form: no zone at all.
      add(`DATETIME(DATE '${isoDate(civil)}', TIME '${dateTimeText(civil).slice(11)}')`, dateTimeText(civil));
      add(`EXTRACT(HOUR FROM ${ts} AT TIME ZONE '${zone}')`, new Date(civil).getUTCHours());
      add(`EXTRACT(DAY FROM ${ts} AT TIME ZONE '${zone}')`, new Date(civil).getUTCDate());
      add(`EXTRACT(DAYOFWEEK FROM ${ts} AT TIME ZONE '${zone}')`, new Date(civil).getUTCDay() + 1);
      // Midnight of the civil day, back in the zone (the day of a change has 23 or 25 hours).
      const midnight = Date.UTC(new Date(civil).getUTCFullYear(), new Date(civil).getUTCMonth(), new Date(civil).getUTCDate());
      add(`TIMESTAMP_TRUNC(${ts}, DAY, '${zone}')`, dateTimeText(instantShowing(zone, midnight)), true);
      const monthStart = Date.UTC(new Date(civil).getUTCFullYear(), new Date(civil).getUTCMonth(), 1);
      add(`TIMESTAMP_TRUNC(${ts}, MONTH, '${zone}')`, dateTimeText(instantShowing(zone, monthStart)), true);
    }
    // Civil times either side of the change, and the skipped or repeated hour itself.
    const localChange = civilAt(zone, change - 1000) + 1000;
    for (const delta of [-90 * 60_000, -30 * 60_000, 30 * 60_000, 90 * 60_000, 150 * 60_000]) {
      const civil = localChange + delta;
      add(`TIMESTAMP('${dateTimeText(civil)}', '${zone}')`, dateTimeText(instantShowing(zone, civil)), true);
    }
    const day = Date.UTC(new Date(change).getUTCFullYear(), new Date(change).getUTCMonth(), new Date(change).getUTCDate());
    const hours = (instantShowing(zone, day + DAY) - instantShowing(zone, day)) / HOUR;
    add(`TIMESTAMP_DIFF(TIMESTAMP('${dateTimeText(day + DAY)}', '${zone}'), TIMESTAMP('${dateTimeText(day)}', '${zone}'), HOUR)`, hours);
  }
}

export function semanticCorpus(): CorpusEntry[] {
  const corpus: CorpusEntry[] = [];
  const add = (fragment: string, expected: string | number | boolean | null, numeric = false) =>
    corpus.push({ fragment, expected: expected === null ? null : String(expected), ...(numeric ? { numeric } : {}) });
  const addInstant = (fragment: string, expected: string | number | null, instant = false) =>
    corpus.push({ fragment, expected: expected === null ? null : String(expected), ...(instant ? { instant } : {}) });

  // Dates: DATE_DIFF per unit, between pairs that cross (or just miss) week, month and year boundaries.
  const pairs: [string, string][] = [];
  for (let i = 0; i < DATES.length; i += 2) for (let j = 1; j < DATES.length; j += 3) pairs.push([DATES[i], DATES[j]]);
  for (const [a, b] of pairs)
    for (const unit of ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const)
      add(`DATE_DIFF(DATE '${a}', DATE '${b}', ${unit})`, dateDiff(a, b, unit));
  for (const d of DATES) {
    const ms = dateMs(d);
    const date = new Date(ms);
    add(`EXTRACT(DAYOFWEEK FROM DATE '${d}')`, weekday(ms) + 1);
    add(`EXTRACT(WEEK FROM DATE '${d}')`, sundayWeek(ms));
    add(`EXTRACT(DAY FROM DATE '${d}')`, date.getUTCDate());
    add(`EXTRACT(MONTH FROM DATE '${d}')`, date.getUTCMonth() + 1);
    add(`EXTRACT(YEAR FROM DATE '${d}')`, date.getUTCFullYear());
    add(`EXTRACT(DAYOFYEAR FROM DATE '${d}')`, Math.round((ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY) + 1);
    add(`EXTRACT(QUARTER FROM DATE '${d}')`, Math.floor(date.getUTCMonth() / 3) + 1);
    add(`DATE_ADD(DATE '${d}', INTERVAL 1 DAY)`, isoDate(ms + DAY));
    add(`DATE_SUB(DATE '${d}', INTERVAL 7 DAY)`, isoDate(ms - 7 * DAY));
    add(`LAST_DAY(DATE '${d}')`, isoDate(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
    add(`DATE_TRUNC(DATE '${d}', MONTH)`, isoDate(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
    add(`DATE_TRUNC(DATE '${d}', WEEK)`, isoDate(ms - weekday(ms) * DAY));
    add(`DATE_TRUNC(DATE '${d}', WEEK(MONDAY))`, isoDate(ms - ((weekday(ms) + 6) % 7) * DAY));
    add(`DATE_TRUNC(DATE '${d}', ISOWEEK)`, isoDate(ms - ((weekday(ms) + 6) % 7) * DAY));
    add(`DATE_TRUNC(DATE '${d}', WEEK(WEDNESDAY))`, isoDate(ms - ((weekday(ms) + 4) % 7) * DAY));
    add(`DATE_TRUNC(DATE '${d}', QUARTER)`, isoDate(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1)));
    add(`DATE_TRUNC(DATE '${d}', YEAR)`, isoDate(Date.UTC(date.getUTCFullYear(), 0, 1)));
    add(`DATE_ADD(DATE '${d}', INTERVAL 1 MONTH)`, addMonths(d, 1));
    add(`DATE_SUB(DATE '${d}', INTERVAL 1 MONTH)`, addMonths(d, -1));
    add(`DATE_ADD(DATE '${d}', INTERVAL 1 YEAR)`, addMonths(d, 12));
    add(`DATE_ADD(DATE '${d}', INTERVAL 2 WEEK)`, isoDate(ms + 14 * DAY));
    add(`DATE_ADD(DATE '${d}', INTERVAL -1 DAY)`, isoDate(ms - DAY));
    // A DATE result nested in another date function, and compared with a DATE.
    add(
      `DATE_TRUNC(DATE_ADD(DATE '${d}', INTERVAL 1 MONTH), MONTH)`,
      addMonths(isoDate(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)), 1),
    );
    add(`DATE_ADD(DATE '${d}', INTERVAL 1 DAY) = DATE '${isoDate(ms + DAY)}'`, true);
  }
  timeZoneFragments(addInstant);

  // Numbers: ROUND halves away from zero (FLOAT64 and NUMERIC), negatives, digits.
  for (const x of [2.5, -2.5, 0.5, -0.5, 1.5, 3.5, 2.4, -2.6, 0, 10.5]) add(`ROUND(${x})`, roundHalfAway(x, 0), true);
  for (const x of ['2.5', '-2.5', '0.125', '-0.125', '1.005', '2.675', '12.345'])
    add(`ROUND(NUMERIC '${x}', 2)`, roundHalfAway(Number(x), 2), true);
  for (const x of ['2.5', '-2.5', '3.5', '-0.5']) add(`ROUND(NUMERIC '${x}')`, roundHalfAway(Number(x), 0), true);
  // FLOAT64 halves away from zero too; these are exact in binary (0.25, 0.125), so no rounding error decides.
  for (const x of [2.5, -2.5, 0.5, 1.5, -3.5, 4.5]) add(`ROUND(CAST(${x} AS FLOAT64))`, roundHalfAway(x, 0), true);
  for (const x of [0.25, -0.25, 1.75, 2.125])
    add(`ROUND(CAST(${x} AS FLOAT64), ${x === 2.125 ? 2 : 1})`, roundHalfAway(x, x === 2.125 ? 2 : 1), true);
  add('ROUND(CAST(1234.5 AS FLOAT64), -2)', 1200, true);
  // Division of INT64 is FLOAT64 division; DIV truncates toward zero; MOD takes the dividend's sign.
  for (const [a, b] of [
    [7, 2],
    [-7, 2],
    [1, 3],
    [6, 3],
    [0, 5],
    [5, -2],
  ]) {
    add(`${a} / ${b}`, a / b, true);
    add(`DIV(${a}, ${b})`, Math.trunc(a / b));
    add(`MOD(${a}, ${b})`, a % b);
    add(`SAFE_DIVIDE(${a}, ${b})`, a / b, true);
  }
  add('SAFE_DIVIDE(1, 0)', null);
  for (const [a, b] of [
    [7, 2],
    [-7, 2],
  ])
    add(`CAST(${a} AS INT64) / CAST(${b} AS INT64)`, a / b, true);
  add('ABS(-3)', 3);
  add('SIGN(-3)', -1);
  add('CAST(2.5 AS INT64)', 3);
  add('CAST(-2.5 AS INT64)', -3);
  add('CAST(1.5 AS INT64)', 2);
  // FLOAT64 to INT64: the closest integer, halves away from zero (conversion_rules#casting).
  for (const x of [2.5, -2.5, 0.5, 1.4, 4.5, -3.5, -0.5, 1e15 + 0.5])
    add(`CAST(CAST(${x} AS FLOAT64) AS INT64)`, Math.sign(x) * Math.round(Math.abs(x)));
  // The same rounding wherever the value is certainly FLOAT64 or NUMERIC: INT64 / INT64 is
  // FLOAT64, SQRT and POW of a FLOAT64 are FLOAT64, ABS and COALESCE keep their argument's type.
  add('CAST(7 / 2 AS INT64)', 4);
  add('CAST(-7 / 2 AS INT64)', -4);
  add('CAST(1 / 4 AS INT64)', 0);
  add('CAST(SQRT(6.25) AS INT64)', 3);
  add('CAST(POW(CAST(2.5 AS FLOAT64), 1) AS INT64)', 3);
  add('CAST(ABS(CAST(-2.5 AS FLOAT64)) AS INT64)', 3);
  add('CAST(COALESCE(CAST(NULL AS FLOAT64), 4.5) AS INT64)', 5);
  add('CAST(CAST(2.5 AS FLOAT64) * 3 AS INT64)', 8);
  add('CAST(-(CAST(2.5 AS FLOAT64)) AS INT64)', -3);
  add('CAST(CAST(2.5 AS NUMERIC) AS INT64)', 3);
  add('CAST(CAST(-2.5 AS NUMERIC) AS INT64)', -3);
  add('CAST(ROUND(CAST(2.5 AS FLOAT64)) AS INT64)', 3);
  add('CAST(ROUND(CAST(2.45 AS FLOAT64), 1) AS INT64)', 3);
  add('TRUNC(-2.7)', -2, true);
  add('CEIL(-2.5)', -2, true);
  add('FLOOR(-2.5)', -3, true);
  add('GREATEST(1, 5, 3)', 5);
  add('LEAST(1, 5, 3)', 1);

  // Strings and NULLs: CONCAT is NULL when any argument is.
  add("CONCAT('a', ' ', 'b')", 'a b');
  add("CONCAT('a', NULL, 'b')", null);
  add("CONCAT('a', CAST(NULL AS STRING))", null);
  add("'a' || NULL", null);
  add("'a' || 'b'", 'ab');
  add("LENGTH('héllo')", 5);
  add("UPPER('abc')", 'ABC');
  add("LOWER('ABC')", 'abc');
  add("TRIM('  x  ')", 'x');
  add("LTRIM('  x ')", 'x ');
  add("RTRIM(' x  ')", ' x');
  add("SUBSTR('abcdef', 2, 3)", 'bcd');
  add("SUBSTR('abcdef', 3)", 'cdef');
  add("SUBSTR('abcdef', -2)", 'ef');
  for (const [position, length] of [
    [-2, 1],
    [-3, 2],
    [0, 2],
    [0, undefined],
    [-10, 2],
    [-6, undefined],
    [7, undefined],
    [2, 0],
    [-1, 5],
  ] as [number, number | undefined][])
    add(`SUBSTR('abcdef', ${position}${length === undefined ? '' : `, ${length}`})`, substr('abcdef', position, length));
  add("SUBSTR('héllo', -4, 2)", 'él');
  add('SUBSTR(CAST(NULL AS STRING), -2)', null);
  add("SUBSTR('abc', CAST(NULL AS INT64))", null);
  add("LTRIM('xxaxx', 'x')", 'axx');
  add("RTRIM('xxaxx', 'x')", 'xxa');
  add("TRIM('xxaxx', 'x')", 'a');
  add("RTRIM('a  ') || '|'", 'a|');
  add("REPLACE('a-b-c', '-', '')", 'abc');
  add("STARTS_WITH('abc', 'ab')", true);
  add("ENDS_WITH('abc', 'bc')", true);
  add("ENDS_WITH('abc', 'abcd')", false);
  add("ENDS_WITH('abc', '')", true);
  add("ENDS_WITH(CAST(NULL AS STRING), 'a')", null);
  add("LPAD('7', 3, '0')", '007');
  add("RPAD('7', 3, '0')", '700');
  add("REVERSE('abc')", 'cba');
  add("STRPOS('abcabc', 'c')", 3);
  add("REGEXP_CONTAINS('abc', r'b')", true);
  add("REGEXP_REPLACE('(555) 123', r'[^0-9]', '')", '555123');
  add('UPPER(NULL)', null);
  add("COALESCE(NULL, 'x')", 'x');
  add("IFNULL(NULL, 'x')", 'x');
  add("NULLIF('a', 'a')", null);
  add("IF(1 < 2, 'yes', 'no')", 'yes');
  add("IF(NULL, 'yes', 'no')", 'no');
  add("CASE WHEN NULL THEN 'a' ELSE 'b' END", 'b');
  add('NULL = NULL', null);
  add('1 IN (1, NULL)', true);
  add('2 IN (1, NULL)', null);
  add('NOT (2 IN (1, NULL))', null);
  add('TRUE AND NULL', null);
  add('FALSE AND NULL', false);
  add('TRUE OR NULL', true);
  add('NULL IS NULL', true);
  add("'a' < 'b'", true);
  add("'B' < 'a'", true);
  return corpus;
}
