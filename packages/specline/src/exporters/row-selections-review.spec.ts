import type { Catalog, Model } from '../catalog';
import { exampleCatalog } from '../../test-support/example-catalog';
import { GOLDEN_WORKSPACE } from '../../test-support/golden-workspace';
import { checkMermaidFlowchart } from './mermaid-syntax';
import { toModelMermaid } from './model-diagram';
import { filtersTable } from './model-tables';

/** Reviewers see a model's where, having and dedupe in its filters table and its diagram, in the order they apply. */
describe('where, having and dedupe in the review documents', () => {
  let catalog: Catalog;
  const model = (name: string): Model => catalog.models.find((candidate) => candidate.name === name)!;
  beforeAll(async () => {
    catalog = await exampleCatalog(GOLDEN_WORKSPACE);
  });

  it('list each in the filters table with its rationale', () => {
    expect(filtersTable(model('int_order_facts')).rows).toEqual([
      ['', 'where (after the joins)', 'o.order_id IS NOT NULL OR rf.refunded > 0', expect.stringContaining('money moved')],
      [
        '',
        'dedupe (one row per key)',
        'key order_id; first by net_amount DESC NULLS LAST, carrier ASC NULLS LAST',
        expect.stringContaining('one row per order'),
      ],
    ]);
    expect(filtersTable(model('int_customer_totals')).rows).toEqual([
      ['', 'having (after group_by)', 'customer_id IS NOT NULL AND (orders >= 2 OR revenue > 100)', expect.stringContaining('repeat')],
    ]);
  });

  it('draw them between the joins and the target, as valid flowcharts', () => {
    const facts = toModelMermaid(model('int_order_facts'));
    expect(facts).toContain('join_4 --> where');
    expect(facts).toContain('where --> column_0');
    expect(facts).toContain('column_0 --> dedupe');
    expect(facts).toContain('dedupe --> target');
    const totals = toModelMermaid(model('int_customer_totals'));
    expect(totals).toContain('group_by --> having');
    expect(totals).toContain('having --> target');
    for (const text of [facts, totals]) expect(checkMermaidFlowchart(text)).toEqual([]);
  });
});
