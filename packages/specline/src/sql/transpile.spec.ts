import { CORRECTIONS_FROM_BIGQUERY } from './corrections/from-bigquery';
import { initSql, transpileExpression } from './index';
import type { TranspileResult } from './transpile';

beforeAll(() => initSql());

function sql(result: TranspileResult): string {
  if (!result.ok) throw new Error(`expected SQL, got ${result.problem.code}: ${result.problem.message}`);
  return result.sql;
}

describe('transpileExpression: REGEXP_CONTAINS (the known polyglot bug)', () => {
  it.each([
    ['duckdb', "REGEXP_MATCHES(s, 'x')"],
    ['spark', "s RLIKE 'x'"],
    ['snowflake', "REGEXP_INSTR(s, 'x') > 0"],
    ['postgresql', "s ~ 'x'"],
    ['bigquery', "REGEXP_CONTAINS(s, 'x')"],
  ])('to %s gives %s', (target, expected) => {
    expect(sql(transpileExpression("REGEXP_CONTAINS(s, r'x')", 'bigquery', target))).toBe(expected);
  });

  it('parenthesises the Snowflake comparison only where an operator could bind to it', () => {
    expect(sql(transpileExpression("NOT REGEXP_CONTAINS(s, r'x')", 'bigquery', 'snowflake'))).toBe("NOT (REGEXP_INSTR(s, 'x') > 0)");
    expect(sql(transpileExpression("REGEXP_CONTAINS(s, 'x') = TRUE", 'bigquery', 'snowflake'))).toBe("(REGEXP_INSTR(s, 'x') > 0) = TRUE");
    expect(sql(transpileExpression("IF(REGEXP_CONTAINS(s, 'x'), 1, 0)", 'bigquery', 'snowflake'))).toBe(
      "IFF(REGEXP_INSTR(s, 'x') > 0, 1, 0)",
    );
  });

  it('keeps regex backslashes meaning the same in each target string syntax', () => {
    const text = "REGEXP_CONTAINS(LOWER(c.email), r'@example\\.com$')";
    expect(sql(transpileExpression(text, 'bigquery', 'duckdb'))).toBe("REGEXP_MATCHES(LOWER(c.email), '@example\\.com$')");
    expect(sql(transpileExpression(text, 'bigquery', 'spark'))).toBe("LOWER(c.email) RLIKE '@example\\\\.com$'");
    expect(sql(transpileExpression(text, 'bigquery', 'snowflake'))).toBe("REGEXP_INSTR(LOWER(c.email), '@example\\\\.com$') > 0");
  });

  it('corrects nested calls inside out', () => {
    expect(sql(transpileExpression("REGEXP_CONTAINS(REGEXP_REPLACE(s, 'a', 'b'), 'x')", 'bigquery', 'duckdb'))).toBe(
      "REGEXP_MATCHES(REGEXP_REPLACE(s, 'a', 'b', 'g'), 'x')",
    );
  });
});

