import { Dialect, getDialects } from '@polyglot-sql/sdk';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
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

describe('polyglot in a process that translates a catalog', () => {
  // In a fresh process (Jest's has compiled polyglot already). With V8's optimising compiler
  // recompiling polyglot's hot functions, these 2,000 translations grew the process by ~450 MiB
  // (compiled code and compiler memory; the heap holds the same either way) and took ~19 s of
  // CPU; on the baseline compiler alone, ~80 MiB and ~4 s.
  it('keeps polyglot on the baseline WebAssembly compiler, so translating does not grow the process by compiled code', () => {
    const sql = path.resolve(__dirname, '../../dist/sql');
    const script = `
      const { initSql, keepWasmOnBaselineCompiler, transpileExpression } = require(${JSON.stringify(sql)});
      keepWasmOnBaselineCompiler();
      const dialects = ['duckdb', 'bigquery', 'snowflake', 'postgresql'];
      initSql().then(() => {
        const before = process.resourceUsage().maxRSS;
        for (let i = 0; i < 2000; i++) {
          const text = 'CASE WHEN TRIM(s.c' + i + ") = 'a' THEN ROUND(x.v" + i + ' * 1.5, 2) ELSE NULL END';
          transpileExpression(text, dialects[i % 4], dialects[(i + 1) % 4]);
        }
        process.stdout.write(String((process.resourceUsage().maxRSS - before) / 1024));
      });`;
    const growthMiB = Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(growthMiB).toBeLessThan(200);
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
