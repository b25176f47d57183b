/**
 * The relational corpus: small models over inline rows, with the rows BigQuery gives, computed
 * here by hand from BigQuery's documented rules (not by running BigQuery). Where the semantic
 * corpus (semantic-corpus.ts) checks one expression over literals, this checks what a whole
 * SELECT does: window functions (NULL order, peers in the default frame, offsets and defaults),
 * `dedupe` (ties, NULL order keys, NULL keys), `where` after joins (NULL-extended rows) and
 * `having` after aggregation. src/compiler/relational-corpus.spec.ts compiles every model and
 * runs it on DuckDB and on the real PostgreSQL; a row that differs fails the build.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/window-function-calls
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/query-syntax#order_by_clause
 *   ("NULLS FIRST is the default for ascending order, NULLS LAST for descending")
 */

export type Cell = string | number | null;

export interface RelationalSource {
  /** The source spec's columns, in order; rows give values in this order. */
  readonly columns: readonly { readonly name: string; readonly type: 'INT64' | 'STRING' | 'FLOAT64' | 'DATE' }[];
}

/** The inputs the cases read from (dataset names rc_scores, rc_customers, rc_orders, rc_measures). */
export const RELATIONAL_SOURCES: Readonly<Record<'rc_scores' | 'rc_customers' | 'rc_orders' | 'rc_measures', RelationalSource>> = {
  rc_scores: {
    columns: [
      { name: 'grp', type: 'STRING' },
      { name: 'player', type: 'STRING' },
      { name: 'score', type: 'INT64' },
      { name: 'seq', type: 'INT64' },
    ],
  },
  rc_customers: {
    columns: [
      { name: 'customer_id', type: 'INT64' },
      { name: 'name', type: 'STRING' },
      { name: 'country', type: 'STRING' },
    ],
  },
  rc_orders: {
    columns: [
      { name: 'order_id', type: 'INT64' },
      { name: 'customer_id', type: 'INT64' },
      { name: 'amount', type: 'INT64' },
      { name: 'status', type: 'STRING' },
      { name: 'version', type: 'INT64' },
    ],
  },
  // Typed columns whose type changes what an expression means: a FLOAT64 cast to INT64, a DATE truncated.
  rc_measures: {
    columns: [
      { name: 'id', type: 'INT64' },
      { name: 'grp', type: 'STRING' },
      { name: 'n', type: 'INT64' },
      { name: 'x', type: 'FLOAT64' },
      { name: 'd', type: 'DATE' },
    ],
  },
};

export type RelationalSourceName = keyof typeof RELATIONAL_SOURCES;

export interface RelationalCase {
  /** The model's name, also what a failure names. */
  readonly name: string;
  /** The rule of BigQuery's the expected rows follow. */
  readonly rule: string;
  /** The model spec after kind, name and layer, in YAML. */
  readonly spec: string;
  readonly given: Partial<Record<RelationalSourceName, readonly (readonly Cell[])[]>>;
  /** The output rows, cells joined by ' | ', NULL as NULL; compared as a multiset. */
  readonly expected: readonly string[];
}

/** Ties within a group (eve, fay), NULL scores, and a NULL group. */
const SCORES: readonly (readonly Cell[])[] = [
  ['a', 'ann', 10, 1],
  ['a', 'bob', 30, 2],
  ['a', 'cid', 20, 3],
  ['a', 'dan', null, 4],
  ['b', 'eve', 5, 1],
  ['b', 'fay', 5, 2],
  ['b', 'gus', 7, 3],
  [null, 'hal', 1, 1],
  [null, 'ivy', 2, 2],
];

const CUSTOMERS: readonly (readonly Cell[])[] = [
  [100, 'Ann', 'NL'],
  [200, 'Bob', null],
  [400, 'Dee', 'BE'],
];

