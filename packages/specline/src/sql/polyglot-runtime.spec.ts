import { Dialect, getDialects } from '@polyglot-sql/sdk';
import { initSql, isKnownDialect, parseExpression, transpileExpression } from './index';
import { SqlNotReadyError } from './sql-errors';

// Jest gives each spec file fresh modules, so this file sees polyglot before initSql().
describe('initSql', () => {
  it('refuses to parse before initSql with SqlNotReadyError, not a WASM error', () => {
    expect(() => parseExpression('a', 'bigquery', 'transform')).toThrow(SqlNotReadyError);
    expect(() => transpileExpression('a', 'bigquery', 'duckdb')).toThrow(SqlNotReadyError);
  });

  it('initialises once, however often it is called', async () => {
    const first = initSql();
    expect(initSql()).toBe(first);
    await first;
    await initSql();
    expect(parseExpression('a', 'bigquery', 'transform').ok).toBe(true);
  });
});

describe('isKnownDialect', () => {
  it("reads polyglot's Dialect enum, which is exactly the loaded module's getDialects()", async () => {
    await initSql();
    expect(Object.values(Dialect).sort()).toEqual([...getDialects()].sort());
    expect(getDialects().filter((name) => !isKnownDialect(name))).toEqual([]);
  });

  it('answers isKnownDialect without polyglot', () => {
    expect(isKnownDialect('bigquery')).toBe(true);
    expect(isKnownDialect('BigQuery')).toBe(false);
    expect(isKnownDialect('postgres')).toBe(false);
  });
});
