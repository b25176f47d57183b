import { parseRequirementsMarkdown } from './requirements-markdown';
import { parseSpecJson } from './spec-json';
import { toModelSpec } from './to-model-spec';

const LAYERS = [
  { name: 'staging', pattern: '^stg_[a-z0-9_]+$', schema: 'staging' },
  { name: 'marts', pattern: '^(dim|fact)_[a-z0-9_]+$', schema: 'marts' },
];

describe('reading around the brief shape', () => {
  it('takes ### headings, bold labels, a sources list, tables known by their header and raw.-qualified SQL', () => {
    const markdown = [
      'Intro prose is the document’s own.',
      '### Model: `fact_orders`',
      '**Sources:**',
      '- raw.shop_orders',
      '- raw.shop_customers AS c',
      '**Owner:** shop-team',
      '| target_column | from_table | from_column | transform |',
      '|---|---|---|---|',
      '| order_id | raw.shop_orders | id | |',
      '| revenue | shop_orders | amount | SUM(amount) |',
      '| buyers | shop_orders | customer_id | COUNT(DISTINCT customer_id) |',
      '| rows | shop_orders | | COUNT(*) |',
      '',
      '| left_table | right_table | type | condition |',
      '|---|---|---|---|',
      '| raw.shop_orders | c | LEFT OUTER JOIN | raw.shop_orders.customer_id = c.id |',
      '## Appendix',
      'Not part of any model.',
    ].join('\n');
    const { models } = parseRequirementsMarkdown(markdown, 'r.md');
    expect(models).toHaveLength(1);
    const converted = toModelSpec(models[0], { layers: LAYERS });
    expect(converted.notes.map((n) => `${n.origin} ${n.reason}`)).toEqual([
      'r.md:10 the formula is read as aggregate: sum',
      'r.md:11 the formula is read as aggregate: count_distinct',
      'r.md:12 the formula is read as aggregate: count of 1',
      // With no catalog to read the inputs' types from, a count is INT64 and the rest STRING.
      'r.md:9 no type given; STRING assumed',
      'r.md:10 no type given; STRING assumed',
      'r.md:11 no type given; a count',
      'r.md:12 no type given; a count',
      'r.md:2 aggregates without a group-by: the model is grouped by its columns that are not aggregated',
    ]);
    expect(converted.spec).toEqual({
      kind: 'model',
      name: 'fact_orders',
      layer: 'marts',
      owner: 'shop-team',
      sources: [
        { ref: 'shop_orders', alias: 'shop_orders' },
        { ref: 'shop_customers', alias: 'c' },
      ],
      joins: [{ type: 'left', alias: 'c', on: 'shop_orders.customer_id = c.id' }],
      group_by: ['order_id'],
      columns: [
        { name: 'order_id', type: 'STRING', from: 'shop_orders.id' },
        { name: 'revenue', type: 'STRING', from: 'shop_orders.amount', aggregate: 'sum' },
        { name: 'buyers', type: 'INT64', from: 'shop_orders.customer_id', aggregate: 'count_distinct' },
        { name: 'rows', type: 'INT64', transform: '1', aggregate: 'count' },
      ],
    });
  });

  it('reads a spec.json holding one model, parameterised tests as text and a target schema block', () => {
    const { models, notes } = parseSpecJson(
      JSON.stringify({
        name: 'stg_accounts',
        sources: ['raw.billing_accounts'],
        target: { schema: 'temp', database: 'dwh' },
        column_mapping: [
          {
            target_column: 'plan',
            type: 'STRING',
            from_table: 'billing_accounts',
            from_column: 'plan',
            transform: null,
            nullable: false,
            tests: ["accepted_values(['free', 'pro'])", 'relationships(to=dim_plan, field=plan)'],
          },
        ],
      }),
      'a.json',
    );
    expect(notes).toEqual([]);
    const converted = toModelSpec(models[0], { layers: LAYERS });
    expect(converted.notes.map((n) => `${n.origin}: ${n.effect}: ${n.text}`)).toEqual([
      'a.json#/target/database: unmapped: database: "dwh"',
    ]);
    expect(converted.spec).toMatchObject({
      name: 'stg_accounts',
      layer: 'staging',
      schema: 'temp',
      columns: [
        {
          name: 'plan',
          nullable: false,
          tests: [{ accepted_values: ['free', 'pro'] }, { relationships: { to: 'dim_plan', field: 'plan' } }],
        },
      ],
    });
  });

  it('refuses a model whose name matches no layer pattern, saying which patterns there are', () => {
    const { models } = parseRequirementsMarkdown(
      '## Model: orders_raw\nSources: raw.x\n| target_column | from_table | from_column | type |\n|-|-|-|-|\n| id | x | id | INT64 |',
      'r.md',
    );
    const converted = toModelSpec(models[0], { layers: LAYERS });
    expect(converted.spec).toBeUndefined();
    expect(converted.notes).toEqual([
      expect.objectContaining({ origin: 'r.md:1', effect: 'refused', reason: expect.stringContaining('staging: ^stg_[a-z0-9_]+$') }),
    ]);
  });
});
