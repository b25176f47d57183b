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

export function semanticCorpus(): CorpusEntry[] {
  const corpus: CorpusEntry[] = [];
  const add = (fragment: string, expected: string | number | boolean | null, numeric = false) =>
    corpus.push({ fragment, expected: expected === null ? null : String(expected), ...(numeric ? { numeric } : {}) });

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
  }

  // Numbers: ROUND halves away from zero (FLOAT64 and NUMERIC), negatives, digits.
  for (const x of [2.5, -2.5, 0.5, -0.5, 1.5, 3.5, 2.4, -2.6, 0, 10.5]) add(`ROUND(${x})`, roundHalfAway(x, 0), true);
  for (const x of ['2.5', '-2.5', '0.125', '-0.125', '1.005', '2.675', '12.345'])
    add(`ROUND(NUMERIC '${x}', 2)`, roundHalfAway(Number(x), 2), true);
  for (const x of ['2.5', '-2.5', '3.5', '-0.5']) add(`ROUND(NUMERIC '${x}')`, roundHalfAway(Number(x), 0), true);
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
  add("REPLACE('a-b-c', '-', '')", 'abc');
  add("STARTS_WITH('abc', 'ab')", true);
  add("ENDS_WITH('abc', 'bc')", true);
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