/** [correction, BigQuery text, target, expected SQL or the refusal code]. */
const CORRECTION_CASES: readonly [string, string, string, string | { code: 'SQL005' }][] = [
  ['REGEXP_CONTAINS', "REGEXP_CONTAINS(s, 'x')", 'duckdb', "REGEXP_MATCHES(s, 'x')"],
  ['REGEXP_CONTAINS', "REGEXP_CONTAINS(s, 'x')", 'snowflake', "REGEXP_INSTR(s, 'x') > 0"],
  ['REGEXP_REPLACE', "REGEXP_REPLACE(c.phone, r'[^0-9+]', '')", 'duckdb', "REGEXP_REPLACE(c.phone, '[^0-9+]', '', 'g')"],
  ['REGEXP_REPLACE', "REGEXP_REPLACE(c.phone, r'[^0-9+]', '')", 'postgresql', "REGEXP_REPLACE(c.phone, '[^0-9+]', '', 'g')"],
  ['REGEXP_REPLACE', "REGEXP_REPLACE(c.phone, r'[^0-9+]', '')", 'spark', "REGEXP_REPLACE(c.phone, '[^0-9+]', '')"],
  ['REGEXP_REPLACE', "REGEXP_REPLACE(s, r'(\\d+)-(\\d+)', r'\\2\\1')", 'spark', { code: 'SQL005' }],
  ['REGEXP_REPLACE', "REGEXP_REPLACE(s, 'x', 'USD$')", 'databricks', { code: 'SQL005' }],
  [
    'REGEXP_EXTRACT',
    "REGEXP_EXTRACT(c.email, r'@(.+)$')",
    'duckdb',
    "CASE WHEN REGEXP_MATCHES(c.email, '@(.+)$') THEN REGEXP_EXTRACT(c.email, '@(.+)$', 1) END",
  ],
  ['REGEXP_EXTRACT', "REGEXP_EXTRACT(s, r'\\d+')", 'duckdb', "CASE WHEN REGEXP_MATCHES(s, '\\d+') THEN REGEXP_EXTRACT(s, '\\d+', 0) END"],
  [
    'REGEXP_EXTRACT',
    "REGEXP_EXTRACT(c.email, r'@(.+)$')",
    'spark',
    "CASE WHEN c.email RLIKE '@(.+)$' THEN REGEXP_EXTRACT(c.email, '@(.+)$', 1) END",
  ],
  [
    'REGEXP_EXTRACT',
    "REGEXP_EXTRACT(c.email, r'@(.+)$')",
    'databricks',
    "CASE WHEN c.email RLIKE '@(.+)$' THEN REGEXP_EXTRACT(c.email, '@(.+)$', 1) END",
  ],
  ['REGEXP_EXTRACT', "REGEXP_EXTRACT(c.email, r'@(.+)$')", 'snowflake', "REGEXP_SUBSTR(c.email, '@(.+)$', 1, 1, 'e', 1)"],
  ['REGEXP_EXTRACT', "REGEXP_SUBSTR(s, r'\\d+')", 'snowflake', "REGEXP_SUBSTR(s, '\\\\d+')"],
  ['REGEXP_EXTRACT', "REGEXP_EXTRACT(s, r'(a)(b)')", 'duckdb', { code: 'SQL005' }],
  ['REGEXP_EXTRACT', 'REGEXP_EXTRACT(s, pattern_column)', 'spark', { code: 'SQL005' }],
  ['CAST', 'CAST(o.amount AS NUMERIC)', 'duckdb', 'CAST(o.amount AS DECIMAL(38, 9))'],
  ['CAST', 'CAST(o.amount AS NUMERIC(10, 2))', 'spark', 'CAST(o.amount AS DECIMAL(10, 2))'],
  ['CAST', 'CAST(o.amount AS DECIMAL(12))', 'databricks', 'CAST(o.amount AS DECIMAL(12, 0))'],
  ['CAST', 'CAST(o.amount AS NUMERIC)', 'snowflake', 'CAST(o.amount AS DECIMAL(38, 9))'],
  ['CAST', "NUMERIC '19.99'", 'postgresql', "CAST('19.99' AS DECIMAL(38, 9))"],
  ['CAST', 'CAST(o.amount AS BIGNUMERIC)', 'duckdb', { code: 'SQL005' }],
  ['CAST', 'CAST(o.amounts AS ARRAY<NUMERIC>)', 'spark', { code: 'SQL005' }],
  ['CAST', 'CAST(o.quantity AS INT64)', 'snowflake', 'CAST(o.quantity AS BIGINT)'],
  ['SAFE_CAST', 'SAFE_CAST(o.quantity AS INT64)', 'snowflake', 'TRY_CAST(o.quantity AS BIGINT)'],
  ['SAFE_CAST', 'SAFE_CAST(o.amount AS NUMERIC)', 'snowflake', 'TRY_CAST(o.amount AS DECIMAL(38, 9))'],
  ['SAFE_CAST', 'SAFE_CAST(o.amount AS NUMERIC)', 'duckdb', 'TRY_CAST(o.amount AS DECIMAL(38, 9))'],
  ['SAFE_CAST', 'SAFE_CAST(o.quantity AS INT64)', 'duckdb', 'TRY_CAST(o.quantity AS BIGINT)'],
  ['SAFE_CAST', 'SAFE_CAST(o.amount AS NUMERIC)', 'spark', 'TRY_CAST(o.amount AS DECIMAL(38, 9))'],
  ['SAFE_CAST', 'SAFE_CAST(o.amount AS NUMERIC)', 'databricks', 'TRY_CAST(o.amount AS DECIMAL(38, 9))'],
  ['SAFE_CAST', 'SAFE_CAST(o.quantity AS INT64)', 'postgresql', { code: 'SQL005' }],
  ['DATE_TRUNC', 'DATE_TRUNC(o.ordered_at, MONTH)', 'duckdb', "DATE_TRUNC('MONTH', o.ordered_at)"],
  ['DATE_TRUNC', 'DATE_TRUNC(o.ordered_at, WEEK)', 'duckdb', { code: 'SQL005' }],
  ['DATE_TRUNC', 'DATE_TRUNC(o.ordered_at, WEEK(MONDAY))', 'spark', "DATE_TRUNC('WEEK', o.ordered_at)"],
  ['DATE_TRUNC', 'DATE_TRUNC(o.ordered_at, WEEK(SUNDAY))', 'databricks', { code: 'SQL005' }],
  ['DATE_TRUNC', 'TIMESTAMP_TRUNC(o.ordered_at, ISOWEEK)', 'snowflake', "DATE_TRUNC('WEEK', o.ordered_at)"],
  ['DATE_TRUNC', 'TIMESTAMP_TRUNC(o.ordered_at, HOUR)', 'snowflake', "DATE_TRUNC('HOUR', o.ordered_at)"],
  ['DATE_TRUNC', "TIMESTAMP_TRUNC(o.ordered_at, HOUR, 'Europe/Berlin')", 'postgresql', { code: 'SQL005' }],
  ['DATE_TRUNC', "TIMESTAMP_TRUNC(o.ordered_at, DAY, 'Europe/Berlin')", 'snowflake', { code: 'SQL005' }],
  ['DATE_TRUNC', "DATE_TRUNC(DATE '2024-06-05', MONTH)", 'duckdb', "CAST(DATE_TRUNC('MONTH', CAST('2024-06-05' AS DATE)) AS DATE)"],
  [
    'DATE_TRUNC',
    'DATE_TRUNC(CAST(c.d AS DATE), WEEK)',
    'postgresql',
    'CAST((CAST(c.d AS DATE) - CAST((EXTRACT(DOW FROM CAST(c.d AS DATE)) + 7) % 7 AS INTEGER)) AS DATE)',
  ],
  ['DATE_ADD', 'DATE_ADD(c.d, INTERVAL 1 MONTH)', 'duckdb', "CAST(c.d + INTERVAL '1' MONTH AS DATE)"],
  ['DATE_ADD', 'DATE_ADD(c.d, INTERVAL 1 MONTH)', 'postgresql', "CAST(c.d + INTERVAL '1 MONTH' AS DATE)"],
  ['DATE_SUB', 'DATE_SUB(c.d, INTERVAL 7 DAY)', 'duckdb', "CAST(c.d - INTERVAL '7' DAY AS DATE)"],
  ['DATE_SUB', 'DATE_SUB(c.d, INTERVAL 7 DAY)', 'postgresql', "CAST(c.d - INTERVAL '7 DAY' AS DATE)"],
  [
    'DATE',
    "DATE(c.ts, 'America/New_York')",
    'duckdb',
    "CAST(((CAST(c.ts AS TIMESTAMP) AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York') AS DATE)",
  ],
  ['DATE', "DATE(c.ts, 'America/New_York')", 'postgresql', "CAST((CAST(c.ts AS TIMESTAMPTZ) AT TIME ZONE 'America/New_York') AS DATE)"],
  ['DATETIME', "DATETIME(c.ts, 'Europe/Berlin')", 'duckdb', "((CAST(c.ts AS TIMESTAMP) AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')"],
  ['DATETIME', "DATETIME(c.d, '12:00:00')", 'postgresql', "(CAST(c.d AS DATE) + CAST('12:00:00' AS TIME))"],
  ['DATETIME', 'DATETIME(c.d, c.t)', 'postgresql', { code: 'SQL005' }],
  [
    'TIMESTAMP',
    "TIMESTAMP(c.t, 'Europe/Berlin')",
    'postgresql',
    "CASE WHEN ((CAST(c.t AS TIMESTAMP) AT TIME ZONE 'Europe/Berlin') AT TIME ZONE 'Europe/Berlin') = CAST(c.t AS TIMESTAMP) AND ((((CAST(c.t AS TIMESTAMP) - INTERVAL '3 hours') AT TIME ZONE 'Europe/Berlin') + INTERVAL '3 hours') AT TIME ZONE 'Europe/Berlin') <> CAST(c.t AS TIMESTAMP) THEN (CAST(c.t AS TIMESTAMP) AT TIME ZONE 'Europe/Berlin') ELSE (((CAST(c.t AS TIMESTAMP) - INTERVAL '3 hours') AT TIME ZONE 'Europe/Berlin') + INTERVAL '3 hours') END",
  ],
  [
    'TIMESTAMP',
    "TIMESTAMP(c.t, 'Europe/Berlin')",
    'duckdb',
    "(CASE WHEN ((CAST(c.t AS TIMESTAMP) AT TIME ZONE 'Europe/Berlin') AT TIME ZONE 'Europe/Berlin') = CAST(c.t AS TIMESTAMP) AND ((((CAST(c.t AS TIMESTAMP) - INTERVAL '3 hours') AT TIME ZONE 'Europe/Berlin') + INTERVAL '3 hours') AT TIME ZONE 'Europe/Berlin') <> CAST(c.t AS TIMESTAMP) THEN (CAST(c.t AS TIMESTAMP) AT TIME ZONE 'Europe/Berlin') ELSE (((CAST(c.t AS TIMESTAMP) - INTERVAL '3 hours') AT TIME ZONE 'Europe/Berlin') + INTERVAL '3 hours') END AT TIME ZONE 'UTC')",
  ],
  [
    'AT_TIME_ZONE',
    "EXTRACT(HOUR FROM c.ts AT TIME ZONE 'America/New_York')",
    'duckdb',
    "EXTRACT(HOUR FROM ((CAST(c.ts AS TIMESTAMP) AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'))",
  ],
  [
    'AT_TIME_ZONE',
    "EXTRACT(DAYOFWEEK FROM c.ts AT TIME ZONE 'Europe/Berlin')",
    'postgresql',
    "(EXTRACT(DOW FROM (CAST(c.ts AS TIMESTAMPTZ) AT TIME ZONE 'Europe/Berlin')) + 1)",
  ],
  ['SUBSTRING', 'SUBSTR(c.s, -2)', 'duckdb', 'SUBSTR(c.s, GREATEST(LENGTH(c.s) + -2 + 1, 1))'],
  ['SUBSTRING', 'SUBSTR(c.s, 0, c.n)', 'postgresql', 'SUBSTR(c.s, 1, CAST(c.n AS INTEGER))'],
  [
    'SUBSTRING',
    'SUBSTR(c.s, c.p, 2)',
    'postgresql',
    'SUBSTR(c.s, CAST(CASE WHEN c.p < 0 THEN GREATEST(LENGTH(c.s) + c.p + 1, 1) WHEN c.p = 0 THEN 1 ELSE c.p END AS INTEGER), 2)',
  ],
  ['SUBSTRING', 'SUBSTR(c.s, 3)', 'postgresql', 'SUBSTRING(c.s FROM 3)'],
  ['ROUND', 'ROUND(c.x, 2)', 'postgresql', 'ROUND(CAST(c.x AS NUMERIC), 2)'],
  ['ROUND', 'ROUND(c.x)', 'duckdb', 'ROUND(c.x)'],
  ['ENDS_WITH', "ENDS_WITH(c.s, 'bc')", 'postgresql', "(RIGHT(c.s, LENGTH('bc')) = 'bc')"],
  ['DATE_TRUNC', 'DATETIME_TRUNC(o.ordered_at, QUARTER)', 'postgresql', "DATE_TRUNC('QUARTER', o.ordered_at)"],
  ['SPLIT', "SPLIT(c.tags, '|')", 'spark', "SPLIT(c.tags, '\\\\|')"],
  ['SPLIT', "SPLIT(c.tags, '.')", 'databricks', "SPLIT(c.tags, '\\\\.')"],
  ['SPLIT', 'SPLIT(c.tags)', 'spark', "SPLIT(c.tags, ',')"],
  ['SPLIT', "SPLIT(c.tags, ', ')", 'spark', "SPLIT(c.tags, ', ')"],
  ['SPLIT', 'SPLIT(c.tags, c.delimiter)', 'spark', { code: 'SQL005' }],
  ['PARSE_JSON', 'PARSE_JSON(c.payload)', 'spark', { code: 'SQL005' }],
  ['TIMESTAMP_DIFF', 'TIMESTAMP_DIFF(t.closed_at, t.opened_at, HOUR)', 'duckdb', "DATE_SUB('HOUR', t.opened_at, t.closed_at)"],
  [
    'TIMESTAMP_DIFF',
    'TIMESTAMP_DIFF(t.closed_at, t.opened_at, DAY)',
    'duckdb',
    "CAST(TRUNC(DATE_SUB('HOUR', t.opened_at, t.closed_at) / 24) AS BIGINT)",
  ],
  [
    'TIMESTAMP_DIFF',
    'TIMESTAMP_DIFF(t.closed_at, t.opened_at, HOUR)',
    'postgresql',
    'CAST(EXTRACT(EPOCH FROM (t.closed_at) - (t.opened_at)) * 1000000 AS BIGINT) / 3600000000',
  ],
  [
    'TIMESTAMP_DIFF',
    'TIMESTAMP_DIFF(t.closed_at, t.opened_at, MICROSECOND)',
    'postgresql',
    'CAST(EXTRACT(EPOCH FROM (t.closed_at) - (t.opened_at)) * 1000000 AS BIGINT)',
  ],
  [
    'TIMESTAMP_DIFF',
    'TIMESTAMP_DIFF(t.closed_at, t.opened_at, MINUTE)',
    'snowflake',
    'CAST((TIMESTAMPDIFF(MICROSECOND, t.opened_at, t.closed_at) - MOD(TIMESTAMPDIFF(MICROSECOND, t.opened_at, t.closed_at), 60000000)) / 60000000 AS BIGINT)',
  ],
  [
    'TIMESTAMP_DIFF',
    'TIMESTAMP_DIFF(t.closed_at, t.opened_at, HOUR) + 1',
    'spark',
    '(TIMESTAMPDIFF(MICROSECOND, t.opened_at, t.closed_at) DIV 3600000000) + 1',
  ],
  [
    'TIMESTAMP_DIFF',
    'TIMESTAMP_DIFF(t.closed_at, t.opened_at, SECOND)',
    'databricks',
    'TIMESTAMPDIFF(MICROSECOND, t.opened_at, t.closed_at) DIV 1000000',
  ],
  ['TIMESTAMP_DIFF', 'TIMESTAMP_DIFF(t.closed_at, t.opened_at, WEEK)', 'duckdb', { code: 'SQL005' }],
  [
    'JSON_VALUE',
    "JSON_VALUE(c.payload, '$.customer.id')",
    'duckdb',
    "CASE WHEN JSON_TYPE(c.payload, '$.customer.id') IN ('OBJECT', 'ARRAY') THEN NULL ELSE c.payload ->> '$.customer.id' END",
  ],
  ['JSON_VALUE', 'JSON_EXTRACT_SCALAR(c.payload, \'$["a b"]\')', 'duckdb', { code: 'SQL005' }],
  ['JSON_VALUE', "JSON_VALUE(c.payload, '$.a')", 'postgresql', { code: 'SQL005' }],
  ['SHA256', 'SHA256(c.email)', 'postgresql', "SHA256(CONVERT_TO(c.email, 'UTF8'))"],
  ['SHA256', 'SHA512(c.email)', 'spark', 'UNHEX(SHA2(c.email, 512))'],
  ['SHA256', 'SHA256(c.email)', 'databricks', 'UNHEX(SHA2(c.email, 256))'],
  ['MD5', 'MD5(c.email)', 'postgresql', "DECODE(MD5(c.email), 'hex')"],
  ['TO_HEX', 'TO_HEX(SHA256(c.email))', 'postgresql', "ENCODE(SHA256(CONVERT_TO(c.email, 'UTF8')), 'hex')"],
  ['TO_HEX', 'TO_HEX(SHA256(c.email))', 'snowflake', "LOWER(TO_VARCHAR(SHA2_BINARY(c.email, 256), 'HEX'))"],
  ['EXTRACT', 'EXTRACT(DAYOFWEEK FROM c.d)', 'duckdb', '(EXTRACT(DOW FROM c.d) + 1)'],
  ['EXTRACT', 'EXTRACT(WEEK FROM c.d)', 'postgresql', 'CAST(FLOOR((EXTRACT(DOY FROM c.d) + 6 - EXTRACT(DOW FROM c.d)) / 7) AS BIGINT)'],
  ['CONCAT', "CONCAT(c.a, ' ', c.b)", 'duckdb', "(c.a || ' ' || c.b)"],
  ['CONCAT', "CONCAT(c.a, ' ', c.b)", 'postgresql', "(c.a || ' ' || c.b)"],
  ['DIV', 'c.score / 2', 'postgresql', '(CAST(c.score AS NUMERIC) / 2)'],
  ['DIV', 'DIV(c.a, 2)', 'duckdb', 'CAST(TRUNC(c.a / 2) AS BIGINT)'],
  ['IF_FUNC', "IF(c.a > 1, 'x', 'y')", 'postgresql', "CASE WHEN c.a > 1 THEN 'x' ELSE 'y' END"],
  [
    'DATE_DIFF',
    'DATE_DIFF(c.d, c.e, YEAR)',
    'postgresql',
    'CAST(EXTRACT(YEAR FROM CAST(c.d AS DATE)) - EXTRACT(YEAR FROM CAST(c.e AS DATE)) AS BIGINT)',
  ],
  ['DATE_DIFF', 'DATE_DIFF(c.d, c.e, WEEK(MONDAY))', 'postgresql', { code: 'SQL005' }],
];

