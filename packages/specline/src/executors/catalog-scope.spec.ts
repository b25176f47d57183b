import type { ExecutorContext, ProjectGraph } from '@nx/devkit';
import { projectsNeededBy, specFilesNeededBy } from './catalog-scope';

function contextOf(projects: Record<string, { kind: string; dependsOn?: string[]; lookups?: string[] }>): ExecutorContext {
  const graph: ProjectGraph = { nodes: {}, dependencies: {} };
  for (const [name, project] of Object.entries(projects)) {
    graph.nodes[name] = {
      name,
      type: 'lib',
      data: { root: `specs/${name}.yaml`, tags: [`kind:${project.kind}`], metadata: { specline: { lookups: project.lookups } } },
    } as ProjectGraph['nodes'][string];
    graph.dependencies[name] = (project.dependsOn ?? []).map((target) => ({ source: name, target, type: 'implicit' }));
  }
  return { root: '/ws', cwd: '/ws', isVerbose: false, projectGraph: graph } as unknown as ExecutorContext;
}

const CATALOG = {
  raw_a: { kind: 'source' },
  raw_b: { kind: 'source' },
  stg_a: { kind: 'model', dependsOn: ['raw_a', 'glossary-terms'] },
  stg_b: { kind: 'model', dependsOn: ['raw_b'] },
  dim_a: { kind: 'model', dependsOn: ['stg_a'], lookups: ['stg_b'] },
  fact: { kind: 'model', dependsOn: ['dim_a', 'stg_b'] },
  'glossary-terms': { kind: 'glossary' },
  'glossary-other': { kind: 'glossary' },
};

describe('the spec projects a set of tasks needs', () => {
  it('is their upstream, their lookups with their upstream, and every glossary; never downstream', () => {
    expect([...projectsNeededBy(contextOf(CATALOG), ['stg_a'])!].sort()).toEqual(['glossary-other', 'glossary-terms', 'raw_a', 'stg_a']);
    expect([...projectsNeededBy(contextOf(CATALOG), ['dim_a'])!].sort()).toEqual([
      'dim_a',
      'glossary-other',
      'glossary-terms',
      'raw_a',
      'raw_b',
      'stg_a',
      'stg_b',
    ]);
  });

  it('is the whole catalog for a workspace-level task or a spec the plugin could not describe', () => {
    expect(projectsNeededBy(contextOf({ ...CATALOG, catalog: { kind: 'catalog' } }), ['catalog'])).toBeUndefined();
    expect(projectsNeededBy(contextOf({ ...CATALOG, 'invalid-models-x': { kind: 'invalid' } }), ['invalid-models-x'])).toBeUndefined();
    expect(
      projectsNeededBy(contextOf({ ...CATALOG, 'duplicate-models-x': { kind: 'model', dependsOn: ['raw_a'] } }), ['duplicate-models-x']),
    ).toBeUndefined();
  });

  it('always includes spec files that are no project, such as the constitution', () => {
    const files = ['specs/constitution.yaml', ...Object.keys(CATALOG).map((name) => `specs/${name}.yaml`)];
    expect(specFilesNeededBy(contextOf(CATALOG), ['raw_b'], files)).toEqual([
      'specs/constitution.yaml',
      'specs/raw_b.yaml',
      'specs/glossary-terms.yaml',
      'specs/glossary-other.yaml',
    ]);
  });
});
