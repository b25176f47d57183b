import { logger } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import {
  briefMarkdownSection,
  briefSpecJsonModel,
  byTableName,
  exampleModelSpecs,
  type SpecObject,
} from '../../../test-support/brief-formats';
import { copyExampleSpecs } from '../../../test-support/example-workspace';
import { loadTreeCatalog } from '../shared/tree-catalog';
import { importModels } from './generator';

/**
 * spec:import reads the two formats the product brief shows, as written: the whole example
 * catalog in each, imported into a workspace without its models, must come back field by
 * field; and a file with placeholders and pieces that do not map gets every one reported
 * at its line, with the models that map written and the others refused.
 */
const MODELS = exampleModelSpecs();

function workspaceWithoutModels() {
  const tree = createTreeWithEmptyWorkspace();
  copyExampleSpecs(tree, (file) => !file.startsWith('models/'));
  return tree;
}

const spaces = (text: unknown) => String(text).replace(/\s+/g, ' ').trim();

/** A catalog model as the formats can carry it: aliases are the table names, SQL qualified by them. */
function carried(spec: SpecObject): SpecObject {
  const sql = byTableName(spec);
  const refOf = (alias: string) => (spec['sources'] as SpecObject[]).find((s) => s['alias'] === alias)!['ref'];
  const out: SpecObject = {
    kind: 'model',
    name: spec['name'],
    layer: spec['layer'],
    description: spaces(spec['description']),
    owner: spec['owner'],
  };
  out['sources'] = (spec['sources'] as SpecObject[]).map((s) => ({
    ref: s['ref'],
    alias: s['ref'],
    ...(s['filter'] ? { filter: sql(s['filter']), rationale: s['rationale'] } : {}),
  }));
  if (spec['joins'])
    out['joins'] = (spec['joins'] as SpecObject[]).map((j) => ({ type: j['type'], alias: refOf(j['alias']), on: sql(j['on']) }));
  for (const key of ['group_by', 'load', 'constraints']) if (spec[key]) out[key] = spec[key];
  out['columns'] = (spec['columns'] as SpecObject[]).map((c) => ({
    ...c,
    ...(c['from'] ? { from: `${refOf(c['from'].split('.')[0])}.${c['from'].split('.')[1]}` } : {}),
    ...(c['transform'] ? { transform: sql(c['transform']) } : {}),
    ...(c['description'] ? { description: spaces(c['description']) } : {}),
  }));
  return out;
}

function imported(tree: ReturnType<typeof workspaceWithoutModels>, spec: SpecObject): SpecObject {
  const { $schema: _schema, ...out } = parse(tree.read(`specs/models/${spec['layer']}/${spec['name']}.yaml`, 'utf-8')!) as SpecObject;
  void _schema;
  for (const column of out['columns']) if (column['transform']) column['transform'] = spaces(column['transform']);
  return out;
}

const MARKDOWN = `# Customer 360 requirements\n\nWritten by the analytics team.\n\n${MODELS.map(briefMarkdownSection).join('\n')}`;
const SPEC_JSON = JSON.stringify({ models: MODELS.map(briefSpecJsonModel) }, null, 2);