describe('transpileExpression: semantic corrections', () => {
  it.each(CORRECTION_CASES)('%s: %s to %s', (_name, text, target, expected) => {
    const result = transpileExpression(text, 'bigquery', target);
    if (typeof expected === 'string') expect(sql(result)).toBe(expected);
    else expect(result).toMatchObject({ ok: false, problem: expected });
  });

  it('has a checked case for every target of every correction', () => {
    const covered = new Set(CORRECTION_CASES.map(([name, , target]) => `${name}/${target}`));
    const required = Object.entries(CORRECTIONS_FROM_BIGQUERY).flatMap(([target, table]) =>
      Object.keys(table).map((name) => `${name}/${target}`),
    );
    expect(required.filter((pair) => !covered.has(pair))).toEqual([]);
  });

  it('says what cannot be expressed and how to fix it', () => {
    const result = transpileExpression('DATE_TRUNC(o.ordered_at, WEEK)', 'bigquery', 'snowflake');
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'SQL005', message: expect.stringMatching(/^DATE_TRUNC.*Sunday/), hint: expect.stringMatching(/WEEK\(MONDAY\)/) },
    });
  });

  it('leaves other dialect pairs to polyglot', () => {
    expect(sql(transpileExpression("REGEXP_REPLACE(s, 'a', 'b')", 'bigquery', 'snowflake'))).toBe("REGEXP_REPLACE(s, 'a', 'b')");
    expect(sql(transpileExpression("regexp_matches(s, 'x')", 'duckdb', 'duckdb'))).toBe("REGEXP_MATCHES(s, 'x')");
  });
});

