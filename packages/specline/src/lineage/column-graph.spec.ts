import type { Catalog } from '../catalog';
import { exampleCatalog } from '../../test-support/example-catalog';
import { ColumnGraph, formatLineageTree, type LineageTree } from './column-graph';

/** Every root-to-leaf path of a tree, as `dataset.column` steps. */
function paths(tree: LineageTree): string[][] {
  const here = `${tree.column.dataset}.${tree.column.column}`;
  return tree.next.length === 0 ? [[here]] : tree.next.flatMap((child) => paths(child).map((rest) => [here, ...rest]));
}

describe('column lineage across all hops, on the example catalog', () => {
  let catalog: Catalog;
  let graph: ColumnGraph;

  beforeAll(async () => {
    catalog = await exampleCatalog();
    graph = new ColumnGraph(catalog);
  });

  it('traces a mart column back to the source column, with the transform at each hop', () => {
    const tree = graph.tree({ dataset: 'dim_customer', column: 'email_sha256' }, 'up');
    expect(paths(tree)).toEqual([['dim_customer.email_sha256', 'stg_customers.email', 'crm_customers.email']]);
    const [staging] = tree.next;
    expect(staging.hop).toMatchObject({ kind: 'transformation', transform: expect.stringMatching(/SHA256\(c\.email\)/) });
    expect(staging.next[0].hop).toMatchObject({
      from: { dataset: 'crm_customers', column: 'email' },
      to: { dataset: 'stg_customers', column: 'email' },
    });
  });

  it('follows a source column down to the marts', () => {
    const tree = graph.tree({ dataset: 'crm_customers', column: 'email' }, 'down');
    const reached = new Set(paths(tree).flat());
    expect(reached).toContain('dim_customer.email_sha256');
    expect([...reached].every((step) => catalog.datasets.has(step.split('.')[0]))).toBe(true);
  });

  it('agrees with one-hop lineage in both directions: every hop up is a hop down', () => {
    for (const model of catalog.models)
      for (const column of model.columns)
        for (const hop of graph.hopsInto({ dataset: model.name, column: column.name }))
          expect(graph.hopsOutOf(hop.from)).toContainEqual(hop);
  });

  it('prints the tree one column a line, with how each hop derives it', () => {
    const text = formatLineageTree(graph.tree({ dataset: 'dim_customer', column: 'email_sha256' }, 'up'));
    expect(text.split('\n')[0]).toBe('dim_customer.email_sha256');
    expect(text.split('\n')[1]).toMatch(/^  stg_customers\.email  \[transformation: .*SHA256/);
    expect(text.split('\n')[2]).toMatch(/^    crm_customers\.email  \[/);
  });
});
