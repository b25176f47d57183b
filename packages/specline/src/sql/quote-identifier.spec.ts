import { quoteIdentifier } from './index';

describe('quoteIdentifier', () => {
  it.each([
    ['order', 'bigquery', '`order`'],
    ['order', 'spark', '`order`'],
    ['order', 'databricks', '`order`'],
    ['order', 'snowflake', '"order"'],
    ['order', 'duckdb', '"order"'],
    ['order', 'postgresql', '"order"'],
    ['order', 'mysql', '`order`'],
    ['order', 'trino', '"order"'],
  ])('quotes the reserved word %s for %s as %s', (name, dialect, expected) => {
    expect(quoteIdentifier(name, dialect)).toBe(expected);
  });

  it('leaves plain names alone', () => {
    expect(quoteIdentifier('customer_email', 'snowflake')).toBe('customer_email');
    expect(quoteIdentifier('_loaded_at', 'bigquery')).toBe('_loaded_at');
    expect(quoteIdentifier('name', 'snowflake')).toBe('name');
  });

  it('quotes names that are reserved only in the target dialect', () => {
    expect(quoteIdentifier('qualify', 'bigquery')).toBe('`qualify`');
    expect(quoteIdentifier('minus', 'snowflake')).toBe('"minus"');
    expect(quoteIdentifier('minus', 'bigquery')).toBe('minus');
    expect(quoteIdentifier('user', 'postgresql')).toBe('"user"');
  });

  it('quotes upper case, leading digits, spaces and symbols', () => {
    expect(quoteIdentifier('Email', 'duckdb')).toBe('"Email"');
    expect(quoteIdentifier('2fa_enabled', 'spark')).toBe('`2fa_enabled`');
    expect(quoteIdentifier('first name', 'bigquery')).toBe('`first name`');
    expect(quoteIdentifier('e-mail', 'snowflake')).toBe('"e-mail"');
  });

  it('escapes the quote character inside the name', () => {
    expect(quoteIdentifier('say "hi"', 'postgresql')).toBe('"say ""hi"""');
    expect(quoteIdentifier('a`b', 'spark')).toBe('`a``b`');
    expect(quoteIdentifier('a`b\\c', 'bigquery')).toBe('`a\\`b\\\\c`');
  });

  it('throws for an empty name, which is a caller bug', () => {
    expect(() => quoteIdentifier('', 'duckdb')).toThrow(/non-empty/);
  });
});