describe('transpileExpression: Customer 360 transforms', () => {
  it.each([
    ['LOWER(TRIM(c.email))', 'snowflake', 'LOWER(TRIM(c.email))'],
    ["CASE c.status WHEN 'A' THEN 'active' ELSE 'unknown' END", 'spark', "CASE c.status WHEN 'A' THEN 'active' ELSE 'unknown' END"],
    ['IFNULL(c.nick, c.first_name)', 'duckdb', 'COALESCE(c.nick, c.first_name)'],
    ["CONCAT('+1', REGEXP_REPLACE(c.phone, r'[^0-9]', ''))", 'duckdb', "('+1' || REGEXP_REPLACE(c.phone, '[^0-9]', '', 'g'))"],
    ['o.quantity * o.unit_price - COALESCE(o.discount, 0)', 'snowflake', 'o.quantity * o.unit_price - COALESCE(o.discount, 0)'],
    ['SAFE_DIVIDE(o.revenue, o.orders)', 'spark', 'TRY_DIVIDE(o.revenue, o.orders)'],
  ])('%s to %s', (text, target, expected) => {
    expect(sql(transpileExpression(text, 'bigquery', target))).toBe(expected);
  });

  it('runs the fragment checks first', () => {
    expect(transpileExpression('1; DROP TABLE x', 'bigquery', 'duckdb')).toMatchObject({ ok: false, problem: { code: 'SQL002' } });
    expect(transpileExpression('a -- x', 'bigquery', 'duckdb')).toMatchObject({ ok: false, problem: { code: 'SQL003' } });
  });

  it('refuses unknown dialects and the reserved placeholder name', () => {
    expect(transpileExpression('a', 'bigquery', 'nosuchdb')).toMatchObject({ ok: false, problem: { code: 'SQL005' } });
    expect(transpileExpression('__specline_fix_0(a)', 'bigquery', 'duckdb')).toMatchObject({ ok: false, problem: { code: 'SQL005' } });
  });

  it('turns polyglot unsupported-level errors into SQL005', () => {
    const result = transpileExpression('ARRAY_AGG(x)', 'postgresql', 'fabric');
    expect(result).toMatchObject({ ok: false, problem: { code: 'SQL005', message: expect.stringContaining('fabric') } });
  });
});

