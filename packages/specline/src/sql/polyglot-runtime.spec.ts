import { getDialects } from '@polyglot-sql/sdk';
import {
  formatSql,
  initSql,
  isKnownDialect,
  isSqlReady,
  KNOWN_DIALECTS,
  parseExpression,
  SqlNotReadyError,
  transpileExpression,
} from './index';

// Jest gives each spec file fresh modules, so this file sees polyglot before initSql().
describe('initSql', () => {
  it('refuses to parse before initSql with SqlNotReadyError, not a WASM error', () => {
    expect(isSqlReady()).toBe(false);
    expect(() => parseExpression('a', 'bigquery', 'transform')).toThrow(SqlNotReadyError);
    expect(() => transpileExpression('a', 'bigquery', 'duckdb')).toThrow(SqlNotReadyError);
    expect(() => formatSql('SELECT 1', 'duckdb')).toThrow(SqlNotReadyError);
  });

  it('initialises once, however often it is called', async () => {
    const first = initSql();
    expect(initSql()).toBe(first);
    await first;
    expect(isSqlReady()).toBe(true);
    await initSql();
    expect(parseExpression('a', 'bigquery', 'transform').ok).toBe(true);
  });
});

describe('KNOWN_DIALECTS', () => {
  it("is exactly polyglot's getDialects()", async () => {
    await initSql();
    expect([...KNOWN_DIALECTS].sort()).toEqual([...getDialects()].sort());
  });

  it('answers isKnownDialect without polyglot', () => {
    expect(isKnownDialect('bigquery')).toBe(true);
    expect(isKnownDialect('BigQuery')).toBe(false);
    expect(isKnownDialect('postgres')).toBe(false);
  });
});