describe.each([
  ['requirements.md', MARKDOWN],
  ['spec.json', SPEC_JSON],
])('spec:import of the whole example catalog written as the brief shows (%s)', (file, text) => {
  let tree: ReturnType<typeof workspaceWithoutModels>;
  let report: Awaited<ReturnType<typeof importModels>>;
  beforeAll(async () => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    tree = workspaceWithoutModels();
    tree.write(`docs/${file}`, text);
    report = await importModels(tree, { input: `docs/${file}` });
  });
  afterAll(() => jest.restoreAllMocks());

  it('imports every model, and the catalog validates', async () => {
    expect(report.refused).toEqual([]);
    expect(report.written).toEqual(MODELS.map((m) => `specs/models/${m['layer']}/${m['name']}.yaml`));
    const { diagnostics } = await loadTreeCatalog(tree, 'specs');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(MODELS.map((m) => [m['name'], m]))('carries %s over field by field', (_name, spec) => {
    expect(imported(tree, spec)).toEqual(carried(spec));
  });

  it('reports, line by line, each formula read as an aggregate, each derived group-by, and each field it has no place for', () => {
    const at = (name: string, column?: string): string => {
      const m = MODELS.findIndex((spec) => spec['name'] === name);
      if (file.endsWith('.json')) {
        const c = (MODELS[m]['columns'] as SpecObject[]).findIndex((col) => col['name'] === column);
        return column ? `docs/${file}#/models/${m}/column_mapping/${c}` : `docs/${file}#/models/${m}`;
      }
      const lines = text.split('\n');
      const heading = lines.findIndex((line) => line.startsWith(`## Model: ${name} `));
      const row = column ? lines.findIndex((line, i) => i > heading && line.startsWith(`| ${column} |`)) : heading;
      return `docs/${file}:${row + 1}`;
    };
    const grouped =
      'changed: aggregates without a group-by: the model is grouped by its columns that are not aggregated [group_by: [customer_id]]';
    const expected = [
      `${at('int_customer_orders')}: ${grouped}`,
      `${at('int_customer_orders', 'order_count')}: changed: the formula is read as aggregate: count [COUNT(order_id)]`,
      `${at('int_customer_orders', 'lifetime_value_usd')}: changed: the formula is read as aggregate: sum [SUM(amount_usd)]`,
      `${at('int_customer_orders', 'first_order_at')}: changed: the formula is read as aggregate: min [MIN(ordered_at)]`,
      `${at('int_customer_orders', 'last_order_at')}: changed: the formula is read as aggregate: max [MAX(ordered_at)]`,
      `${at('int_customer_tickets')}: ${grouped}`,
      `${at('int_customer_tickets', 'tickets_total')}: changed: the formula is read as aggregate: count [COUNT(ticket_id)]`,
      `${at('int_customer_tickets', 'tickets_open')}: changed: the formula is read as aggregate: sum of CASE WHEN stg_support_tickets.is_open THEN 1 ELSE 0 END [SUM(CASE WHEN stg_support_tickets.is_open THEN 1 ELSE 0 END)]`,
      `${at('int_customer_tickets', 'tickets_high_priority')}: changed: the formula is read as aggregate: sum of CASE WHEN stg_support_tickets.priority IN ('high', 'urgent') THEN 1 ELSE 0 END [SUM(CASE WHEN stg_support_tickets.priority IN ('high', 'urgent') THEN 1 ELSE 0 END)]`,
      `${at('int_customer_tickets', 'avg_resolution_hours')}: changed: the formula is read as aggregate: avg [AVG(resolution_hours)]`,
    ];
    if (file.endsWith('.json'))
      expected.push(
        'docs/spec.json#/models/3/orchestration: unmapped: not a field of a model spec [orchestration: {"sla":"2h"}]',
        'docs/spec.json#/models/4/effective_at: changed: a column of the model, so it is load.updated_at: each version takes effect at its updated_at [effective_at: updated_at]',
        'docs/spec.json#/models/5/orchestration: unmapped: not a field of a model spec [orchestration: {"schedule":"0 6 * * *","retries":2,"retry_delay":"10m","sla":"3h"}]',
        'docs/spec.json#/models/9/orchestration: unmapped: not a field of a model spec [orchestration: {"schedule":"@hourly","retries":3,"retry_delay":"5m","sla":"1h"}]',
      );
    expect(report.notes.map((n) => `${n.origin}: ${n.effect}: ${n.reason} [${n.text}]`)).toEqual(expected);
  });
});

describe('spec:import of requirements with placeholders and pieces that do not map', () => {
  const REQUIREMENTS = [
    '# Onboarding notes', // 1
    '', // 2
    '```markdown', // 3
    '## Model: stg_customer_tiers (schema: tmp)', // 4
    'Sources: raw.crm_customers, raw.crm_addresses', // 5
    'Description: Customer tiers, still being specified.', // 6
    'Owner: crm-team', // 7
    'Budget: 12k', // 8
    '', // 9
    'Column mapping:', // 10
    '| target_column | from_table    | from_column | transform                | type   | tests                | colour |', // 11
    '|---------------|---------------|-------------|--------------------------|--------|----------------------|--------|', // 12
    '| customer_id   | crm_customers | customer_id |                          | INT64  | not_null, unique     | blue   |', // 13
    '| tier          | crm_customers | status      | [case statement mapping] | STRING |                      |        |', // 14
    '| city          | crm_addresses | city        |                          |        | accepted_values(...) |        |', // 15
    '', // 16
    'Joins:', // 17
    '| left_table    | right_table   | type | condition                                                  |', // 18
    '|---------------|---------------|------|------------------------------------------------------------|', // 19
    '| crm_customers | crm_addresses | LEFT | crm_customers.customer_id = crm_addresses.customer_id AND ... |', // 20
    '', // 21
    'Filters:', // 22
    '| applies_to    | predicate          | rationale                       |', // 23
    '|---------------|--------------------|---------------------------------|', // 24
    '| crm_addresses | country IS NOT NULL | addresses without a country are test data |', // 25
    'Ask Bob about the tiers.', // 26
    '```', // 27
    '', // 28
    '### Model: int_order_totals', // 29
    'Sources: staging.stg_orders', // 30
    'Description: Order totals.', // 31
    'Owner: finance-team', // 32
    'Column mapping:', // 33
    '| target_column | from_table | from_column | transform                    | type          |', // 34
    '|---|---|---|---|---|', // 35
    '| customer_id   | stg_orders | customer_id |                              | INT64         |', // 36
    '| total         | stg_orders | total_amount | ROUND(SUM(total_amount), 2) | NUMERIC(18,2) |', // 37
    'Joins:', // 38
    '| left_table | right_table | type | condition |', // 39
    '|---|---|---|---|', // 40
    '| stg_orders | stg_fx_rates | LEFT | stg_orders.currency = stg_fx_rates.currency |', // 41
    '', // 42
    '### Model: stg_order_refs', // 43
    'Sources: raw.commerce_orders', // 44
    'Description: Order keys.', // 45
    'Owner: commerce-team', // 46
    'Column mapping:', // 47
    '| target_column | from_table | from_column | type |', // 48
    '|---|---|---|---|', // 49
    '| order_id | commerce_orders | order_number | INT64 |', // 50
  ].join('\n');

  let tree: ReturnType<typeof workspaceWithoutModels>;
  let report: Awaited<ReturnType<typeof importModels>>;
  let warned: string[];
  beforeAll(async () => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    warned = [];
    jest.spyOn(logger, 'warn').mockImplementation((message: string) => void warned.push(message));
    tree = workspaceWithoutModels();
    tree.write('req.md', REQUIREMENTS);
    report = await importModels(tree, { input: 'req.md' });
  });
  afterAll(() => jest.restoreAllMocks());

  it('writes the model that maps, placeholders as TODOs, and refuses the others', () => {
    expect(report.written).toEqual(['specs/models/staging/stg_customer_tiers.yaml']);
    expect(report.refused).toEqual(['int_order_totals', 'stg_order_refs']);
    expect(tree.exists('specs/models/intermediate/int_order_totals.yaml')).toBe(false);
    expect(tree.exists('specs/models/staging/stg_order_refs.yaml')).toBe(false);
    const spec = parse(tree.read('specs/models/staging/stg_customer_tiers.yaml', 'utf-8')!) as SpecObject;
    expect(spec['schema']).toBe('tmp');
    expect(spec['layer']).toBe('staging');
    expect(spec['sources']).toEqual([
      { ref: 'crm_customers', alias: 'crm_customers' },
      {
        ref: 'crm_addresses',
        alias: 'crm_addresses',
        filter: 'country IS NOT NULL',
        rationale: 'addresses without a country are test data',
      },
    ]);
    expect(spec['joins']).toEqual([
      { type: 'left', alias: 'crm_addresses', on: 'TODO: crm_customers.customer_id = crm_addresses.customer_id AND ...' },
    ]);
    expect(spec['columns'][1]).toEqual({
      name: 'tier',
      type: 'STRING',
      from: 'crm_customers.status',
      transform: 'TODO: [case statement mapping]',
    });
    expect(spec['columns'][2]).toEqual({
      name: 'city',
      type: 'STRING',
      from: 'crm_addresses.city',
      tests: [{ expression: 'TODO: accepted_values(...)' }],
    });
  });

  it('reports every piece not carried over exactly at its line, and prints the report without --strict', () => {
    const expected = [
      'req.md:8: unmapped: not a field of a model spec [budget: "12k"]',
      'req.md:13: unmapped: not a column mapping field [colour: blue]',
      'req.md:14: todo: tier: the transform is a placeholder; a TODO stands in [[case statement mapping]]',
      "req.md:15: todo: the accepted_values test's values are a placeholder; a TODO expression test stands in [accepted_values(...)]",
      'req.md:15: changed: no type given; the type of crm_addresses.city [city: STRING]',
      'req.md:20: todo: the join condition is a placeholder or cut short; a TODO stands in [crm_customers.customer_id = crm_addresses.customer_id AND ...]',
      'req.md:26: unmapped: not part of the requirements format [Ask Bob about the tiers.]',
      'req.md:37: refused: SUM inside a larger expression: a column aggregates one expression (SUM(x)); compute the rest in a model downstream [ROUND(SUM(total_amount), 2)]',
      'req.md:41: refused: the joined table stg_fx_rates is not among the Sources [{"left_table":"stg_orders","right_table":"stg_fx_rates","type":"LEFT","condition":"stg_orders.currency = stg_fx_rates.currency"}]',
    ];
    const lines = report.notes.map((n) => `${n.origin}: ${n.effect}: ${n.reason}${n.text ? ` [${n.text}]` : ''}`);
    expect(lines.slice(0, 9)).toEqual(expected.slice(0, 9));
    expect(lines[9]).toMatch(/^req\.md:50: refused: REF003: /);
    expect(lines).toHaveLength(10);
    expect(warned.join('\n')).toBe(lines.map((line) => `  ${line}`).join('\n'));
  });

  it('leaves TODOs that fail validation with a hint at the place of each placeholder', async () => {
    const { diagnostics } = await loadTreeCatalog(tree, 'specs');
    const todos = diagnostics.filter((d) => d.code === 'TODO001');
    expect(todos.map((d) => `${d.location.file}:${d.pointer}`)).toEqual([
      'specs/models/staging/stg_customer_tiers.yaml:/joins/0/on',
      'specs/models/staging/stg_customer_tiers.yaml:/columns/1/transform',
      'specs/models/staging/stg_customer_tiers.yaml:/columns/2/tests/0/expression',
    ]);
    expect(todos.every((d) => d.severity === 'error' && /Write the expression/.test(d.hint ?? ''))).toBe(true);
  });

  it('with --strict writes nothing, listing every loss', async () => {
    const strict = workspaceWithoutModels();
    strict.write('req.md', REQUIREMENTS);
    await expect(importModels(strict, { input: 'req.md', strict: true })).rejects.toMatchObject({
      code: 'invalid-spec',
      message: expect.stringContaining('req.md:37: refused:'),
    });
    expect(strict.listChanges().filter((c) => c.path.startsWith('specs/models/'))).toEqual([]);
  });
});
