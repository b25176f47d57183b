import { initSql, transpileExpression } from './index';
import { POSTGRES_MISSING, postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/throwaway-postgres';

/**
 * The PostgreSQL corrections, proven on a real PostgreSQL: each BigQuery expression is
 * translated and evaluated over one row `c`, and compared with what BigQuery returns.
 */
const bin = postgresBinDir();
let server: ThrowawayPostgres | undefined;

beforeAll(async () => {
  await initSql();
  if (bin) server = startThrowawayPostgres(bin);
});

afterAll(() => server?.stop());

function evaluate(bigquery: string, row: Record<string, string>): string {
  const result = transpileExpression(bigquery, 'bigquery', 'postgresql');
  if (!result.ok) throw new Error(result.problem.message);
  const names = Object.keys(row);
  const values = names.map((name) => `'${String(row[name]).replace(/'/g, "''")}'`);
  return (server as ThrowawayPostgres)
    .query(`SELECT CAST((${result.sql}) AS TEXT) FROM (VALUES (${values.join(', ')})) AS c(${names.join(', ')});`)
    .trim();
}

(bin ? describe : describe.skip)(`corrected translations run on PostgreSQL${bin ? '' : ` — ${POSTGRES_MISSING}`}`, () => {
  const diff = (unit: string) => `TIMESTAMP_DIFF(CAST(c.a AS TIMESTAMP), CAST(c.b AS TIMESTAMP), ${unit})`;

  it('TIMESTAMP_DIFF counts whole units elapsed, truncated toward zero (AGE gave an interval)', () => {
    const row = { a: '2001-02-01 01:00:00', b: '2001-02-01 00:00:01' };
    expect(evaluate(diff('HOUR'), row)).toBe('0');
    expect(evaluate(diff('HOUR'), { a: row.b, b: row.a })).toBe('0');
    expect(evaluate(diff('MINUTE'), row)).toBe('59');
    expect(evaluate(diff('DAY'), { a: '2024-03-29 12:00:00', b: '2024-03-31 12:00:01' })).toBe('-2');
    expect(evaluate(diff('HOUR'), { a: '2010-07-07 10:20:00', b: '2008-12-25 15:30:00' })).toBe('13410'); // BigQuery's documented example
  });

  it('TO_HEX(SHA256(x)) and TO_HEX(MD5(x)) are the lower-case hex digests', () => {
    expect(evaluate('TO_HEX(SHA256(c.s))', { s: 'abc' })).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(evaluate('TO_HEX(MD5(c.s))', { s: 'abc' })).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('SUBSTR with a computed position counts a negative one from the end, and starts at 1 from 0', () => {
    const substr = 'SUBSTR(c.s, CAST(c.p AS INT64), 2)';
    expect(evaluate(substr, { s: 'abcdef', p: '-3' })).toBe('de');
    expect(evaluate(substr, { s: 'abcdef', p: '0' })).toBe('ab');
    expect(evaluate(substr, { s: 'abcdef', p: '-10' })).toBe('ab');
    expect(evaluate(substr, { s: 'abcdef', p: '2' })).toBe('bc');
  });

  it('REGEXP_REPLACE replaces every match', () => {
    expect(evaluate("REGEXP_REPLACE(c.phone, r'[^0-9]', '')", { phone: '(555) 123-4567' })).toBe('5551234567');
  });
});