describe('transpileExpression: every function of the output exists in the target', () => {
  it.each([
    ['FARM_FINGERPRINT(c.email)', 'duckdb', 'FARM_FINGERPRINT'],
    ["FORMAT_DATE('%Y-%m', c.d)", 'snowflake', 'FORMAT_DATE'],
    ['c.tags[OFFSET(0)]', 'snowflake', 'OFFSET'],
    ["STRING_AGG(c.x, ',')", 'spark', 'LISTAGG'],
    ["SAFE.PARSE_DATE('%Y', c.x)", 'duckdb', 'SAFE.PARSE_DATE'],
  ])('%s to %s is SQL005 naming %s', (text, target, name) => {
    const result = transpileExpression(text, 'bigquery', target);
    expect(result).toMatchObject({
      ok: false,
      problem: {
        code: 'SQL005',
        message: expect.stringContaining(`calls ${name}, which ${target} does not have`),
        hint: expect.stringContaining(target),
      },
    });
  });

  it('points at the call in the written text when it is there', () => {
    expect(transpileExpression('1 + FARM_FINGERPRINT(c.email)', 'bigquery', 'duckdb')).toMatchObject({ ok: false, problem: { offset: 4 } });
  });

  it('treats a type after AS as a type, and grammar such as COALESCE and EXTRACT as known', () => {
    expect(sql(transpileExpression('CAST(o.amount AS NUMERIC(10, 2))', 'bigquery', 'postgresql'))).toBe('CAST(o.amount AS DECIMAL(10, 2))');
    expect(sql(transpileExpression('COALESCE(EXTRACT(YEAR FROM c.d), 0)', 'bigquery', 'postgresql'))).toBe(
      'COALESCE(EXTRACT(YEAR FROM c.d), 0)',
    );
    expect(sql(transpileExpression("IF(c.a > 1, 'x', 'y')", 'bigquery', 'duckdb'))).toBe("IF(c.a > 1, 'x', 'y')");
  });
});

