import * as path from 'node:path';
import { type Catalog } from '../catalog';
import { loadSpecsFolder } from '../load';
import { toCatalogMermaid } from './catalog-diagram';
import { checkMermaidFlowchart } from './mermaid-syntax';
import { toModelMermaid, toSourceMermaid } from './model-diagram';

const WORKSPACE = path.resolve(__dirname, '../../../..');
let catalog: Catalog;

beforeAll(async () => {
  catalog = (await loadSpecsFolder(WORKSPACE, 'specs')).catalog!;
});

describe('Mermaid diagrams', () => {
  it('are valid flowchart syntax for every model, every source and the catalog', () => {
    const diagrams = [
      ...catalog.models.map((model) => [model.name, toModelMermaid(model)]),
      ...catalog.sources.map((source) => [source.name, toSourceMermaid(source)]),
      ['catalog', toCatalogMermaid(catalog)],
    ];
    for (const [name, text] of diagrams) expect({ name, problems: checkMermaidFlowchart(text) }).toEqual({ name, problems: [] });
  });

  it('draw stg_customers as inputs, the address filter, the left join, the transforms and the target', () => {
    const text = toModelMermaid(catalog.models.find((model) => model.name === 'stg_customers')!);
    expect(text).toContain('input_0[("crm_customers AS c")]');
    expect(text).toContain('filter_1{{"WHERE country IS NOT NULL"}}');
    expect(text).toContain('join_0{"LEFT JOIN a ON c.customer_id = a.customer_id"}');
    expect(text).toContain('column_0["email = LOWER(TRIM(c.email))"]');
    expect(text).toMatch(/target\[\("staging\.stg_customers"\)\]/);
  });

  it('draw one table-level edge per model input', () => {
    const edges = toCatalogMermaid(catalog)
      .split('\n')
      .filter((line) => line.includes('-->')).length;
    expect(edges).toBe(catalog.models.reduce((sum, model) => sum + new Set(model.inputs.map((input) => input.ref)).size, 0));
  });
});

describe('the flowchart checker', () => {
  it.each([
    ['a missing header', 'a["x"]\n'],
    ['a keyword as node id', 'flowchart LR\n  end["x"]\n'],
    ['a raw quote in a label', 'flowchart LR\n  a["say "hi""]\n'],
    ['an edge to an unknown node', 'flowchart LR\n  a["x"]\n  a --> b\n'],
    ['an unclosed subgraph', 'flowchart LR\n  subgraph g["x"]\n  a["x"]\n'],
    ['an unquoted label', 'flowchart LR\n  a[x]\n'],
  ])('rejects %s', (_name, text) => {
    expect(checkMermaidFlowchart(text)).not.toEqual([]);
  });
});
