import type { Column } from '../catalog';
import { dbtColumnTests } from './dbt-tests';

const column = (values: (string | number | boolean)[]) =>
  ({ name: 'status', tests: [{ kind: 'accepted_values', values }] }) as unknown as Column;
const ref = (name: string) => `ref('${name}')`;

describe('accepted_values in a property file (arguments: as dbt 1.10 wants)', () => {
  it('leaves plain strings to dbt to quote', () => {
    expect(dbtColumnTests(column(['active', 'churned']), ref, 'bigquery')).toEqual([
      { accepted_values: { arguments: { values: ['active', 'churned'] } } },
    ]);
  });

  it('writes finished SQL literals when a value holds a quote, since dbt pastes values between quotes unescaped', () => {
    expect(dbtColumnTests(column(['ok', "x') OR ('1'='1"]), ref, 'bigquery')).toEqual([
      { accepted_values: { arguments: { values: ["'ok'", "'x\\') OR (\\'1\\'=\\'1'"], quote: false } } },
    ]);
    expect(dbtColumnTests(column(["O'Brien"]), ref, 'snowflake')).toEqual([
      { accepted_values: { arguments: { values: ["'O''Brien'"], quote: false } } },
    ]);
  });

  it('quotes the strings of a mixed list, which dbt would paste bare', () => {
    expect(dbtColumnTests(column([1, 'two']), ref, 'duckdb')).toEqual([
      { accepted_values: { arguments: { values: [1, "'two'"], quote: false } } },
    ]);
  });
});
