import { formatSql, initSql, SqlError } from './index';

beforeAll(() => initSql());

describe('formatSql', () => {
  it('pretty-prints with one clause per line', () => {
    expect(formatSql('select c.id,lower(c.email) as email from crm.customers c where c.active=true', 'bigquery')).toBe(
      'SELECT\n  c.id,\n  LOWER(c.email) AS email\nFROM crm.customers AS c\nWHERE\n  c.active = TRUE',
    );
  });

  it('is deterministic and idempotent', () => {
    const once = formatSql('select a,b from t where x=1', 'duckdb');
    expect(formatSql('select a,b from t where x=1', 'duckdb')).toBe(once);
    expect(formatSql(once, 'duckdb')).toBe(once);
  });

  it('separates statements with a blank line', () => {
    expect(formatSql('select 1; select 2', 'snowflake')).toBe('SELECT\n  1;\n\nSELECT\n  2');
  });

  it('throws SqlError for SQL that does not parse, because it formats generated SQL', () => {
    expect(() => formatSql('select from where', 'duckdb')).toThrow(SqlError);
  });
});
