import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Dialect, transpile } from '@polyglot-sql/sdk';
import { initSql, transpileExpression } from './index';

/**
 * Runs corrected translations on a real DuckDB, so the corrections are proven by results,
 * not only by output text. Each query reads one row `c` built from VALUES.
 */
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  await initSql();
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

async function evaluate(duckdbExpression: string, row: Record<string, string | null>): Promise<string | null> {
  const names = Object.keys(row);
  const values = names.map((name) => (row[name] === null ? 'NULL' : `'${String(row[name]).replace(/'/g, "''")}'`));
  const query = `SELECT CAST((${duckdbExpression}) AS VARCHAR) AS v FROM (VALUES (${values.join(', ')})) AS c(${names.join(', ')})`;
  const reader = await connection.runAndReadAll(query);
  return reader.getRowObjects()[0]?.['v'] as string | null;
}

function toDuckdb(bigquery: string): string {
  const result = transpileExpression(bigquery, 'bigquery', 'duckdb');
  if (!result.ok) throw new Error(result.problem.message);
  return result.sql;
}

describe('corrected translations run on DuckDB', () => {
  it('REGEXP_CONTAINS matches part of the string, where polyglot alone gives a full match', async () => {
    const corrected = toDuckdb("REGEXP_CONTAINS(c.s, r'b')");
    expect(await evaluate(corrected, { s: 'abc' })).toBe('true');
    expect(await evaluate(corrected, { s: 'xyz' })).toBe('false');
    expect(await evaluate(corrected, { s: null })).toBeNull();

    const raw = transpile("SELECT REGEXP_CONTAINS(c.s, r'b')", Dialect.BigQuery, Dialect.DuckDB).sql?.[0]?.replace(/^SELECT /, '');
    expect(raw).toBe("REGEXP_FULL_MATCH(c.s, 'b')");
    expect(await evaluate(raw as string, { s: 'abc' })).toBe('false'); // the bug the correction exists for
  });

  it('REGEXP_REPLACE strips every non-digit, normalising a phone number to E.164', async () => {
    const corrected = toDuckdb("CONCAT('+1', REGEXP_REPLACE(c.phone, r'[^0-9]', ''))");
    expect(await evaluate(corrected, { phone: '(555) 123-4567' })).toBe('+15551234567');
  });

  it('REGEXP_EXTRACT returns group 1, the whole match without groups, and NULL without a match', async () => {
    expect(await evaluate(toDuckdb("REGEXP_EXTRACT(c.email, r'@(.+)$')"), { email: 'ann@example.com' })).toBe('example.com');
    expect(await evaluate(toDuckdb("REGEXP_EXTRACT(c.code, r'\\d+')"), { code: 'AB-1234-X' })).toBe('1234');
    expect(await evaluate(toDuckdb("REGEXP_EXTRACT(c.email, r'@(.+)$')"), { email: 'no-at-sign' })).toBeNull();
  });

  it('CAST AS NUMERIC keeps nine decimal places instead of DuckDB DECIMAL default (18, 3)', async () => {
    expect(await evaluate(toDuckdb('CAST(c.amount AS NUMERIC)'), { amount: '1.23456' })).toBe('1.234560000');
    expect(await evaluate(toDuckdb('CAST(c.amount AS NUMERIC(10, 2))'), { amount: '19.999' })).toBe('20.00');
  });

  it('SAFE_CAST gives NULL for a value that does not convert', async () => {
    expect(await evaluate(toDuckdb('SAFE_CAST(c.qty AS INT64)'), { qty: 'twelve' })).toBeNull();
  });

  it('TIMESTAMP_DIFF counts whole units elapsed, truncated toward zero, where DATE_DIFF counts boundaries', async () => {
    const diff = (unit: string) => toDuckdb(`TIMESTAMP_DIFF(CAST(c.a AS TIMESTAMP), CAST(c.b AS TIMESTAMP), ${unit})`);
    const row = { a: '2001-02-01 01:00:00', b: '2001-02-01 00:00:01' };
    expect(await evaluate(diff('HOUR'), row)).toBe('0');
    expect(await evaluate(diff('HOUR'), { a: row.b, b: row.a })).toBe('0');
    expect(await evaluate(diff('SECOND'), row)).toBe('3599');
    expect(await evaluate(diff('DAY'), { a: '2024-03-31 11:59:59', b: '2024-03-30 12:00:00' })).toBe('0');
    expect(await evaluate(diff('DAY'), { a: '2024-03-29 12:00:00', b: '2024-03-31 12:00:01' })).toBe('-2');
    expect(await evaluate("DATE_DIFF('HOUR', CAST(c.b AS TIMESTAMP), CAST(c.a AS TIMESTAMP))", row)).toBe('1'); // polyglot's translation
  });

  it('JSON_VALUE gives the unquoted scalar, and NULL for an object, an array or a JSON null', async () => {
    const value = toDuckdb("JSON_VALUE(c.j, '$.a')");
    expect(await evaluate(value, { j: '{"a": "x"}' })).toBe('x');
    expect(await evaluate(value, { j: '{"a": 1.5}' })).toBe('1.5');
    expect(await evaluate(value, { j: '{"a": {"b": 1}}' })).toBeNull();
    expect(await evaluate(value, { j: '{"a": [1]}' })).toBeNull();
    expect(await evaluate(value, { j: '{"a": null}' })).toBeNull();
  });

  it('TO_HEX(SHA256(x)) is the lower-case hex digest', async () => {
    expect(await evaluate(toDuckdb('TO_HEX(SHA256(c.s))'), { s: 'abc' })).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it("time zones do not depend on the session's zone (a BigQuery TIMESTAMP is a naive TIMESTAMP holding UTC)", async () => {
    // The session is 14 hours ahead of UTC, where DuckDB would read a naive TIMESTAMP cast to TIMESTAMPTZ.
    await connection.run("SET TimeZone = 'Pacific/Kiritimati'");
    try {
      const row = { ts: '2024-11-03 05:30:00' };
      expect(await evaluate(toDuckdb("DATE(CAST(c.ts AS TIMESTAMP), 'America/New_York')"), row)).toBe('2024-11-03');
      expect(await evaluate(toDuckdb("DATETIME(CAST(c.ts AS TIMESTAMP), 'America/New_York')"), row)).toBe('2024-11-03 01:30:00');
      expect(await evaluate(toDuckdb("EXTRACT(HOUR FROM CAST(c.ts AS TIMESTAMP) AT TIME ZONE 'Europe/Berlin')"), row)).toBe('6');
      // 01:30 comes twice that night; BigQuery takes the first (EDT).
      expect(await evaluate(toDuckdb("TIMESTAMP(c.ts, 'America/New_York')"), { ts: '2024-11-03 01:30:00' })).toBe('2024-11-03 05:30:00');
      expect(await evaluate(toDuckdb("TIMESTAMP_TRUNC(CAST(c.ts AS TIMESTAMP), DAY, 'America/New_York')"), row)).toBe(
        '2024-11-03 04:00:00',
      );
    } finally {
      await connection.run("SET TimeZone = 'UTC'");
    }
  });

  it('DATE_TRUNC with WEEK(MONDAY) lands on Monday', async () => {
    expect(await evaluate(`CAST(${toDuckdb('DATE_TRUNC(CAST(c.d AS DATE), WEEK(MONDAY))')} AS DATE)`, { d: '2024-06-05' })).toBe(
      '2024-06-03',
    );
  });
});