/** Versions that repeat, run backwards, are NULL, or all NULL for a key; a NULL customer. */
const ORDERS: readonly (readonly Cell[])[] = [
  [1, 100, 10, 'open', 1],
  [2, 100, 20, 'paid', 3],
  [3, 100, 30, 'paid', 2],
  [4, 200, 40, 'open', null],
  [5, 200, 50, 'open', 1],
  [6, 300, 60, 'open', null],
  [7, 300, 70, 'paid', null],
  [8, null, 80, 'open', 1],
  [9, null, 90, 'open', 2],
];

/** Halves of both signs; dates on a Wednesday, a leap day, a Sunday and a Saturday. */
const MEASURES: readonly (readonly Cell[])[] = [
  [1, 'a', 2, 2.5, '2024-03-13'],
  [2, 'a', 3, -2.5, '2024-02-29'],
  [3, 'b', -2, 0.5, '2024-03-10'],
  [4, 'b', -3, 1.4, '2024-01-06'],
  [5, 'c', 1, -0.5, null],
  [6, 'c', 2, 3.5, '2024-03-13'],
  [7, 'c', 2, null, null],
];

const measures = (columns: string, extra = '') => `sources:\n  - ref: rc_measures\n    alias: m\ncolumns:\n${columns}${extra}`;

const scores = (columns: string, extra = '') =>
  `sources:\n  - ref: rc_scores\n    alias: s\ncolumns:\n  - { name: player, type: STRING, from: s.player }\n${columns}${extra}`;

const ordersOnly = (columns: string, extra: string) => `sources:\n  - ref: rc_orders\n    alias: o\ncolumns:\n${columns}${extra}`;

const customersWithOrders = (columns: string, extra: string, ordersFilter = '') =>
  [
    'sources:',
    '  - ref: rc_customers',
    '    alias: c',
    '  - ref: rc_orders',
    '    alias: o',
    ...(ordersFilter ? [`    filter: "${ordersFilter}"`, '    rationale: Only these orders are matched.'] : []),
    'joins:',
    '  - { type: left, alias: o, on: o.customer_id = c.customer_id }',
    'columns:',
    columns + extra,
  ].join('\n');

/** Each order's customer, id and version: the columns of the latest-row cases. */
const VERSION_COLUMNS = [
  '  - { name: customer_id, type: INT64, from: o.customer_id }',
  '  - { name: order_id, type: INT64, from: o.order_id }',
  '  - { name: version, type: INT64, from: o.version }',
  '',
].join('\n');

/** Orders counted per customer: the columns of the having cases. */
const COUNT_COLUMNS = [
  '  - { name: customer_id, type: INT64, from: o.customer_id }',
  '  - { name: orders, type: INT64, from: o.order_id, aggregate: count }',
  '',
].join('\n');

/** A customer and a matched order (NULL when none): the columns of the where-after-a-left-join cases. */
const CUSTOMER_ORDER_COLUMNS = [
  '  - { name: customer_id, type: INT64, from: c.customer_id }',
  '  - { name: order_id, type: INT64, from: o.order_id }',
].join('\n');

const windowCase = (name: string, rule: string, columns: string, expected: string[]): RelationalCase => ({
  name,
  rule,
  spec: scores(columns),
  given: { rc_scores: SCORES },
  expected,
});

