import { initSql, parseExpression, type FragmentKind, type ParsedExpression } from './index';
import type { SqlProblem } from './sql-problem';

beforeAll(() => initSql());

function parsed(text: string, dialect = 'bigquery', kind: FragmentKind = 'transform'): ParsedExpression {
  const result = parseExpression(text, dialect, kind);
  if (!result.ok) throw new Error(`expected ${text} to parse, got ${result.problem.code}: ${result.problem.message}`);
  return result.expression;
}

function problem(text: string, dialect = 'bigquery', kind: FragmentKind = 'transform'): SqlProblem {
  const result = parseExpression(text, dialect, kind);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.problem;
}

describe('parseExpression: Customer 360 transforms', () => {
  it('reports qualified columns and functions of LOWER(TRIM(c.email))', () => {
    const expression = parsed('LOWER(TRIM(c.email))');
    expect(expression.columns).toEqual([{ table: 'c', name: 'email' }]);
    expect(expression.functions).toEqual(['LOWER', 'TRIM']);
    expect(expression).toMatchObject({
      text: 'LOWER(TRIM(c.email))',
      dialect: 'bigquery',
      hasAggregate: false,
      hasWindow: false,
      hasSubquery: false,
    });
    expect(expression.ast).toHaveProperty('lower');
  });

  it.each<[string, ParsedExpression['columns'], string[]]>([
    ["CASE c.status WHEN 'A' THEN 'active' WHEN 'I' THEN 'inactive' ELSE 'unknown' END", [{ table: 'c', name: 'status' }], []],
    [
      "CASE WHEN c.country IN ('US', 'CA') THEN 'NA' WHEN c.country IS NULL THEN NULL ELSE 'ROW' END",
      [{ table: 'c', name: 'country' }],
      [],
    ],
    ["CONCAT('+1', REGEXP_REPLACE(c.phone, r'[^0-9]', ''))", [{ table: 'c', name: 'phone' }], ['CONCAT', 'REGEXP_REPLACE']],
    ['SAFE_CAST(o.amount AS NUMERIC)', [{ table: 'o', name: 'amount' }], ['SAFE_CAST']],
    [
      "COALESCE(c.preferred_name, c.first_name, '')",
      [
        { table: 'c', name: 'preferred_name' },
        { table: 'c', name: 'first_name' },
      ],
      ['COALESCE'],
    ],
    ['DATE_TRUNC(o.ordered_at, MONTH)', [{ table: 'o', name: 'ordered_at' }], ['DATE_TRUNC']],
    [
      'o.quantity * o.unit_price - COALESCE(o.discount, 0)',
      [
        { table: 'o', name: 'quantity' },
        { table: 'o', name: 'unit_price' },
        { table: 'o', name: 'discount' },
      ],
      ['COALESCE'],
    ],
    ['DATE_DIFF(CURRENT_DATE(), DATE(c.created_at), DAY)', [{ table: 'c', name: 'created_at' }], ['DATE_DIFF', 'CURRENT_DATE', 'DATE']],
    ['CURRENT_DATE', [], ['CURRENT_DATE']],
    ["SAFE.PARSE_DATE('%Y%m%d', s.signup_yyyymmdd)", [{ table: 's', name: 'signup_yyyymmdd' }], ['SAFE.PARSE_DATE']],
  ])('parses %s', (text, columns, functions) => {
    const expression = parsed(text);
    expect(expression.columns).toEqual(columns);
    expect(expression.functions).toEqual(functions);
  });

  it('lists each column once, in order of first appearance', () => {
    expect(parsed('b + a + b + c.a').columns).toEqual([{ name: 'b' }, { name: 'a' }, { table: 'c', name: 'a' }]);
  });

  it('separates own aggregates from window functions and subqueries', () => {
    expect(parsed('COUNTIF(o.status = "paid")')).toMatchObject({ hasAggregate: true, hasWindow: false, functions: ['COUNTIF'] });
    expect(parsed('SUM(o.amount) OVER (PARTITION BY o.customer_id)')).toMatchObject({ hasAggregate: false, hasWindow: true });
    const subquery = parsed('c.id IN (SELECT MAX(b.id) FROM blocked b)', 'bigquery', 'filter');
    expect(subquery).toMatchObject({ hasAggregate: false, hasSubquery: true, columns: [{ table: 'c', name: 'id' }] });
  });

  it.each(['duckdb', 'snowflake', 'spark', 'postgresql', 'databricks'])('parses a typical expression in %s', (dialect) => {
    const expression = parsed("CASE WHEN LOWER(TRIM(c.email)) LIKE '%@%' THEN c.email END", dialect);
    expect(expression.columns).toEqual([{ table: 'c', name: 'email' }]);
    expect(expression.functions).toEqual(['LOWER', 'TRIM']);
  });

  it('reads dialect-specific syntax: Snowflake paths and casts, PostgreSQL # (XOR)', () => {
    expect(parsed('v:customer.email::string', 'snowflake').columns).toEqual([{ name: 'v' }]);
    expect(parsed('a # b', 'postgresql').columns).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('keeps comment markers inside string literals', () => {
    expect(parsed("CONCAT('--', \"/*\", '#')").functions).toEqual(['CONCAT']);
  });
});

describe('parseExpression: refused fragments', () => {
  it.each<[string, SqlProblem['code'], number, string?]>([
    ['1; DROP TABLE x', 'SQL002', 1],
    ['c.email;', 'SQL002', 7],
    ['c.email -- keep raw', 'SQL003', 8],
    ['c.email /* raw */ || x', 'SQL003', 8],
    ['c.email # raw', 'SQL003', 8],
    ['c.email /* never closed', 'SQL003', 8],
    ['a // note', 'SQL003', 2, 'snowflake'],
    ['x FROM users', 'SQL004', 2],
    ['x WHERE 1 = 1', 'SQL004', 2],
    ['DISTINCT c.email', 'SQL004', 0],
    ['DROP TABLE x', 'SQL004', 0],
    ['DELETE FROM t', 'SQL004', 0],
    ['SELECT password FROM users', 'SQL004', 0],
    ['1 UNION ALL SELECT password FROM users', 'SQL004', 2],
    ['a AS b', 'SQL004', 2],
    ['a b', 'SQL004', 2],
    ['a, b', 'SQL004', 1],
    ['c.email,', 'SQL004', 7],
    ['ALL c.email', 'SQL004', 0],
    ['SQL_NO_CACHE c.email', 'SQL004', 0, 'mysql'],
    ['c.email LIMIT 1', 'SQL004', 8, 'duckdb'],
    ['*', 'SQL004', 0],
    ['@customer_id + 1', 'SQL004', 0],
    ['?', 'SQL004', 0],
    ['$1', 'SQL004', 0, 'postgresql'],
    ['1 +', 'SQL001', 2],
    ["'unterminated", 'SQL001', 0],
    ['LOWER((c.email)', 'SQL001', 5],
    ['LOWER(c.email))', 'SQL001', 14],
    ['c.email\u200b', 'SQL001', 7],
    ['', 'SQL001', 0],
    ['   \n ', 'SQL001', 0],
  ])('refuses %j with %s at offset %d', (text, code, offset, dialect = 'bigquery') => {
    expect(problem(text, dialect)).toMatchObject({ code, offset });
  });

  it('refuses text over 10,000 characters', () => {
    expect(problem(`a + ${'1 + '.repeat(2500)}1`).code).toBe('SQL001');
    expect(parseExpression(`a${' '.repeat(9_990)}`, 'bigquery', 'transform').ok).toBe(true);
  });

  it('gives the syntax error offset in UTF-16 units after non-BMP characters', () => {
    const text = "'é😀' = x AND 1 +";
    expect(problem(text)).toMatchObject({ code: 'SQL001', offset: text.indexOf('+') });
  });

  it.each<[string, FragmentKind]>([
    ['SUM(o.amount) > 100', 'filter'],
    ['COUNT(*) > 1', 'join_condition'],
    ['ROW_NUMBER() OVER (ORDER BY x) = 1', 'filter'],
  ])('refuses %s in a %s with SQL006', (text, kind) => {
    expect(problem(text, 'bigquery', kind).code).toBe('SQL006');
    expect(parseExpression(text, 'bigquery', 'transform').ok).toBe(true);
  });

  it('names the aggregate and points at it', () => {
    expect(problem('o.amount > 0 AND SUM(o.amount) > 100', 'bigquery', 'filter')).toMatchObject({
      code: 'SQL006',
      offset: 17,
      message: expect.stringContaining('SUM'),
    });
  });

  it('refuses an unknown dialect with SQL005', () => {
    expect(problem('a', 'oracle9i').code).toBe('SQL005');
  });

  it('words messages as what is wrong and hints as how to fix it', () => {
    const { message, hint } = problem('c.email -- raw');
    expect(message).toMatch(/^The SQL holds a comment/);
    expect(hint).toMatch(/^Delete the comment/);
  });

  it('never throws for hostile input', () => {
    const hostile = [
      '\0',
      "'",
      '"',
      '`',
      ')',
      '(((',
      '\\',
      '{{ ref("x") }}',
      'ARRAY[',
      'CASE',
      'x'.repeat(20_000),
      '😀',
      'NULL;;',
      'a\r\n--\r\n',
    ];
    for (const text of hostile) expect(parseExpression(text, 'bigquery', 'expression').ok).toBe(false);
  });
});
