import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inputNames, type Catalog } from '../catalog';
import { exampleCatalog } from '../../test-support/example-catalog';
import { scratchNxWorkspace, type ScratchNxWorkspace } from '../../test-support/scratch-nx-workspace';
import { drawnNxGraph } from '../../test-support/browser/nx-graph-in-browser';
import { WORKSPACE_ROOT } from '../../test-support/example-catalog';

/**
 * The real `nx` CLI on a scratch copy of the example catalog, with the built plugin (run
 * jest's global setup builds it). `nx graph` must draw the lineage and nothing else, and `nx affected`
 * must stay as precise as when hub edges carried the catalog and the glossary: a spec edit
 * affects its project, what reads it downstream, and the catalog.
 */
describe('nx graph and nx affected on the example catalog', () => {
  let workspace: ScratchNxWorkspace;
  let catalog: Catalog;
  let projects: string[];

  beforeAll(async () => {
    workspace = scratchNxWorkspace();
    catalog = await exampleCatalog();
    projects = (JSON.parse(workspace.nx(['show', 'projects', '--json'])) as string[]).sort();
  }, 120_000);
  afterAll(() => workspace?.cleanup());

  const affectedBy = (file: string) =>
    (JSON.parse(workspace.nx(['show', 'projects', '--affected', `--files=${file}`, '--json'])) as string[]).sort();

  /** The dataset and everything that reads it, directly or not, by the lineage. */
  const downstream = (dataset: string): string[] => {
    const reached = new Set<string>([dataset]);
    const pending = [dataset];
    while (pending.length > 0)
      for (const reader of catalog.graph.readersOf(pending.pop()!))
        if (!reached.has(reader)) {
          reached.add(reader);
          pending.push(reader);
        }
    return [...reached];
  };

  it('has exactly the lineage edges: every model to each dataset it reads, nothing else', () => {
    workspace.nx(['graph', '--file=graph.json']);
    const graph = JSON.parse(readFileSync(path.join(workspace.root, 'graph.json'), 'utf8')) as {
      graph: { nodes: Record<string, unknown>; dependencies: Record<string, { source: string; target: string }[]> };
    };
    const edges = Object.values(graph.graph.dependencies)
      .flat()
      .map((edge) => `${edge.source} -> ${edge.target}`)
      .sort();
    const lineage = catalog.models.flatMap((model) => inputNames(model).map((input) => `${model.name} -> ${input}`)).sort();
    expect(edges).toEqual(lineage);
    // Every dataset is a node; so are the glossary, the workflow and the catalog, without edges.
    expect(Object.keys(graph.graph.nodes).sort()).toEqual(projects);
    expect(projects).toEqual(expect.arrayContaining([...catalog.datasets.keys(), 'catalog']));
  });

  it('draws exactly the lineage edges in the graph page, rendered in headless Chromium', async () => {
    workspace.nx(['graph', '--file=graph.html']);
    // UPDATE_SCREENSHOT=1 refreshes the README's picture of the graph from this very rendering.
    const screenshot = process.env.UPDATE_SCREENSHOT ? path.join(WORKSPACE_ROOT, 'docs/images/nx-graph.png') : undefined;
    const drawn = await drawnNxGraph(path.join(workspace.root, 'graph.html'), projects.length, screenshot);
    expect(drawn.nodes).toEqual(projects);
    const lineage = catalog.models.flatMap((model) => inputNames(model).map((input) => `${model.name} -> ${input}`)).sort();
    expect(drawn.edges).toEqual(lineage);
    // No node has more edges than its lineage gives it: the catalog, the glossary and the workflow have none.
    const degree = (edges: readonly string[], name: string) => edges.filter((edge) => edge.split(' -> ').includes(name)).length;
    for (const name of projects) expect({ name, edges: degree(drawn.edges, name) }).toEqual({ name, edges: degree(lineage, name) });
  }, 180_000);

  it('affects a model, its readers downstream and the catalog when its spec changes', () => {
    expect(affectedBy('specs/models/staging/stg_customers.yaml')).toEqual([...downstream('stg_customers'), 'catalog'].sort());
  });

  it('affects a source, its readers downstream and the catalog when its seed changes', () => {
    expect(affectedBy('specs/sources/crm/customers.csv')).toEqual([...downstream('crm_customers'), 'catalog'].sort());
  });

  it('affects the glossary, the datasets binding its terms, their readers and the catalog when the glossary changes', () => {
    const binders = [...catalog.datasets.values()].filter((dataset) => dataset.columns.some((column) => column.glossary));
    expect(binders.length).toBeGreaterThan(0);
    const glossary = projects.filter((name) => name.startsWith('glossary'));
    expect(affectedBy('specs/glossary/business_terms.yaml')).toEqual(
      [...new Set([...glossary, ...binders.flatMap((dataset) => downstream(dataset.name)), 'catalog'])].sort(),
    );
  });

  it('affects every project when the constitution changes', () => {
    expect(affectedBy('specs/constitution.yaml')).toEqual(projects);
  });
});