export const RELATIONAL_CORPUS: readonly RelationalCase[] = [
  // Window functions in transforms.
  windowCase(
    'rc_row_number_desc',
    'ORDER BY … DESC puts NULLs last; PARTITION BY groups NULL keys into one partition',
    '  - { name: rn, type: INT64, transform: "ROW_NUMBER() OVER (PARTITION BY s.grp ORDER BY s.score DESC, s.player)" }\n',
    ['ann | 3', 'bob | 1', 'cid | 2', 'dan | 4', 'eve | 2', 'fay | 3', 'gus | 1', 'hal | 2', 'ivy | 1'],
  ),
  windowCase(
    'rc_row_number_asc',
    'ORDER BY … ASC (the default) puts NULLs first',
    '  - { name: rn, type: INT64, transform: "ROW_NUMBER() OVER (PARTITION BY s.grp ORDER BY s.score, s.player)" }\n',
    ['ann | 2', 'bob | 4', 'cid | 3', 'dan | 1', 'eve | 1', 'fay | 2', 'gus | 3', 'hal | 1', 'ivy | 2'],
  ),
  windowCase(
    'rc_rank_dense_rank',
    'RANK leaves gaps after peers, DENSE_RANK does not; NULLs first ascending',
    [
      '  - { name: rnk, type: INT64, transform: "RANK() OVER (PARTITION BY s.grp ORDER BY s.score)" }',
      '  - { name: drnk, type: INT64, transform: "DENSE_RANK() OVER (PARTITION BY s.grp ORDER BY s.score)" }',
      '',
    ].join('\n'),
    ['ann | 2 | 2', 'bob | 4 | 4', 'cid | 3 | 3', 'dan | 1 | 1', 'eve | 1 | 1', 'fay | 1 | 1', 'gus | 3 | 2', 'hal | 1 | 1', 'ivy | 2 | 2'],
  ),
  windowCase(
    'rc_lag_lead',
    'LAG without a row is NULL; LEAD(x, 2, d) is d past the end but NULL when the row exists and x is NULL',
    [
      '  - { name: prev, type: INT64, transform: "LAG(s.score) OVER (PARTITION BY s.grp ORDER BY s.seq)" }',
      '  - { name: next2, type: INT64, transform: "LEAD(s.score, 2, -1) OVER (PARTITION BY s.grp ORDER BY s.seq)" }',
      '',
    ].join('\n'),
    [
      'ann | NULL | 20',
      'bob | 10 | NULL',
      'cid | 30 | -1',
      'dan | 20 | -1',
      'eve | NULL | 7',
      'fay | 5 | -1',
      'gus | 5 | -1',
      'hal | NULL | -1',
      'ivy | 1 | -1',
    ],
  ),
  windowCase(
    'rc_running_sum_peers',
    'with ORDER BY and no frame, the frame is RANGE UNBOUNDED PRECEDING: peers (equal order keys) share one sum; NULLs first, SUM skips NULL',
    '  - { name: running, type: INT64, transform: "SUM(s.score) OVER (PARTITION BY s.grp ORDER BY s.score)" }\n',
    ['ann | 10', 'bob | 60', 'cid | 30', 'dan | NULL', 'eve | 10', 'fay | 10', 'gus | 17', 'hal | 1', 'ivy | 3'],
  ),
  windowCase(
    'rc_sum_rows_frame',
    'ROWS BETWEEN 1 PRECEDING AND CURRENT ROW counts rows, not peers; SUM over one NULL and one value is the value',
    '  - { name: pair, type: INT64, transform: "SUM(s.score) OVER (PARTITION BY s.grp ORDER BY s.seq ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)" }\n',
    ['ann | 10', 'bob | 40', 'cid | 50', 'dan | 20', 'eve | 5', 'fay | 10', 'gus | 12', 'hal | 1', 'ivy | 3'],
  ),
  windowCase(
    'rc_partition_totals',
    'an aggregate OVER (PARTITION BY …) without ORDER BY covers the whole partition; COUNT(x) skips NULLs, COUNT(*) does not',
    [
      '  - { name: total, type: INT64, transform: "SUM(s.score) OVER (PARTITION BY s.grp)" }',
      '  - { name: scored, type: INT64, transform: "COUNT(s.score) OVER (PARTITION BY s.grp)" }',
      '  - { name: everyone, type: INT64, transform: "COUNT(*) OVER ()" }',
      '',
    ].join('\n'),
    [
      'ann | 60 | 3 | 9',
      'bob | 60 | 3 | 9',
      'cid | 60 | 3 | 9',
      'dan | 60 | 3 | 9',
      'eve | 17 | 3 | 9',
      'fay | 17 | 3 | 9',
      'gus | 17 | 3 | 9',
      'hal | 3 | 2 | 9',
      'ivy | 3 | 2 | 9',
    ],
  ),
  windowCase(
    'rc_first_last_value',
    'FIRST_VALUE sees the partition from its start (NULLs last descending); LAST_VALUE with the default frame ends at the current row',
    [
      '  - { name: top, type: STRING, transform: "FIRST_VALUE(s.player) OVER (PARTITION BY s.grp ORDER BY s.score DESC)" }',
      '  - { name: so_far, type: STRING, transform: "LAST_VALUE(s.player) OVER (PARTITION BY s.grp ORDER BY s.score DESC, s.player)" }',
      '',
    ].join('\n'),
    [
      'ann | bob | ann',
      'bob | bob | bob',
      'cid | bob | cid',
      'dan | bob | dan',
      'eve | gus | eve',
      'fay | gus | fay',
      'gus | gus | gus',
      'hal | ivy | hal',
      'ivy | ivy | ivy',
    ],
  ),
  windowCase(
    'rc_ntile',
    'NTILE(n) deals rows into n buckets, the first buckets one row larger when they do not divide evenly',
    '  - { name: half, type: INT64, transform: "NTILE(2) OVER (PARTITION BY s.grp ORDER BY s.seq)" }\n',
    ['ann | 1', 'bob | 1', 'cid | 2', 'dan | 2', 'eve | 1', 'fay | 1', 'gus | 2', 'hal | 1', 'ivy | 2'],
  ),

  // dedupe: latest row per key.
  {
    name: 'rc_dedupe_latest',
    rule: 'QUALIFY ROW_NUMBER() OVER (PARTITION BY key ORDER BY version DESC) = 1: NULLs last descending; a NULL key is one key; a tie goes to the smallest other column',
    spec: ordersOnly(
      VERSION_COLUMNS,
      'dedupe:\n  key: [customer_id]\n  order_by: [{ column: version, direction: desc }]\n  rationale: One row per customer, its latest version.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 2 | 3', '200 | 5 | 1', '300 | 6 | NULL', 'NULL | 9 | 2'],
  },
  {
    name: 'rc_dedupe_first_nulls_first',
    rule: 'ascending, NULLs sort first by default, so a NULL version wins',
    spec: ordersOnly(
      VERSION_COLUMNS,
      'dedupe:\n  key: [customer_id]\n  order_by: [{ column: version }]\n  rationale: One row per customer, its earliest version.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 1 | 1', '200 | 4 | NULL', '300 | 6 | NULL', 'NULL | 8 | 1'],
  },
  {
    name: 'rc_dedupe_first_nulls_last',
    rule: 'ASC NULLS LAST as written: a NULL version loses to any value',
    spec: ordersOnly(
      VERSION_COLUMNS,
      'dedupe:\n  key: [customer_id]\n  order_by: [{ column: version, direction: asc, nulls: last }]\n  rationale: One row per customer, its earliest known version.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 1 | 1', '200 | 5 | 1', '300 | 6 | NULL', 'NULL | 8 | 1'],
  },
  {
    name: 'rc_dedupe_tie_break',
    rule: 'rows tied on order_by are told apart by the other columns in declared order, ascending; strings compare by code point',
    spec: ordersOnly(
      [
        '  - { name: customer_id, type: INT64, from: o.customer_id }',
        '  - { name: status, type: STRING, from: o.status }',
        '  - { name: amount, type: INT64, from: o.amount }',
        '  - { name: order_id, type: INT64, from: o.order_id }',
        '',
      ].join('\n'),
      'dedupe:\n  key: [customer_id]\n  order_by: [{ column: status, direction: desc }]\n  rationale: A paid order, when the customer has one.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | paid | 20 | 2', '200 | open | 40 | 4', '300 | paid | 70 | 7', 'NULL | open | 80 | 8'],
  },
  {
    name: 'rc_dedupe_identical_rows',
    rule: 'rows equal in every column are interchangeable: one is kept',
    spec: ordersOnly(
      ['  - { name: customer_id, type: INT64, from: o.customer_id }', '  - { name: status, type: STRING, from: o.status }', ''].join('\n'),
      'dedupe:\n  key: [customer_id]\n  order_by: [{ column: status }]\n  rationale: One status per customer.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | open', '200 | open', '300 | open', 'NULL | open'],
  },
  {
    name: 'rc_dedupe_after_where',
    rule: 'the where runs first; dedupe ranks only the rows it keeps',
    spec: ordersOnly(
      ['  - { name: customer_id, type: INT64, from: o.customer_id }', '  - { name: order_id, type: INT64, from: o.order_id }', ''].join(
        '\n',
      ),
      [
        'where:',
        "  condition: o.status = 'paid'",
        '  rationale: Paid orders only.',
        'dedupe:',
        '  key: [customer_id]',
        '  order_by: [{ column: order_id, direction: desc }]',
        '  rationale: The latest paid order.',
        '',
      ].join('\n'),
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 3', '300 | 7'],
  },
  {
    name: 'rc_dedupe_sees_window',
    rule: 'as with QUALIFY, window functions are computed over all rows before any is dropped',
    spec: ordersOnly(
      [
        '  - { name: customer_id, type: INT64, from: o.customer_id }',
        '  - { name: order_id, type: INT64, from: o.order_id }',
        '  - { name: orders_of_customer, type: INT64, transform: "COUNT(*) OVER (PARTITION BY o.customer_id)" }',
        '',
      ].join('\n'),
      'dedupe:\n  key: [customer_id]\n  order_by: [{ column: order_id, direction: desc }]\n  rationale: The latest order, with the count of all.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 3 | 3', '200 | 5 | 2', '300 | 7 | 2', 'NULL | 9 | 2'],
  },
  {
    name: 'rc_dedupe_left_join',
    rule: 'a customer without orders has one NULL-extended row, which is kept',
    spec: customersWithOrders(
      [
        '  - { name: customer_id, type: INT64, from: c.customer_id }',
        '  - { name: name, type: STRING, from: c.name }',
        '  - { name: order_id, type: INT64, from: o.order_id }',
        '  - { name: version, type: INT64, from: o.version }',
      ].join('\n'),
      '\ndedupe:\n  key: [customer_id]\n  order_by: [{ column: version, direction: desc }]\n  rationale: Each customer with its latest order.\n',
    ),
    given: { rc_customers: CUSTOMERS, rc_orders: ORDERS },
    expected: ['100 | Ann | 2 | 3', '200 | Bob | 5 | 1', '400 | Dee | NULL | NULL'],
  },

  // where after the joins.
  {
    name: 'rc_where_anti_join',
    rule: 'after a LEFT JOIN, the unmatched rows carry NULL for the right side: IS NULL keeps exactly them',
    spec: customersWithOrders(
      ['  - { name: customer_id, type: INT64, from: c.customer_id }', '  - { name: name, type: STRING, from: c.name }'].join('\n'),
      '\nwhere:\n  condition: o.order_id IS NULL\n  rationale: Customers who never ordered.\n',
    ),
    given: { rc_customers: CUSTOMERS, rc_orders: ORDERS },
    expected: ['400 | Dee'],
  },
  {
    name: 'rc_where_drops_null_extended',
    rule: "WHERE keeps rows where the condition is TRUE: NULL = 'paid' is NULL, so the NULL-extended rows go",
    spec: customersWithOrders(
      CUSTOMER_ORDER_COLUMNS,
      "\nwhere:\n  condition: o.status = 'paid'\n  rationale: Customers with their paid orders.\n",
    ),
    given: { rc_customers: CUSTOMERS, rc_orders: ORDERS },
    expected: ['100 | 2', '100 | 3'],
  },
  {
    name: 'rc_input_filter_keeps_null_extended',
    rule: 'the same condition as an input filter runs before the LEFT JOIN: every customer stays, unmatched ones with NULLs',
    spec: customersWithOrders(CUSTOMER_ORDER_COLUMNS, '\n', "o.status = 'paid'"),
    given: { rc_customers: CUSTOMERS, rc_orders: ORDERS },
    expected: ['100 | 2', '100 | 3', '200 | NULL', '400 | NULL'],
  },
  {
    name: 'rc_where_three_valued_or',
    rule: 'NULL OR FALSE is NULL (dropped), NULL OR TRUE is TRUE (kept), FALSE OR NULL is NULL',
    spec: customersWithOrders(
      CUSTOMER_ORDER_COLUMNS,
      "\nwhere:\n  condition: c.country = 'NL' OR o.amount >= 50\n  rationale: Dutch customers, and large orders.\n",
    ),
    given: { rc_customers: CUSTOMERS, rc_orders: ORDERS },
    expected: ['100 | 1', '100 | 2', '100 | 3', '200 | 5'],
  },
  {
    name: 'rc_where_not_null',
    rule: 'NOT NULL is NULL: a row with a NULL version is dropped by NOT (version > 1) as well as by version > 1',
    spec: ordersOnly(
      '  - { name: order_id, type: INT64, from: o.order_id }\n',
      'where:\n  condition: NOT (o.version > 1)\n  rationale: First versions only.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['1', '5', '8'],
  },
  {
    name: 'rc_where_before_group_by',
    rule: 'WHERE runs before GROUP BY: the counts cover the kept rows only',
    spec: ordersOnly(
      [
        '  - { name: customer_id, type: INT64, from: o.customer_id }',
        '  - { name: open_orders, type: INT64, from: o.order_id, aggregate: count }',
        '',
      ].join('\n'),
      "where:\n  condition: o.status = 'open'\n  rationale: Open orders only.\ngroup_by: [customer_id]\n",
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 1', '200 | 2', '300 | 1', 'NULL | 2'],
  },

  // having after aggregation.
  {
    name: 'rc_having_count',
    rule: 'HAVING keeps the groups whose row satisfies it; a NULL group key is one group',
    spec: ordersOnly(
      COUNT_COLUMNS,
      'group_by: [customer_id]\nhaving:\n  condition: orders = 2\n  rationale: Customers with exactly two orders.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['200 | 2', '300 | 2', 'NULL | 2'],
  },
  {
    name: 'rc_having_null_sum',
    rule: 'SUM over only NULLs is NULL, and NULL > 1 is NULL: the group is dropped',
    spec: ordersOnly(
      [
        '  - { name: customer_id, type: INT64, from: o.customer_id }',
        '  - { name: versions, type: INT64, from: o.version, aggregate: sum }',
        '',
      ].join('\n'),
      'group_by: [customer_id]\nhaving:\n  condition: versions > 1\n  rationale: Customers with revised orders.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 6', 'NULL | 3'],
  },
  {
    name: 'rc_having_group_column',
    rule: 'HAVING may read the grouped columns as well as the aggregated ones',
    spec: ordersOnly(
      [
        '  - { name: status, type: STRING, from: o.status }',
        '  - { name: amount_total, type: INT64, from: o.amount, aggregate: sum }',
        '',
      ].join('\n'),
      "group_by: [status]\nhaving:\n  condition: status = 'open' OR amount_total < 100\n  rationale: Open orders, and small totals.\n",
    ),
    given: { rc_orders: ORDERS },
    expected: ['open | 330'],
  },
  {
    name: 'rc_having_after_where',
    rule: 'WHERE drops rows before grouping, HAVING drops groups after',
    spec: ordersOnly(
      COUNT_COLUMNS,
      [
        'where:',
        '  condition: o.customer_id IS NOT NULL',
        '  rationale: Orders of known customers.',
        'group_by: [customer_id]',
        'having:',
        '  condition: orders >= 2',
        '  rationale: Repeat customers.',
        '',
      ].join('\n'),
    ),
    given: { rc_orders: ORDERS },
    expected: ['100 | 3', '200 | 2', '300 | 2'],
  },
  {
    name: 'rc_having_coalesce',
    rule: 'MAX over only NULLs is NULL; COALESCE turns it into 0 before the comparison',
    spec: ordersOnly(
      [
        '  - { name: customer_id, type: INT64, from: o.customer_id }',
        '  - { name: max_version, type: INT64, from: o.version, aggregate: max }',
        '',
      ].join('\n'),
      'group_by: [customer_id]\nhaving:\n  condition: COALESCE(max_version, 0) < 2\n  rationale: Customers whose orders were never revised.\n',
    ),
    given: { rc_orders: ORDERS },
    expected: ['200 | 1', '300 | NULL'],
  },
  {
    name: 'rc_float_cast_to_int',
    rule: 'CAST of a FLOAT64 to INT64 rounds to the nearest integer, halves away from zero (conversion_rules#casting)',
    spec: measures('  - { name: id, type: INT64, from: m.id }\n  - { name: v, type: INT64, transform: CAST(m.x AS INT64) }\n'),
    given: { rc_measures: MEASURES },
    expected: ['1 | 3', '2 | -3', '3 | 1', '4 | 1', '5 | -1', '6 | 4', '7 | NULL'],
  },
  {
    name: 'rc_float_into_int_column',
    rule: 'a FLOAT64 transform in a column declared INT64 is cast as BigQuery casts: halves away from zero',
    spec: measures('  - { name: id, type: INT64, from: m.id }\n  - { name: v, type: INT64, transform: m.x * 1 }\n'),
    given: { rc_measures: MEASURES },
    expected: ['1 | 3', '2 | -3', '3 | 1', '4 | 1', '5 | -1', '6 | 4', '7 | NULL'],
  },
  {
    name: 'rc_int_division_into_int_column',
    rule: 'INT64 / INT64 is FLOAT64; declared INT64, it is rounded halves away from zero',
    spec: measures('  - { name: id, type: INT64, from: m.id }\n  - { name: v, type: INT64, transform: m.n / 4 }\n'),
    given: { rc_measures: MEASURES },
    expected: ['1 | 1', '2 | 1', '3 | -1', '4 | -1', '5 | 0', '6 | 1', '7 | 1'],
  },
  {
    name: 'rc_avg_into_int_column',
    rule: 'AVG of INT64 is FLOAT64 (2.5, -2.5, 1.67); declared INT64, it is rounded halves away from zero',
    spec: measures(
      '  - { name: grp, type: STRING, from: m.grp }\n  - { name: n_avg, type: INT64, from: m.n, aggregate: avg }\n',
      'group_by: [grp]\n',
    ),
    given: { rc_measures: MEASURES },
    expected: ['a | 3', 'b | -3', 'c | 2'],
  },
  {
    name: 'rc_date_trunc_of_date_column',
    rule: 'DATE_TRUNC of a DATE column is a DATE; WEEK starts on Sunday',
    spec: measures(
      [
        '  - { name: id, type: INT64, from: m.id }',
        '  - { name: month_start, type: STRING, transform: "CAST(DATE_TRUNC(m.d, MONTH) AS STRING)" }',
        '  - { name: week_start, type: STRING, transform: "CAST(DATE_TRUNC(m.d, WEEK) AS STRING)" }',
        '',
      ].join('\n'),
    ),
    given: { rc_measures: MEASURES },
    expected: [
      '1 | 2024-03-01 | 2024-03-10',
      '2 | 2024-02-01 | 2024-02-25',
      '3 | 2024-03-01 | 2024-03-10',
      '4 | 2024-01-01 | 2023-12-31',
      '5 | NULL | NULL',
      '6 | 2024-03-01 | 2024-03-10',
      '7 | NULL | NULL',
    ],
  },
];
