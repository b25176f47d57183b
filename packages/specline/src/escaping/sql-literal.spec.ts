import { sqlStringLiteral } from './sql-literal';

describe('SQL string literals', () => {
  it('double quotes in standard SQL', () => {
    expect(sqlStringLiteral("O'Brien') OR ('1'='1", 'duckdb')).toBe("'O''Brien'') OR (''1''=''1'");
  });

  it('backslash-escape quotes, backslashes and line breaks where the dialect reads backslashes', () => {
    expect(sqlStringLiteral("a\\' OR 1=1 --\nx", 'bigquery')).toBe("'a\\\\\\' OR 1=1 --\\nx'");
  });
});
