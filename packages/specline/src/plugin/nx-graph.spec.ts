import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inputNames, type Catalog } from '../catalog';
import { exampleCatalog } from '../../test-support/example-catalog';
import { scratchNxWorkspace, type ScratchNxWorkspace } from '../../test-support/scratch-nx-workspace';

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