describe('transpileExpression: placeholders polyglot duplicates', () => {
  it('corrects every copy when polyglot repeats an argument', () => {
    // DuckDB LENGTH becomes CASE TYPEOF(x) … LENGTH(x) …, naming the corrected call twice.
    const out = sql(transpileExpression("LENGTH(REGEXP_REPLACE(c.phone, r'\\D', ''))", 'bigquery', 'duckdb'));
    expect(out.match(/REGEXP_REPLACE\(c\.phone, '\\D', '', 'g'\)/g)).toHaveLength(3);
    expect(out).not.toMatch(/SPECLINE/i);
  });
});

describe('transpileExpression: what the columns’ declared types change', () => {
  const float = new Map([['o.amount', 'FLOAT64']]);

  it('rounds a FLOAT64 column halves away from zero before the cast to INT64, as BigQuery does', () => {
    expect(sql(transpileExpression('CAST(o.amount AS INT64)', 'bigquery', 'duckdb', float))).toBe('CAST(ROUND(o.amount) AS BIGINT)');
    expect(sql(transpileExpression('SAFE_CAST(o.amount AS INT64)', 'bigquery', 'spark', float))).toBe(
      'TRY_CAST(ROUND(o.amount) AS BIGINT)',
    );
    expect(sql(transpileExpression('CAST(o.amount AS INT64)', 'bigquery', 'postgresql', float))).toBe(
      'CAST((TRUNC(o.amount) + CASE WHEN ABS(o.amount - TRUNC(o.amount)) >= 0.5 THEN SIGN(o.amount) ELSE 0 END) AS BIGINT)',
    );
  });

  it('keeps the plain cast where the column is not known to hold a fraction', () => {
    for (const columns of [new Map(), new Map([['o.amount', 'INT64']]), new Map([['o.amount', 'STRING']])])
      expect(sql(transpileExpression('CAST(o.amount AS INT64)', 'bigquery', 'duckdb', columns))).toBe('CAST(o.amount AS BIGINT)');
    // A bare name is typed only when the scope lists it bare.
    expect(sql(transpileExpression('CAST(amount AS INT64)', 'bigquery', 'duckdb', float))).toBe('CAST(amount AS BIGINT)');
  });

  it('keeps DATE_TRUNC of a DATE column a DATE, and computes Sunday weeks for it', () => {
    const date = new Map([['d', 'DATE']]);
    expect(sql(transpileExpression('DATE_TRUNC(d, MONTH)', 'bigquery', 'duckdb', date))).toBe("CAST(DATE_TRUNC('MONTH', d) AS DATE)");
    expect(sql(transpileExpression('DATE_TRUNC(d, WEEK)', 'bigquery', 'postgresql', date))).toMatch(/EXTRACT\(DOW FROM d\)/);
    expect(transpileExpression('DATE_TRUNC(d, WEEK)', 'bigquery', 'postgresql')).toMatchObject({ ok: false, problem: { code: 'SQL005' } });
  });

  it('remembers translations per scope, not per text alone', () => {
    expect(sql(transpileExpression('CAST(o.amount AS INT64)', 'bigquery', 'duckdb', float))).toBe('CAST(ROUND(o.amount) AS BIGINT)');
    expect(sql(transpileExpression('CAST(o.amount AS INT64)', 'bigquery', 'duckdb'))).toBe('CAST(o.amount AS BIGINT)');
  });
});
